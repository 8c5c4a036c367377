package io.inkwell.command.user;

import io.inkwell.command.web.IdempotentCreation;
import io.inkwell.command.web.Versions;
import io.inkwell.command.web.WriteResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "Register, change and delete profiles")
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

    private final UserWrites users;

    UserController(UserWrites users) {
        this.users = users;
    }

    /** Registers the calling identity's profile. */
    @PostMapping(consumes = "application/json")
    ResponseEntity<?> register(@Valid @RequestBody RegisterUserRequest request,
                               @RequestHeader(name = IdempotentCreation.HEADER, required = false) String key) {
        return users.register(request, key);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    ResponseEntity<WriteResult> update(@PathVariable String id, @Valid @RequestBody UpdateUserRequest request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        WriteResult updated = users.update(id, request, Versions.expectedSequence(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        WriteResult deleted = users.delete(id, Versions.expectedSequence(ifMatch));
        return ResponseEntity.noContent().eTag(Versions.etag(deleted.version())).build();
    }
}
