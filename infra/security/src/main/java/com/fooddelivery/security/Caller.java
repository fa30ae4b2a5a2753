package com.fooddelivery.security;

import com.fooddelivery.web.Problems;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * Who is asking, taken from the bearer token only, never from the request. Every handler that acts for someone takes
 * a {@code Caller}: the access rules of the service have let only the right roles in, and the handler decides about
 * the one resource (an order of another customer answers 404, so its existence never leaks).
 *
 * @param subject the account id ({@code sub}); {@code null} for an anonymous caller
 * @param restaurantId the restaurant a RESTAURANT works for, else {@code null}
 * @param courierId the courier a COURIER is, else {@code null}
 */
public record Caller(String subject, Set<Role> roles, UUID restaurantId, UUID courierId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, null);

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * The caller a verified token names. Unknown role names and ids that are not UUIDs are ignored, so a token
     * without a valid {@code restaurantId} grants no restaurant at all.
     */
    public static Caller of(Jwt token) {
        List<String> roleNames =
                token.hasClaim(TokenClaims.ROLES) ? token.getClaimAsStringList(TokenClaims.ROLES) : null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleNames != null) {
            for (String name : roleNames) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        UUID restaurantId =
                roles.contains(Role.RESTAURANT) ? uuid(token.getClaimAsString(TokenClaims.RESTAURANT_ID)) : null;
        UUID courierId = roles.contains(Role.COURIER) ? uuid(token.getClaimAsString(TokenClaims.COURIER_ID)) : null;
        return new Caller(token.getSubject(), roles, restaurantId, courierId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** The customer id (the subject) of a CUSTOMER, else {@code null}. */
    public UUID customerId() {
        return has(Role.CUSTOMER) ? uuid(subject) : null;
    }

    /** Staff of {@code restaurantId}, or an ADMIN. */
    public boolean actsFor(UUID restaurantId) {
        return isAdmin() || (restaurantId != null && restaurantId.equals(this.restaurantId));
    }

    /** The customer id, or 403: the caller is not a customer. */
    public UUID requireCustomer() {
        return required(customerId(), Role.CUSTOMER);
    }

    /** The courier id, or 403: the caller is not a courier. */
    public UUID requireCourier() {
        return required(courierId, Role.COURIER);
    }

    /**
     * 403 unless the caller works for {@code restaurantId} or is an ADMIN. Restaurants are public, so naming another
     * one reveals nothing; its orders are refused as a whole.
     */
    public void requireActsFor(UUID restaurantId) {
        if (!actsFor(restaurantId)) {
            throw forbidden("not-your-restaurant");
        }
    }

    private static UUID required(UUID id, Role role) {
        if (id == null) {
            throw forbidden("role-required", role.name());
        }
        return id;
    }

    private static ErrorResponseException forbidden(String type, Object... arguments) {
        return new ErrorResponseException(
                HttpStatus.FORBIDDEN, Problems.localized(HttpStatus.FORBIDDEN, type, arguments), null);
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
