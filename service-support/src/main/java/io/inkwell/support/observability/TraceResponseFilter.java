package io.inkwell.support.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers each request with the {@code traceparent} of the span that served it, so that a client (or an
 * operator with a failed request's headers) can find the trace, and the log lines that carry its trace id.
 * Runs just inside Spring's HTTP observation filter, which has accepted the caller's {@code traceparent}
 * and opened the server span by then.
 */
public class TraceResponseFilter extends OncePerRequestFilter implements Ordered {

    private final TraceContext traces;

    public TraceResponseFilter(TraceContext traces) {
        this.traces = traces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceparent = traces.current().get(TraceContext.TRACEPARENT);
        if (traceparent != null) {
            response.setHeader(TraceContext.TRACEPARENT, traceparent);
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        // ServerHttpObservationFilter's order is HIGHEST_PRECEDENCE + 1.
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
