package io.inkwell.api.user;

import io.inkwell.api.PersonalData;
import org.axonframework.serialization.Revision;

/** A person registered a profile for their identity at an OpenID Connect issuer. */
@Revision("1")
public record UserRegisteredEvent(String userId, @PersonalData String name, @PersonalData String email,
                                  String issuer, String subject) {
}
