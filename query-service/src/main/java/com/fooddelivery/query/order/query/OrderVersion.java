package com.fooddelivery.query.order.query;

/**
 * How far an order and its delivery have come: each side's sequence (0 for a delivery not started). Both only grow,
 * so a different version is always a newer one; the ETag is made of it alone. A weak ETag: the gzipped and the plain
 * answer are the same order in other bytes, and Tomcat compresses no answer that carries a strong one.
 */
public record OrderVersion(long orderSequence, long deliverySequence) {

    public String etag() {
        return "W/\"" + orderSequence + "." + deliverySequence + "\"";
    }
}
