package io.inkwell.command.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.command.CommandServiceContext;
import io.inkwell.testing.TestIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An issuer added by environment variables alone whose tokens carry roles in {@code scope}, as many
 * providers do ({@code INKWELL_SECURITY_ISSUERS_UNRELIABLE_ROLESCLAIM=scope}): writing a post needs the role
 * {@code user}, so the role check tells whether the claim was read.
 */
@CommandServiceContext
class RolesClaimIT {

    private static final TestIssuer scopeIssuer = TestIssuer.unreliable();

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void issuerReachable() {
        scopeIssuer.goOnline();
    }

    @Test
    void grantsTheRolesThatTheIssuerPutsIntoScope() throws Exception {
        // Past the role check: what stops this caller now is that they have no profile yet.
        writePost(scopeIssuer.token("openid", "user"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/profile-required"));
    }

    @Test
    void grantsNoRoleThatScopeDoesNotName() throws Exception {
        writePost(scopeIssuer.token("openid", "profile"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/forbidden"));
    }

    private ResultActions writePost(String token) throws Exception {
        return mvc.perform(post("/api/v1/posts").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Scoped\", \"content\": \"Roles from scope\"}"));
    }
}
