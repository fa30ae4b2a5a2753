package com.fooddelivery.security;

/** What a token lets its holder do; the {@value TokenClaims#ROLES} claim lists them. */
public enum Role {
    CUSTOMER,
    /** Staff of one restaurant, named by the {@value TokenClaims#RESTAURANT_ID} claim. */
    RESTAURANT,
    /** A delivery partner, named by the {@value TokenClaims#COURIER_ID} claim. */
    COURIER,
    ADMIN;

    /** The Spring Security authority, as {@code hasRole(...)} expects it. */
    public String authority() {
        return "ROLE_" + name();
    }
}
