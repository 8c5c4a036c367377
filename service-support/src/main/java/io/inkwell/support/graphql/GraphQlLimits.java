package io.inkwell.support.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.inkwell.support.ratelimit.Payer;
import io.inkwell.support.ratelimit.RateLimiter;
import io.inkwell.support.ratelimit.Spending;
import io.inkwell.support.web.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits of a GraphQL operation, checked after validation and before any resolver runs: depth, cost,
 * and the caller's budget, which pays the cost. A refused operation runs nothing at all. While it runs, no
 * field starts after the time limit: the rest answer {@code request-timed-out} (a resolver already running
 * finishes; the database and Elasticsearch calls have time limits of their own).
 */
class GraphQlLimits extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(GraphQlLimits.class);

    private final GraphQlLimitsProperties properties;
    private final @Nullable RateLimiter budgets;

    GraphQlLimits(GraphQlLimitsProperties properties, @Nullable RateLimiter budgets) {
        this.properties = properties;
        this.budgets = budgets;
    }

    private record Deadline(long nanos) implements InstrumentationState {
        boolean passed() {
            return System.nanoTime() - nanos > 0;
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(System.nanoTime() + properties.timeout().toNanos());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        QueryCost.Measure measure = QueryCost.measure(execution.getGraphQLSchema(), execution.getDocument(),
                execution.getExecutionInput().getOperationName(), execution.getCoercedVariables(), properties.prices(),
                properties.maxCost());
        if (measure.depth() > properties.maxDepth()) {
            throw refused(Problem.QUERY_TOO_DEEP, "The query nests " + measure.depth()
                    + " fields deep; at most " + properties.maxDepth() + " are allowed", Map.of());
        }
        if (measure.cost() > properties.maxCost()) {
            throw refused(Problem.QUERY_TOO_COSTLY, "The query costs more than " + properties.maxCost()
                    + " (a field is " + properties.fieldCost() + ", a page multiplies what it selects by its size)",
                    Map.of("maxCost", properties.maxCost()));
        }
        pay(execution.getGraphQLContext(), Math.max(1, measure.cost()));
        return SimpleInstrumentationContext.noOp();
    }

    private void pay(GraphQLContext context, long cost) {
        Payer payer = context.get(Payer.class);
        if (budgets == null || payer == null) {
            return;
        }
        Spending spending = budgets.spendOnGraphQl(payer, cost);
        context.put(Spending.class, spending);
        if (!spending.allowed()) {
            log.info("GraphQL rate limit reached for {} (cost {}, {} left)", payer.key(), cost, spending.remaining());
            throw refused(Problem.RATE_LIMITED, "Too many requests: this query costs " + cost + ", " + spending.remaining()
                    + " of the budget is left; retry in " + spending.retryAfterSeconds() + " s",
                    Map.of("cost", cost, "retryAfter", spending.retryAfterSeconds()));
        }
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || !(state instanceof Deadline deadline)) {
            return fetcher;
        }
        return environment -> {
            if (deadline.passed()) {
                return DataFetcherResult.newResult().error(GraphQlProblems.error(Problem.REQUEST_TIMED_OUT,
                                "The request ran longer than " + properties.timeout().toMillis()
                                        + " ms; this field was not resolved")
                        .path(environment.getExecutionStepInfo().getPath())
                        .location(environment.getField().getSourceLocation()).build()).build();
            }
            return fetcher.get(environment);
        };
    }

    private static AbortExecutionException refused(Problem problem, String message, Map<String, Object> more) {
        GraphqlErrorBuilder<?> error = GraphQlProblems.error(problem, message);
        if (!more.isEmpty()) {
            Map<String, Object> extensions = new LinkedHashMap<>(more);
            extensions.put(GraphQlProblems.CODE, problem.code());
            error.extensions(extensions);
        }
        return new AbortExecutionException(List.of(error.build()));
    }
}
