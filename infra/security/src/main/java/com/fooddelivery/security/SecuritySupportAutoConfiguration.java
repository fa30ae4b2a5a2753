package com.fooddelivery.security;

import com.fooddelivery.web.FilterProblems;
import com.fooddelivery.web.WebSupportAutoConfiguration;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes the service an OAuth2 resource server: every request but health, info and metrics needs a valid bearer token
 * (RS256, checked against the JWKS at {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, and the issuer
 * when {@code issuer-uri} is set), then the service's {@link AccessRules} decide by role. Stateless: no session, no
 * cookie, so no CSRF to defend against.
 */
// After web-support, whose problem texts the 401/403 answers use; before Boot's default chains, which then back off.
@AutoConfiguration(
        after = WebSupportAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecuritySupportAutoConfiguration {

    static final String[] OPEN_ACTUATOR_ENDPOINTS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
    };

    @Bean
    SecurityFilterChain resourceServer(
            HttpSecurity http, ObjectProvider<AccessRules> rules, FilterProblems filterProblems) throws Exception {
        SecurityProblems problems = new SecurityProblems(filterProblems);
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(endpoints -> {
                    endpoints.requestMatchers(OPEN_ACTUATOR_ENDPOINTS).permitAll();
                    // Where Boot forwards errors raised outside Spring MVC; the original request was already checked.
                    endpoints.requestMatchers("/error").permitAll();
                    rules.orderedStream().forEach(rule -> rule.apply(endpoints));
                    endpoints.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * No observations of Spring Security's own: the filter chain (an event per filter), the authentication and the
     * authorization of every request. The HTTP request's observation ({@code http.server.requests}, its span and its
     * status) already covers them, a denied request included, and profiled under reads they were 18 % of
     * query-service's CPU samples (docs/performance.md).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Every service's token decoder, Spring Boot's or its own, remembers what it verified. */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment) {
        long maxSize = environment.getProperty("security.verified-tokens.max-size", Long.class, 10_000L);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(decoder, maxSize, Clock.systemUTC())
                        : bean;
            }
        };
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** {@code roles: ["CUSTOMER"]} becomes the authority {@code ROLE_CUSTOMER}, which {@code hasRole} checks. */
    static Converter<Jwt, AbstractAuthenticationToken> rolesAsAuthorities() {
        return token -> new JwtAuthenticationToken(
                token,
                Caller.of(token).roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList(),
                token.getSubject());
    }
}
