package com.fooddelivery.messaging;

import com.fooddelivery.contracts.MessageHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * Spans for the hops that no instrumentation sees: the outbox write and the relay's publish. Each span continues the
 * current one, or else the W3C {@code traceparent} the message carries, and its own traceparent is what the message
 * carries on, so the next hop's span is its child.
 */
public final class MessageTracing {

    /** Without a tracer (a test application, tracing off): no spans, messages keep the traceparent they had. */
    public static final MessageTracing NONE = new MessageTracing(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Starts a span named {@code name}: a child of the current span, else of {@code traceparent} (a message read from
     * the outbox), else the root of a new trace.
     */
    public Span start(String name, Span.Kind kind, String traceparent) {
        Span.Builder span = tracer.currentSpan() != null || traceparent == null
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(MessageHeaders.TRACEPARENT, traceparent), Map::get);
        return span.name(name).kind(kind).start();
    }

    /** The span's W3C traceparent, or {@code fallback} when nothing is traced. */
    public String traceparentOf(Span span, String fallback) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.getOrDefault(MessageHeaders.TRACEPARENT, fallback);
    }

    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
