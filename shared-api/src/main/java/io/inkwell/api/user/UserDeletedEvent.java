package io.inkwell.api.user;

import org.axonframework.serialization.Revision;

/** A profile was deactivated; read models erase its personal data. */
@Revision("1")
public record UserDeletedEvent(String userId) {
}
