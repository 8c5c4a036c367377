package io.inkwell.command.security;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code me}: GraphQL needs a query type; this one tells a client which profile its token acts as. */
@Controller
class CallerGraphQlController {

    private final CurrentCaller callers;

    CallerGraphQlController(CurrentCaller callers) {
        this.callers = callers;
    }

    record Me(String issuer, String subject, List<String> roles, String profileId) {
    }

    @QueryMapping
    Me me() {
        Caller caller = callers.get();
        return new Me(caller.issuer(), caller.subject(), caller.roles().stream().sorted().toList(),
                caller.userId().orElse(null));
    }
}
