package io.inkwell.command.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * Mutations run on the request's own (virtual) thread. Spring for GraphQL would hand blocking controller
 * methods to the task executor, where the request id in the logging context and the caller kept on the
 * request are missing: the events a mutation causes would lose the request id that REST's carry.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecutionConfig {

    @Bean
    static BeanPostProcessor mutationsOnTheRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof AnnotatedControllerConfigurer controllers) {
                    controllers.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }
}
