package com.fooddelivery.contracts;

import com.fooddelivery.contracts.delivery.CancelCourierRequest;
import com.fooddelivery.contracts.delivery.CourierAssigned;
import com.fooddelivery.contracts.delivery.CourierRequestCancelled;
import com.fooddelivery.contracts.delivery.CourierUnassigned;
import com.fooddelivery.contracts.delivery.DeliveryDelivered;
import com.fooddelivery.contracts.delivery.DeliveryFailed;
import com.fooddelivery.contracts.delivery.DeliveryPickedUp;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import com.fooddelivery.contracts.delivery.NoCourierAvailable;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatusChanged;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.CapturePayment;
import com.fooddelivery.contracts.payment.PaymentAuthorized;
import com.fooddelivery.contracts.payment.PaymentCaptureFailed;
import com.fooddelivery.contracts.payment.PaymentCaptured;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.contracts.payment.PaymentRefundFailed;
import com.fooddelivery.contracts.payment.PaymentRefunded;
import com.fooddelivery.contracts.payment.PaymentVoided;
import com.fooddelivery.contracts.payment.RefundPayment;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every integration message: its type name, record class, topic and schema version. Producers look up a record's
 * entry to fill the headers and choose the topic; consumers look up the {@code type} header to pick the class.
 */
public final class MessageCatalog {

    public record Entry(String type, Class<?> javaType, String topic, int schemaVersion) {

        /** Classpath location of the JSON Schema that this message's JSON must satisfy. */
        public String schemaResource() {
            return "/schemas/" + topic + "/" + type + ".v" + schemaVersion + ".schema.json";
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("OrderPlaced", OrderPlaced.class, Topics.ORDERS_EVENTS, 1),
            new Entry("OrderStatusChanged", OrderStatusChanged.class, Topics.ORDERS_EVENTS, 1),
            new Entry("AuthorizePayment", AuthorizePayment.class, Topics.PAYMENTS_COMMANDS, 1),
            new Entry("CapturePayment", CapturePayment.class, Topics.PAYMENTS_COMMANDS, 1),
            new Entry("VoidPayment", VoidPayment.class, Topics.PAYMENTS_COMMANDS, 1),
            new Entry("RefundPayment", RefundPayment.class, Topics.PAYMENTS_COMMANDS, 1),
            new Entry("PaymentAuthorized", PaymentAuthorized.class, Topics.PAYMENTS_EVENTS, 1),
            new Entry("PaymentDeclined", PaymentDeclined.class, Topics.PAYMENTS_EVENTS, 1),
            new Entry("PaymentCaptured", PaymentCaptured.class, Topics.PAYMENTS_EVENTS, 1),
            new Entry("PaymentVoided", PaymentVoided.class, Topics.PAYMENTS_EVENTS, 1),
            new Entry("PaymentCaptureFailed", PaymentCaptureFailed.class, Topics.PAYMENTS_EVENTS, 1),
            new Entry("PaymentRefunded", PaymentRefunded.class, Topics.PAYMENTS_EVENTS, 1),
            new Entry("PaymentRefundFailed", PaymentRefundFailed.class, Topics.PAYMENTS_EVENTS, 1),
            new Entry("RequestCourier", RequestCourier.class, Topics.DELIVERIES_COMMANDS, 1),
            new Entry("CancelCourierRequest", CancelCourierRequest.class, Topics.DELIVERIES_COMMANDS, 1),
            new Entry("CourierAssigned", CourierAssigned.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("CourierUnassigned", CourierUnassigned.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("DeliveryPickedUp", DeliveryPickedUp.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("DeliveryDelivered", DeliveryDelivered.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("DeliveryFailed", DeliveryFailed.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("NoCourierAvailable", NoCourierAvailable.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("CourierRequestCancelled", CourierRequestCancelled.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("DeliveryUpdated", DeliveryUpdated.class, Topics.DELIVERIES_EVENTS, 1),
            new Entry("RestaurantChanged", RestaurantChanged.class, Topics.RESTAURANTS_EVENTS, 1));

    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::javaType, Function.identity()));
    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));

    private MessageCatalog() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Entry of(Class<?> messageClass) {
        Entry entry = BY_CLASS.get(messageClass);
        if (entry == null) {
            throw new IllegalArgumentException(messageClass.getName() + " is not an integration message");
        }
        return entry;
    }

    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
