package io.inkwell.api.user;

import io.inkwell.api.PersonalData;
import org.axonframework.serialization.Revision;

/** A user changed the email on their profile. */
@Revision("1")
public record UserEmailChangedEvent(String userId, @PersonalData String email) {
}
