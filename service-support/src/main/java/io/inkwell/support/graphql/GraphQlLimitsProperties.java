package io.inkwell.support.graphql;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of every GraphQL request: {@code inkwell.graphql.*}.
 *
 * @param maxDepth        deepest field nesting accepted (a root field is 1)
 * @param maxCost         highest cost accepted (see {@link QueryCost}); also what a request spends of the
 *                        caller's {@code graphql} rate-limit budget
 * @param fieldCost       the price of a field without one of its own
 * @param fieldCosts      prices of particular fields, {@code Type.field} or {@code Type.*}
 * @param defaultPageSize the multiplier of a field that takes {@code first} when a query leaves it out
 * @param timeout         no field starts resolving after this much time of the request has passed
 * @param introspection   whether {@code __schema} and {@code __type} answer; off, clients need the schema files
 */
@ConfigurationProperties("inkwell.graphql")
public record GraphQlLimitsProperties(Integer maxDepth, Long maxCost, Long fieldCost, Map<String, Long> fieldCosts,
                                      Long defaultPageSize, Duration timeout, Boolean introspection) {

    public GraphQlLimitsProperties {
        maxDepth = maxDepth == null ? 10 : maxDepth;
        maxCost = maxCost == null ? 1000 : maxCost;
        fieldCost = fieldCost == null ? 1 : fieldCost;
        fieldCosts = fieldCosts == null ? Map.of() : Map.copyOf(fieldCosts);
        defaultPageSize = defaultPageSize == null ? 10 : defaultPageSize;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        introspection = introspection == null || introspection;
    }

    QueryCost.Prices prices() {
        return new QueryCost.Prices(fieldCost, fieldCosts, defaultPageSize);
    }
}
