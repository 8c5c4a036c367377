package io.inkwell.query.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.context.ContextRegistry;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements that one HTTP request makes, for tests that prove a page costs a fixed number of
 * them: a request with header {@value #HEADER} has every statement prepared for it counted under the
 * header's value, on whichever thread the request's work runs. The projections' own statements (other threads) are not counted; requests without the header
 * are not touched. Part of the shared test context, which component scanning finds in the test classes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StatementCounter extends OncePerRequestFilter implements BeanPostProcessor {

    static final String HEADER = "X-Test-Count-Statements";
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();
    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    static {
        // Spring for GraphQL runs controller methods and batch loaders on the task executor's (virtual) threads,
        // carrying registered thread locals over with Micrometer's context propagation, as it carries security's.
        ContextRegistry.getInstance().registerThreadLocalAccessor("inkwell.test.statement-count",
                CURRENT::get, CURRENT::set, CURRENT::remove);
    }

    /** The statements counted for requests sent with this header value. */
    static int counted(String label) {
        AtomicInteger count = COUNTS.get(label);
        return count == null ? 0 : count.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String label = request.getHeader(HEADER);
        if (label == null) {
            chain.doFilter(request, response);
            return;
        }
        CURRENT.set(COUNTS.computeIfAbsent(label, l -> new AtomicInteger()));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        AtomicInteger count = CURRENT.get();
                        if (count != null && STATEMENTS.contains(method.getName())) {
                            count.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
