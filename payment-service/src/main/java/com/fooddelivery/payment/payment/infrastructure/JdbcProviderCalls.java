package com.fooddelivery.payment.payment.infrastructure;

import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.payment.payment.application.ProviderCalls;
import com.fooddelivery.payment.payment.domain.IdempotencyKey;
import com.fooddelivery.payment.payment.domain.Money;
import com.fooddelivery.payment.payment.domain.ProviderCall;
import com.fooddelivery.payment.payment.domain.ProviderOperation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Provider calls in the {@code provider_call} table; every time is the database's clock ({@code now()}). */
class JdbcProviderCalls implements ProviderCalls {

    private static final String COLUMNS = """
            id, order_id, operation, amount_minor, currency, refund_id, attempts, state, failure_code,
            correlation_id, causation_id, traceparent""";

    private final JdbcClient jdbc;

    JdbcProviderCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ProviderCall intent, MessageContext replyTo) {
        jdbc.sql("""
                        insert into provider_call (order_id, operation, idempotency_key, amount_minor, currency,
                            refund_id, state, attempts, next_attempt_at, correlation_id, causation_id, traceparent,
                            created_at, updated_at)
                        values (:orderId, :operation, :key, :amountMinor, :currency, :refundId, 'PENDING', 0, now(),
                            :correlationId, :causationId, :traceparent, now(), now())
                        on conflict (idempotency_key) do update
                        set state = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_until = null,
                            failure_code = null, last_error = null, amount_minor = excluded.amount_minor,
                            correlation_id = excluded.correlation_id, causation_id = excluded.causation_id,
                            traceparent = excluded.traceparent, updated_at = now()
                        where provider_call.state = 'FAILED'""")
                .param("orderId", intent.orderId())
                .param("operation", intent.operation().name())
                .param("key", intent.key().value())
                .param("amountMinor", intent.amount().amountMinor())
                .param("currency", intent.amount().currency())
                .param("refundId", intent.refundId())
                .param("correlationId", replyTo.correlationId())
                .param("causationId", replyTo.causationId())
                .param("traceparent", replyTo.traceparent())
                .update();
    }

    @Override
    public Optional<Recorded> find(IdempotencyKey key) {
        return jdbc.sql("select " + COLUMNS + " from provider_call where idempotency_key = ?")
                .param(key.value())
                .query((rs, row) ->
                        new Recorded(call(rs), State.valueOf(rs.getString("state")), rs.getString("failure_code")))
                .optional();
    }

    @Override
    public Optional<Claimed> claimNext(UUID orderId, Duration lease) {
        return jdbc.sql("""
                        update provider_call set claimed_until = now() + make_interval(secs => :lease), updated_at = now()
                        where id = (select id from provider_call where order_id = :orderId and state = 'PENDING'
                                    order by id limit 1)
                          and next_attempt_at <= now() and (claimed_until is null or claimed_until <= now())
                        returning\s""" + COLUMNS)
                .param("lease", lease.toMillis() / 1000.0)
                .param("orderId", orderId)
                .query((rs, row) -> new Claimed(
                        call(rs),
                        new MessageContext(
                                rs.getObject("correlation_id", UUID.class),
                                rs.getObject("causation_id", UUID.class),
                                rs.getString("traceparent"))))
                .optional();
    }

    @Override
    public boolean complete(long callId) {
        return jdbc.sql("""
                        update provider_call set state = 'DONE', claimed_until = null, updated_at = now()
                        where id = ? and state = 'PENDING'""").param(callId).update() == 1;
    }

    @Override
    public boolean fail(long callId, String code, String error) {
        return jdbc.sql("""
                        update provider_call set state = 'FAILED', attempts = attempts + 1, claimed_until = null,
                            failure_code = ?, last_error = left(?, 300), updated_at = now()
                        where id = ? and state = 'PENDING'""").params(code, error, callId).update() == 1;
    }

    @Override
    public void retryLater(long callId, int attempts, Duration backoff, String error) {
        jdbc.sql("""
                        update provider_call set attempts = ?, next_attempt_at = now() + make_interval(secs => ?),
                            claimed_until = null, last_error = left(?, 300), updated_at = now()
                        where id = ? and state = 'PENDING'""")
                .params(attempts, backoff.toMillis() / 1000.0, error, callId)
                .update();
    }

    @Override
    public List<UUID> ordersWithDueCalls(int limit) {
        return jdbc.sql("""
                        select order_id from (
                            select distinct on (order_id) order_id, next_attempt_at, claimed_until
                            from provider_call where state = 'PENDING' order by order_id, id) head
                        where next_attempt_at <= now() and (claimed_until is null or claimed_until <= now())
                        limit ?""")
                .param(limit)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    @Override
    public Backlog backlog() {
        return jdbc.sql("""
                        select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                        from provider_call where state = 'PENDING'""")
                .query((rs, row) -> new Backlog(rs.getLong(1), Duration.ofMillis((long) (rs.getDouble(2) * 1000))))
                .single();
    }

    private static ProviderCall call(ResultSet rs) throws SQLException {
        return new ProviderCall(
                rs.getLong("id"),
                rs.getObject("order_id", UUID.class),
                ProviderOperation.valueOf(rs.getString("operation")),
                new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getObject("refund_id", UUID.class),
                rs.getInt("attempts"));
    }
}
