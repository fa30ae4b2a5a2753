package com.fooddelivery.order.order.web;

import com.fooddelivery.order.order.domain.DeliveryAddress;
import com.fooddelivery.order.order.domain.PaymentMethod;
import com.fooddelivery.order.order.domain.RequestedItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The customer app's order: what and how many, never prices. Limits keep a hostile request small. */
record PlaceOrderRequest(
        @NotNull UUID restaurantId,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items,
        @NotNull PaymentMethod paymentMethod,
        @NotNull @Valid Address deliveryAddress) {

    record Item(
            @NotNull UUID itemId, @NotNull @Min(1) @Max(50) Integer quantity) {}

    record Address(
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    List<RequestedItem> requestedItems() {
        return items.stream()
                .map(item -> new RequestedItem(item.itemId(), item.quantity()))
                .toList();
    }

    DeliveryAddress address() {
        return new DeliveryAddress(
                deliveryAddress.line1().strip(),
                deliveryAddress.city().strip(),
                deliveryAddress.lat(),
                deliveryAddress.lon());
    }
}
