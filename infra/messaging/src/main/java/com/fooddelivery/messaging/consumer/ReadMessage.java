package com.fooddelivery.messaging.consumer;

import com.fooddelivery.messaging.inbox.IncomingMessage;

/** A well-formed integration message: its headers and key ({@code envelope}) and its payload as the catalog's record. */
public record ReadMessage(IncomingMessage envelope, Object payload) {}
