package io.inkwell.command.user;

import io.inkwell.command.web.GraphQlInputs;
import io.inkwell.command.web.IdempotentCreation;
import io.inkwell.command.web.Versions;
import io.inkwell.command.web.WriteResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The profile mutations of {@code commands.graphqls}: the REST API's commands, rules and answers. */
@Controller
class UserGraphQlController {

    private final UserWrites users;
    private final IdempotentCreation idempotency;
    private final GraphQlInputs inputs;

    UserGraphQlController(UserWrites users, IdempotentCreation idempotency, GraphQlInputs inputs) {
        this.users = users;
        this.idempotency = idempotency;
        this.inputs = inputs;
    }

    @MutationMapping
    WriteResult registerUser(@Argument RegisterUserRequest input) {
        return idempotency.body(users.register(inputs.valid(input), null), WriteResult.class);
    }

    @MutationMapping
    WriteResult updateUser(@Argument String id, @Argument UpdateUserRequest input, @Argument Integer expectedVersion) {
        return users.update(id, inputs.valid(input), Versions.expectedSequence(expectedVersion));
    }

    @MutationMapping
    WriteResult deleteUser(@Argument String id) {
        return users.delete(id, null);
    }
}
