package com.fooddelivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

class MessageTracingTest {

    private static final String ROW_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("test");
    private final OtelTracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {});
    private final MessageTracing tracing =
            new MessageTracing(tracer, new OtelPropagator(otel.getPropagators(), otelTracer));

    @Test
    void a_message_read_from_the_outbox_continues_its_trace_with_a_span_of_its_own() {
        Span publish = tracing.start("publish", Span.Kind.PRODUCER, ROW_TRACEPARENT);

        String carried = tracing.traceparentOf(publish, ROW_TRACEPARENT);

        assertThat(carried).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").isNotEqualTo(ROW_TRACEPARENT);
        assertThat(publish.context().parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(carried).contains("-" + publish.context().spanId() + "-");
    }

    @Test
    void a_write_while_a_request_is_traced_is_a_child_of_the_request_whatever_the_context_says() {
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            Span write = tracing.start("outbox write", Span.Kind.PRODUCER, ROW_TRACEPARENT);

            assertThat(write.context().traceId()).isEqualTo(request.context().traceId());
            assertThat(write.context().parentId()).isEqualTo(request.context().spanId());
        }
    }

    @Test
    void a_write_with_nothing_to_continue_starts_a_trace() {
        Span write = tracing.start("outbox write", Span.Kind.PRODUCER, null);

        assertThat(write.context().parentId()).isNull();
        assertThat(tracing.traceparentOf(write, null)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]");
    }

    @Test
    void without_a_tracer_a_message_keeps_the_traceparent_it_had() {
        Span span = MessageTracing.NONE.start("outbox write", Span.Kind.PRODUCER, ROW_TRACEPARENT);

        assertThat(MessageTracing.NONE.traceparentOf(span, ROW_TRACEPARENT)).isEqualTo(ROW_TRACEPARENT);
    }
}
