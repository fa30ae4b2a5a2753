package com.fooddelivery.order.order.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.intake.*}: when new orders are refused because payments fell behind ({@link IntakeAdmission}).
 *
 * @param maxPaymentWait how long the oldest order may have waited for its payment answer before new orders are
 *     refused; well under the payment timeout ({@code order.timeouts.payment}), so the orders already accepted are
 *     still answered in time
 * @param retryAfter what a refused client is told to wait
 * @param checkInterval how often the oldest wait is read
 */
@ConfigurationProperties("order.intake")
public record IntakeSettings(
        @DefaultValue("10s") Duration maxPaymentWait,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("500ms") Duration checkInterval) {}
