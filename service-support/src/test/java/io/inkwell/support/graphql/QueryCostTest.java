package io.inkwell.support.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryCostTest {

    static final String SCHEMA = """
            type Query {
              post(id: ID!): Post
              posts(first: Int, after: String): PostConnection!
              tags: [String!]!
            }
            type Mutation { publishPost(id: ID!): Written! }
            type Written { id: ID! version: Int! }
            type PostConnection { edges: [PostEdge!]! totalCount: Int! }
            type PostEdge { cursor: String! node: Post! }
            type Post { id: ID! title: String! author: User! tags: [String!]! }
            type User { id: ID! name: String! posts(first: Int): PostConnection! }
            """;

    static final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse(SCHEMA), RuntimeWiring.newRuntimeWiring().build());

    private static final QueryCost.Prices ONE_EACH = new QueryCost.Prices(1, Map.of(), 10);

    @Test
    void aFieldCostsOneAndWhatItSelects() {
        assertThat(measure("{ post(id: 1) { id title author { name } } }", ONE_EACH))
                .isEqualTo(new QueryCost.Measure(3, 5));
    }

    @Test
    void aPageMultipliesWhatItSelectsByItsSize() {
        // posts: 1 + 20 x (edges 1 + node 1 + id 1 + author 1 + name 1) = 101
        assertThat(measure("{ posts(first: 20) { edges { node { id author { name } } } } }", ONE_EACH).cost())
                .isEqualTo(101);
    }

    @Test
    void aPageWithoutASizeCountsAsTheDefaultPageSize() {
        assertThat(measure("{ posts { totalCount } }", ONE_EACH).cost()).isEqualTo(1 + 10);
    }

    @Test
    void pageSizesFromVariablesCountAsWell() {
        QueryCost.Measure measure = QueryCost.measure(schema, Parser.parse("query($n: Int) { posts(first: $n) { totalCount } }"),
                null, CoercedVariables.of(Map.of("n", 50)), ONE_EACH, 1000);
        assertThat(measure.cost()).isEqualTo(51);
    }

    @Test
    void nestedPagesMultiply() {
        String query = "{ posts(first: 10) { edges { node { author { posts(first: 10) { edges { node { id } } } } } } } }";
        // inner posts: 1 + 10 x 3 = 31; author 32; node 33; edges 34; outer: 1 + 10 x 34 = 341
        assertThat(measure(query, ONE_EACH)).isEqualTo(new QueryCost.Measure(8, 341));
    }

    @Test
    void typenameIsFreeAndFragmentsCountEveryTimeTheyAreSpread() {
        String query = "{ a: post(id: 1) { ...p } b: post(id: 2) { ...p __typename } } fragment p on Post { id title }";
        assertThat(measure(query, ONE_EACH).cost()).isEqualTo(6);
    }

    @Test
    void fieldsCanHavePricesOfTheirOwnByNameOrByType() {
        QueryCost.Prices prices = new QueryCost.Prices(1, Map.of("Mutation.*", 100L, "Post.author", 5L), 10);
        assertThat(measure("mutation { publishPost(id: 1) { id version } }", prices).cost()).isEqualTo(102);
        assertThat(measure("{ post(id: 1) { author { id } } }", prices).cost()).isEqualTo(1 + 5 + 1);
    }

    @Test
    void aHugePageSaturatesInsteadOfOverflowing() {
        String query = "{ posts(first: 2147483647) { edges { node { author { posts(first: 2147483647) { edges { node { "
                + "author { posts(first: 2147483647) { totalCount } } } } } } } } } }";
        QueryCost.Measure measure = QueryCost.measure(schema, Parser.parse(query), null, CoercedVariables.emptyVariables(),
                ONE_EACH, Long.MAX_VALUE);
        assertThat(measure.cost()).isEqualTo(QueryCost.SATURATED);
    }

    @Test
    void stopsCountingOnceTheLimitIsPassed() {
        QueryCost.Measure measure = QueryCost.measure(schema, Parser.parse("{ posts(first: 100) { edges { node { id title } } } }"),
                null, CoercedVariables.emptyVariables(), ONE_EACH, 50);
        assertThat(measure.cost()).isGreaterThan(50);
    }

    @Test
    void introspectionCountsForCostButNotForDepth() {
        String query = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }";
        QueryCost.Measure measure = measure(query, ONE_EACH);
        assertThat(measure.depth()).isZero();
        assertThat(measure.cost()).isEqualTo(9);
    }

    @Test
    void theIntrospectionQueryOfGraphiQlFitsTheDefaultLimits() {
        GraphQlLimitsProperties defaults = new GraphQlLimitsProperties(null, null, null, null, null, null, null);
        QueryCost.Measure measure = measure(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY, defaults.prices());
        assertThat(measure.depth()).isZero();
        assertThat(measure.cost()).isBetween(50L, defaults.maxCost());
    }

    private static QueryCost.Measure measure(String query, QueryCost.Prices prices) {
        return QueryCost.measure(schema, Parser.parse(query), null, CoercedVariables.emptyVariables(), prices, 1_000_000);
    }
}
