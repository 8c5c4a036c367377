package io.inkwell.api.user;

import io.inkwell.api.PersonalData;
import org.axonframework.serialization.Revision;

/** A user changed the name on their profile. */
@Revision("1")
public record UserRenamedEvent(String userId, @PersonalData String name) {
}
