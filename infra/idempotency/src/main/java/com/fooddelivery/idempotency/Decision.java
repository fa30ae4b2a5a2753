package com.fooddelivery.idempotency;

import java.util.UUID;

/** What to do with a request that carries an Idempotency-Key. */
public sealed interface Decision {

    /** The key is this request's now (a fresh row or a takeover): run the handler. */
    record Execute(UUID claimToken) implements Decision {}

    /** The same request succeeded before: answer with its response, run nothing. */
    record Replay(StoredResponse response) implements Decision {}

    /** The key was used for another request (body, method or path): 422, run nothing. */
    record KeyReused() implements Decision {}

    /** The same request is being executed right now: 409, try again later. */
    record InProgress() implements Decision {}

    /** An IN_PROGRESS row whose execution started too long ago (crashed or lost): this request may take it over. */
    record TakeOver(UUID staleClaimToken) implements Decision {}
}
