package com.fooddelivery.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json for every error, in the client's language (English, Hindi or Tamil), strict reading of request
 * bodies and per-client rate limiting ({@link RateLimitFilter}), in every service that serves HTTP.
 */
// Before Boot's MVC configuration, whose own problem-details handler and JSON converter then back off.
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemResponses.class, ProblemLanguage.class})
@EnableConfigurationProperties(RateLimitProperties.class)
public class WebSupportAutoConfiguration {

    /**
     * Request bodies with an unknown field are refused (400 naming it), so a typo such as {@code "quantiy"} is never
     * silently ignored. Only HTTP input is strict: the service's own mapper stays tolerant, so consumers keep reading
     * messages that a newer producer extended.
     */
    @Bean
    JacksonJsonHttpMessageConverter strictJsonRequests(JsonMapper json) {
        return new JacksonJsonHttpMessageConverter(strictForRequests(json));
    }

    /** The texts of every {@code problems/*.properties} bundle on the service's class path. */
    @Bean
    @ConditionalOnMissingBean
    ProblemMessages problemMessages(ResourceLoader resources) {
        return ProblemMessages.fromClasspath(resources.getClassLoader());
    }

    /** Named so, DispatcherServlet uses it, and Boot's own (the JVM's or the header's language, any) backs off. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new AcceptLanguageResolver();
    }

    /** Switched off with {@code web.rate-limit.enabled=false}. */
    @Bean
    @ConditionalOnProperty(name = "web.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties properties, ProblemMessages messages, ObjectProvider<JsonMapper> json) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(properties, messages, json.getIfAvailable(() -> JsonMapper.builder()
                        .build())));
        registration.setOrder(RateLimitFilter.ORDER);
        return registration;
    }

    static JsonMapper strictForRequests(JsonMapper json) {
        return json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
