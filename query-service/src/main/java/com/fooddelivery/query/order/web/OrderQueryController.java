package com.fooddelivery.query.order.web;

import com.fooddelivery.query.order.projection.OrderDocument;
import com.fooddelivery.query.order.projection.OrderIndex;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

@RestController
class OrderQueryController {

    private final OrderIndex orders;

    OrderQueryController(OrderIndex orders) {
        this.orders = orders;
    }

    /**
     * The order as the apps show it. The ETag is the order's sequence number: a poll with {@code If-None-Match}
     * costs a 304 and no body until the order changes.
     */
    @GetMapping("/orders/{orderId}")
    ResponseEntity<OrderDocument> order(@PathVariable UUID orderId, WebRequest request) {
        OrderDocument order = orders.find(orderId.toString())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId));
        String etag = "\"" + order.sequence() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .body(order);
    }
}
