package io.inkwell.command.user;

import io.inkwell.support.validation.CleanText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /users}; the name is trimmed before it is checked. */
record RegisterUserRequest(
        @NotNull @Size(min = 2, max = 100) @CleanText String name,
        @NotNull @Size(max = 254) @Email(regexp = UserRequests.EMAIL, message = "must be a valid email address") @CleanText String email) {

    RegisterUserRequest {
        name = UserRequests.trim(name);
        email = UserRequests.trim(email);
    }
}
