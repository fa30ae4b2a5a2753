package com.fooddelivery.delivery.courier.application;

import java.util.UUID;

public interface CourierRepository {

    /** Creates the courier on first call, else updates availability and position. */
    void saveAvailability(UUID courierId, boolean online, double lat, double lon);

    /** @return false if the courier has never reported availability */
    boolean updateLocation(UUID courierId, double lat, double lon);
}
