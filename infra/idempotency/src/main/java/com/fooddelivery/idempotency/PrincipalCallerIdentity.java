package com.fooddelivery.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * The authenticated user, as Spring Security names it (the access token's subject), so two users never share a key.
 * A request without a user (an open endpoint such as sign-up) has the empty caller.
 */
public class PrincipalCallerIdentity implements CallerIdentity {

    @Override
    public String of(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        return user != null ? "user:" + user.getName() : "";
    }
}
