package io.inkwell.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives an error answer without a body its problem detail. Some answers are only a status: Actuator's 404
 * for a health group that does not exist, say, which no exception handler ever sees. After the rest of
 * the chain, a 4xx or 5xx that wrote nothing and is not yet on its way gets the catalogue's problem for
 * its status.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class EmptyErrorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyWatch watched = new BodyWatch(response);
        chain.doFilter(request, watched);
        if (response.getStatus() >= 400 && !watched.bodyStarted && !response.isCommitted()
                && !"HEAD".equals(request.getMethod())) {
            Problem problem = Problem.forStatus(response.getStatus());
            response.setContentLengthLong(-1);
            problem.write(response, problem.title());
        }
    }

    /** Notes whether anyone asked for the body, and so may have written one. */
    private static final class BodyWatch extends HttpServletResponseWrapper {

        private boolean bodyStarted;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }
    }
}
