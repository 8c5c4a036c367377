package io.inkwell.support.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Whose budget a request spends: a token's issuer and subject, or the address of an anonymous caller.
 * The filter leaves it on a GraphQL request (attribute {@link #ATTRIBUTE}), which pays once its cost is known.
 */
public record Payer(String key, boolean anonymous) {

    public static final String ATTRIBUTE = Payer.class.getName();

    /** The caller of this request, after authentication. */
    static Payer of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return new Payer("sub:" + token.getToken().getIssuer() + "|" + token.getToken().getSubject(), false);
        }
        return new Payer("ip:" + request.getRemoteAddr(), true);
    }
}
