package com.fooddelivery.order.account.application;

import com.fooddelivery.security.Role;
import java.util.UUID;

/** Someone who signs in. A RESTAURANT account works for one restaurant; a COURIER account is one courier. */
public record Account(UUID id, String username, String passwordHash, Role role, UUID restaurantId, UUID courierId) {}
