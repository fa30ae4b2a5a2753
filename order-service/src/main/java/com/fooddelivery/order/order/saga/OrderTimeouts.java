package com.fooddelivery.order.order.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the saga waits before it gives up (tests shorten these).
 *
 * @param payment for the payment provider's answer
 * @param restaurant for the restaurant to accept or reject
 * @param courier for a courier to accept the delivery
 * @param capture for payment-service to answer the capture of a delivered order; then a person must look
 */
@ConfigurationProperties("order.timeouts")
public record OrderTimeouts(
        @DefaultValue("30s") Duration payment,
        @DefaultValue("10m") Duration restaurant,
        @DefaultValue("15m") Duration courier,
        @DefaultValue("10m") Duration capture) {}
