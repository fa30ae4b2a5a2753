package com.fooddelivery.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * problem+json for every error, in the client's language (English, Hindi or Tamil), strict reading of request
 * bodies, a limit on their size ({@link RequestBodyLimitFilter}) and per-client rate limiting ({@link RateLimitFilter}),
 * in every service that serves HTTP.
 */
// Before Boot's MVC configuration, whose own problem-details handler and JSON converter then back off.
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemResponses.class, ProblemLanguage.class, ProblemErrorController.class})
@EnableConfigurationProperties(RateLimitProperties.class)
public class WebSupportAutoConfiguration {

    /**
     * Request bodies are read strictly: an unknown field is refused (400 naming it), so a typo such as
     * {@code "quantiy"} is never silently ignored, and so are duplicate fields, fractions for whole numbers and
     * numbers or booleans sent as text. Only HTTP input is strict: the service's own mapper stays tolerant, so consumers keep reading
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

    /** The one writer of problems for every servlet filter (rate limit, body size, security, idempotency). */
    @Bean
    @ConditionalOnMissingBean
    FilterProblems filterProblems(ProblemMessages messages, ObjectProvider<JsonMapper> json) {
        return new FilterProblems(
                messages, json.getIfAvailable(() -> JsonMapper.builder().build()));
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
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, FilterProblems problems) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(properties, problems));
        registration.setOrder(RateLimitFilter.ORDER);
        return registration;
    }

    /** {@code web.max-request-body}, 1 MB unless set. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${web.max-request-body:1MB}") String max, FilterProblems problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(DataSize.parse(max), problems));
        registration.setOrder(RequestBodyLimitFilter.ORDER);
        return registration;
    }

    /** Tomcat's own error answers (before any filter runs) as problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** 409 for a request that lost a race in the database, where Spring's data access is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.dao.ConcurrencyFailureException")
    @Import(ConcurrencyProblems.class)
    static class DataAccessProblems {}

    static JsonMapper strictForRequests(JsonMapper json) {
        JsonMapper.Builder strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // {"quantity":1,"quantity":9}: which one did the client mean? Neither is taken.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // A quantity of 1.5 is refused, not cut to 1.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // "2" is text, not a number, and "true" is not a boolean: JSON has types, a client that sends them wrong
        // is told so instead of guessed at.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            strict.withCoercionConfig(
                    type, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
        }
        return strict.build();
    }
}
