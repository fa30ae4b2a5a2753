package com.fooddelivery.delivery.delivery.messaging;

import com.fooddelivery.contracts.delivery.NoCourierAvailable;
import com.fooddelivery.contracts.delivery.RequestCourier;
import com.fooddelivery.messaging.consumer.FailureReplies;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The order's saga waits for an answer to a courier request: a request that fails for good is answered
 * {@link NoCourierAvailable}, so the saga gives up on the courier (and compensates) at once rather than at its courier
 * deadline. A cancellation that fails for good goes to {@code deliveries.commands.DLT}: nobody waits for it.
 */
@Component
class DeliveryFailureReplies implements FailureReplies {

    @Override
    public Optional<Object> replyTo(Object command, String reason) {
        return command instanceof RequestCourier request
                ? Optional.of(new NoCourierAvailable(request.orderId(), "request failed: " + reason))
                : Optional.empty();
    }
}
