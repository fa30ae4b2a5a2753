package com.fooddelivery.order.account.token;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * order-service is the identity provider of the system and, like every service, a resource server. By default it
 * checks tokens against its own signing keys, read from its database, so it needs no HTTP call to itself. Setting
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (or {@code issuer-uri}) replaces this decoder with
 * Spring Boot's, for an external OpenID Connect provider, as in every other service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class SelfIssuedTokens {

    /** bcrypt, in Spring Security's delegating format ({@code {bcrypt}...}), so a stronger one can follow. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.isBlank()"
            + " and '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isBlank()")
    JwtDecoder ownTokens(SigningKeys keys, AuthProperties properties) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSource(keys.asVerificationSource()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return decoder;
    }

    /** The first start makes the first signing key, so the JWKS is never empty. */
    @Bean
    ApplicationRunner firstSigningKey(SigningKeys keys) {
        return arguments -> keys.signingKey();
    }
}
