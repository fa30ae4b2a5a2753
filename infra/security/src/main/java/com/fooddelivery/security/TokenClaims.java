package com.fooddelivery.security;

/**
 * The claims our access tokens carry besides the standard ones. {@code sub} is the account id, which is also the
 * customer id of a CUSTOMER. An external OpenID Connect provider replacing ours maps its users to the same claims.
 */
public final class TokenClaims {

    /** A JSON array of {@link Role} names. */
    public static final String ROLES = "roles";

    public static final String RESTAURANT_ID = "restaurantId";
    public static final String COURIER_ID = "courierId";

    private TokenClaims() {}
}
