package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.payment.payment.domain.LedgerEntry;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.Payment;
import com.fooddelivery.payment.payment.domain.PaymentMethod;
import com.fooddelivery.payment.payment.domain.PaymentStatus;
import com.fooddelivery.payment.payment.domain.Payments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments in the {@code payment} table and their provider operations in the append-only {@code payment_ledger}. A
 * new payment is inserted (two first commands racing on one order: the loser fails on the primary key and is
 * redelivered), a stored one updated under the row lock taken by {@link #lock}.
 */
class JdbcPayments implements Payments {

    private final JdbcClient jdbc;

    JdbcPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Payment> lock(UUID orderId) {
        return jdbc.sql("select * from payment where order_id = ? for update")
                .param(orderId)
                .query((rs, row) -> Payment.restore(snapshot(rs)))
                .optional();
    }

    @Override
    public void save(Payment payment) {
        Payment.Snapshot s = payment.snapshot();
        String sql = payment.isStored() ? """
                update payment set customer_id = :customerId, method = :method, amount_minor = :amountMinor,
                    currency = :currency, status = :status, authorization_id = :authorizationId,
                    decline_code = :declineCode, decline_reason = :declineReason, captured_minor = :capturedMinor,
                    refunded_minor = :refundedMinor, refunds_reserved_minor = :refundsReservedMinor,
                    updated_at = :updatedAt
                where order_id = :orderId""" : """
                insert into payment (order_id, customer_id, method, amount_minor, currency, status, authorization_id,
                    decline_code, decline_reason, captured_minor, refunded_minor, refunds_reserved_minor, created_at,
                    updated_at)
                values (:orderId, :customerId, :method, :amountMinor, :currency, :status, :authorizationId,
                    :declineCode, :declineReason, :capturedMinor, :refundedMinor, :refundsReservedMinor, :createdAt,
                    :updatedAt)""";
        jdbc.sql(sql)
                .param("orderId", s.orderId())
                .param("customerId", s.customerId())
                .param("method", s.method() == null ? null : s.method().name())
                .param("amountMinor", s.amount() == null ? null : s.amount().amountMinor())
                .param("currency", s.amount() == null ? null : s.amount().currency())
                .param("status", s.status().name())
                .param("authorizationId", s.authorizationId())
                .param("declineCode", s.declineCode())
                .param("declineReason", s.declineReason())
                .param(
                        "capturedMinor",
                        s.captured() == null ? null : s.captured().amountMinor())
                .param("refundedMinor", s.refundedMinor())
                .param("refundsReservedMinor", s.refundsReservedMinor())
                .param("createdAt", timestamp(s.createdAt()))
                .param("updatedAt", timestamp(s.updatedAt()))
                .update();
        for (LedgerEntry entry : payment.performedOperations()) {
            jdbc.sql("""
                    insert into payment_ledger (order_id, operation, approved, amount_minor, currency, refund_id, at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            entry.orderId(),
                            entry.operation().name(),
                            entry.approved(),
                            entry.amount().amountMinor(),
                            entry.amount().currency(),
                            entry.refundId(),
                            timestamp(entry.at()))
                    .update();
        }
    }

    private static Payment.Snapshot snapshot(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Long amountMinor = rs.getObject("amount_minor", Long.class);
        Long capturedMinor = rs.getObject("captured_minor", Long.class);
        String method = rs.getString("method");
        return new Payment.Snapshot(
                rs.getObject("order_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                method == null ? null : PaymentMethod.valueOf(method),
                amountMinor == null ? null : new Money(amountMinor, currency),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("authorization_id"),
                rs.getString("decline_code"),
                rs.getString("decline_reason"),
                capturedMinor == null ? null : new Money(capturedMinor, currency),
                rs.getLong("refunded_minor"),
                rs.getLong("refunds_reserved_minor"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
