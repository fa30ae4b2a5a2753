package com.fooddelivery.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code idempotency_key} table. Each statement commits on its own: the row must be visible to a concurrent
 * duplicate before the handler runs, and it cannot share the handler's transaction (see {@link IdempotencyFilter}).
 */
public class IdempotencyStore {

    /** A key released or taken over between our insert and our read is looked at again, a few times at most. */
    private static final int ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration takeOverAfter;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock, Duration takeOverAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.takeOverAfter = takeOverAfter;
    }

    /**
     * Claims the key for this request, or says why not. Two concurrent requests with the same key cannot both get
     * {@link Decision.Execute}: the primary key lets one insert win, and a takeover is a compare-and-set on the claim
     * token.
     *
     * @return {@link Decision.Execute}, {@link Decision.Replay}, {@link Decision.KeyReused} or
     *     {@link Decision.InProgress}; never {@link Decision.TakeOver}
     */
    public Decision begin(String caller, String key, RequestFingerprint request) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            UUID token = UUID.randomUUID();
            Timestamp now = Timestamp.from(clock.instant());
            int inserted = jdbc.update(
                    "insert into idempotency_key (caller, idempotency_key, method, path, body_sha256, state,"
                            + " claim_token, created_at, claimed_at) values (?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?)"
                            + " on conflict (caller, idempotency_key) do nothing",
                    caller,
                    key,
                    request.method(),
                    request.path(),
                    request.bodySha256(),
                    token,
                    now,
                    now);
            if (inserted == 1) {
                return new Decision.Execute(token);
            }
            Optional<IdempotencyRecord> stored = find(caller, key);
            if (stored.isEmpty()) {
                continue; // released (the first attempt failed) or pruned in between: try to insert again
            }
            Decision decision = IdempotencyDecisions.decide(stored.get(), request, clock.instant(), takeOverAfter);
            if (decision instanceof Decision.TakeOver stale) {
                if (takeOver(caller, key, stale.staleClaimToken(), token)) {
                    return new Decision.Execute(token);
                }
                continue; // another retry took it over first, or the old execution completed just now
            }
            return decision;
        }
        return new Decision.InProgress();
    }

    /**
     * Stores the response of the execution holding {@code claimToken}.
     *
     * @return false if that execution no longer owns the key (it was taken over)
     */
    public boolean complete(String caller, String key, UUID claimToken, StoredResponse response) {
        return jdbc.update(
                        "update idempotency_key set state = 'COMPLETED', response_status = ?, response_location = ?,"
                                + " response_content_type = ?, response_body = ?, completed_at = ?"
                                + " where caller = ? and idempotency_key = ? and claim_token = ?"
                                + " and state = 'IN_PROGRESS'",
                        response.status(),
                        response.location(),
                        response.contentType(),
                        response.body(),
                        Timestamp.from(clock.instant()),
                        caller,
                        key,
                        claimToken)
                == 1;
    }

    /** Forgets a key whose execution did not succeed, so the client may retry it, corrected or not. */
    public void release(String caller, String key, UUID claimToken) {
        jdbc.update(
                "delete from idempotency_key where caller = ? and idempotency_key = ? and claim_token = ?"
                        + " and state = 'IN_PROGRESS'",
                caller,
                key,
                claimToken);
    }

    public Optional<IdempotencyRecord> find(String caller, String key) {
        List<IdempotencyRecord> found = jdbc.query(
                "select method, path, body_sha256, state, claim_token, claimed_at, response_status,"
                        + " response_location, response_content_type, response_body"
                        + " from idempotency_key where caller = ? and idempotency_key = ?",
                IdempotencyStore::record,
                caller,
                key);
        return found.stream().findFirst();
    }

    /**
     * Deletes keys whose last execution started before {@code cutoff}, in bounded batches.
     *
     * @return how many
     */
    public int deleteClaimedBefore(Instant cutoff, int batch) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(
                    "delete from idempotency_key where ctid in"
                            + " (select ctid from idempotency_key where claimed_at < ? limit ?)",
                    Timestamp.from(cutoff),
                    batch);
            total += deleted;
        } while (deleted == batch);
        return total;
    }

    private boolean takeOver(String caller, String key, UUID staleToken, UUID token) {
        return jdbc.update(
                        "update idempotency_key set claim_token = ?, claimed_at = ?"
                                + " where caller = ? and idempotency_key = ? and claim_token = ?"
                                + " and state = 'IN_PROGRESS'",
                        token,
                        Timestamp.from(clock.instant()),
                        caller,
                        key,
                        staleToken)
                == 1;
    }

    private static IdempotencyRecord record(ResultSet row, int index) throws SQLException {
        IdempotencyRecord.State state = IdempotencyRecord.State.valueOf(row.getString("state"));
        StoredResponse response = state == IdempotencyRecord.State.COMPLETED
                ? new StoredResponse(
                        row.getInt("response_status"),
                        row.getString("response_location"),
                        row.getString("response_content_type"),
                        row.getBytes("response_body"))
                : null;
        return new IdempotencyRecord(
                new RequestFingerprint(row.getString("method"), row.getString("path"), row.getString("body_sha256")),
                state,
                row.getObject("claim_token", UUID.class),
                row.getTimestamp("claimed_at").toInstant(),
                response);
    }
}
