package com.fooddelivery.order.account.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tokens order-service issues ({@code auth.*}).
 *
 * @param issuer the {@code iss} claim; resource servers that set {@code issuer-uri} check it
 * @param tokenLifetime how long an access token is valid; short, because it cannot be revoked
 * @param keyRotationPeriod how long a signing key signs before a new one replaces it
 */
@ConfigurationProperties("auth")
public record AuthProperties(
        @DefaultValue("http://localhost:8081") String issuer,
        @DefaultValue("15m") Duration tokenLifetime,
        @DefaultValue("30d") Duration keyRotationPeriod) {}
