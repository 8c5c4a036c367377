package io.inkwell.command.web;

import io.inkwell.support.web.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the writes in progress. Beyond the bound a write waits here, in arrival order and holding nothing,
 * rather than inside: there it would borrow a database connection for the caller's profile, give it back and
 * queue again for its transaction, so that under a crowd every write waited twice and the slowest waited for
 * all. A write that cannot start within {@code max-wait} gets 503 with {@code Retry-After}, so that a crowd
 * meets back-pressure rather than a service that answers nobody in time. GraphQL requests to command-service
 * are mutations, so they count as writes too. Runs after authentication: a
 * request without a valid token never waits.
 */
@Component
class WriteAdmission extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Semaphore inProgress;
    private final Duration maxWait;

    WriteAdmission(@Value("${inkwell.writes.max-in-progress:16}") int maxInProgress,
                   @Value("${inkwell.writes.max-wait:2s}") Duration maxWait) {
        this.inProgress = new Semaphore(maxInProgress, true);
        this.maxWait = maxWait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !WRITES.contains(request.getMethod()) || !(path.startsWith("/api/") || path.equals("/graphql"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = inProgress.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "1");
            Problem.SERVICE_UNAVAILABLE.write(response, "Too many writes in progress; retry in 1 s");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inProgress.release();
        }
    }
}
