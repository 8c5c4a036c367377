package io.inkwell.support.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLSchema;
import java.util.Map;

/**
 * What an operation costs and how deep it nests, from its document alone, before anything runs. The
 * document is first normalised as graphql-java executes it (fragments spread where they are used, fields
 * of the same name merged), so a fragment used twice costs twice. A field costs its own price plus what it
 * selects; a field that takes a page size ({@code first}) multiplies what it selects by that size, or by
 * the default page size when the query leaves it out. {@code __typename} is free. The introspection fields
 * ({@code __schema}, {@code __type}) count for cost but not for depth: their type references nest by
 * design, and graphql-java's good-faith introspection check bounds them.
 */
final class QueryCost {

    static final String PAGE_SIZE_ARGUMENT = "first";

    /** The sum saturates here rather than wrapping around; any limit worth having is far below. */
    static final long SATURATED = Long.MAX_VALUE / 4;

    private QueryCost() {
    }

    /** How an operation measures: its deepest field (1 for a root field) and its total cost. */
    record Measure(int depth, long cost) {
    }

    /** The prices: per field by default, {@code Type.field} and {@code Type.*} overrides, the default page size. */
    record Prices(long fieldCost, Map<String, Long> fieldCosts, long defaultPageSize) {

        long of(ExecutableNormalizedField field) {
            long price = -1;
            for (String type : field.getObjectTypeNames()) {
                Long own = fieldCosts.get(type + "." + field.getFieldName());
                price = Math.max(price, own != null ? own : fieldCosts.getOrDefault(type + ".*", fieldCost));
            }
            return price < 0 ? fieldCost : price;
        }
    }

    /**
     * Measures the named operation (or the only one) of a document that has passed validation.
     *
     * @param stopAbove a document with more fields than this is not normalised to the end: its cost is then
     *                  some number above this, which is all a limit needs to know, and a document written
     *                  to make the measuring itself expensive cannot make it so
     */
    static Measure measure(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables,
                           Prices prices, long stopAbove) {
        ExecutableNormalizedOperationFactory.Options options = ExecutableNormalizedOperationFactory.Options.defaultOptions()
                .maxFieldsCount((int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, stopAbove)));
        try {
            var operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                    schema, document, operationName, variables, options);
            long cost = 0;
            int depth = 0;
            for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
                cost = plus(cost, cost(field, schema, prices));
                if (!field.getFieldName().startsWith("__")) {
                    depth = Math.max(depth, depth(field));
                }
            }
            return new Measure(depth, cost);
        } catch (AbortExecutionException tooManyFields) {
            return new Measure(0, Math.max(stopAbove, 0) + 1);
        }
    }

    private static long cost(ExecutableNormalizedField field, GraphQLSchema schema, Prices prices) {
        if (field.getFieldName().equals("__typename")) {
            return 0;
        }
        long selected = 0;
        for (ExecutableNormalizedField child : field.getChildren()) {
            selected = plus(selected, cost(child, schema, prices));
        }
        return plus(prices.of(field), times(multiplier(field, schema, prices), selected));
    }

    private static long multiplier(ExecutableNormalizedField field, GraphQLSchema schema, Prices prices) {
        boolean paged = field.getFieldDefinitions(schema).stream()
                .map(definition -> definition.getArgument(PAGE_SIZE_ARGUMENT)).anyMatch(argument -> argument != null);
        if (!paged) {
            return 1;
        }
        return field.getResolvedArguments().get(PAGE_SIZE_ARGUMENT) instanceof Number size
                ? Math.max(0, size.longValue())
                : prices.defaultPageSize();
    }

    private static int depth(ExecutableNormalizedField field) {
        int deepest = field.getLevel();
        for (ExecutableNormalizedField child : field.getChildren()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest;
    }

    static long plus(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    static long times(long a, long b) {
        try {
            return Math.min(SATURATED, Math.multiplyExact(a, b));
        } catch (ArithmeticException overflow) {
            return SATURATED;
        }
    }
}
