package io.inkwell.command.user;

import io.inkwell.support.validation.CleanText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /users/{id}}: fields left out stay as they are. */
record UpdateUserRequest(
        @Size(min = 2, max = 100) @CleanText String name,
        @Size(max = 254) @Email(regexp = UserRequests.EMAIL, message = "must be a valid email address") @CleanText String email) {

    UpdateUserRequest {
        name = UserRequests.trim(name);
        email = UserRequests.trim(email);
    }
}
