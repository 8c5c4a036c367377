package io.inkwell.support.graphql;

import graphql.GraphQL;
import io.inkwell.support.ratelimit.RateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The same GraphQL limits in every service that brings Spring for GraphQL: depth, cost, a time limit, rate
 * limiting by cost and introspection that can be switched off ({@code inkwell.graphql.*}).
 */
@AutoConfiguration
@ConditionalOnClass({GraphQL.class, WebGraphQlInterceptor.class})
@EnableConfigurationProperties(GraphQlLimitsProperties.class)
public class GraphQlLimitsAutoConfiguration {

    @Bean
    GraphQlLimits graphQlLimits(GraphQlLimitsProperties properties, ObjectProvider<RateLimiter> budgets) {
        return new GraphQlLimits(properties, budgets.getIfAvailable());
    }

    @Bean
    GraphQlLimitsInterceptor graphQlLimitsInterceptor(GraphQlLimitsProperties properties) {
        return new GraphQlLimitsInterceptor(properties);
    }
}
