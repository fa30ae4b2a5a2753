package com.fooddelivery.order.order.messaging;

import com.fooddelivery.contracts.common.DeliveryAddress;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.order.OrderLine;

/** Domain values to their integration-message form. */
final class ContractMapping {

    private ContractMapping() {}

    static Money money(com.fooddelivery.order.order.domain.Money money) {
        return new Money(money.amountMinor(), money.currency());
    }

    static OrderLine line(com.fooddelivery.order.order.domain.OrderLine line) {
        return new OrderLine(
                line.itemId(), line.name(), line.quantity(), money(line.unitPrice()), money(line.lineTotal()));
    }

    static DeliveryAddress address(com.fooddelivery.order.order.domain.DeliveryAddress address) {
        return new DeliveryAddress(address.line1(), address.city(), address.lat(), address.lon());
    }
}
