package com.fooddelivery.order.shared.security;

import com.fooddelivery.security.AccessRules;
import com.fooddelivery.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call what in order-service. Handlers then check the one resource: staff act only for their own restaurant
 * ({@code Caller.requireActsFor}, else 403) and a customer cancels only their own order (another's is 404). ADMIN
 * manages the catalog and accounts and may act for any restaurant; placing and cancelling stay the customer's own acts.
 * A refund is given by the restaurant's staff (another restaurant's order is 404) or an ADMIN, never asked for by a
 * customer or courier here.
 */
@Component
class OrderServiceAccessRules implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints
                .requestMatchers(HttpMethod.POST, "/auth/register", "/auth/token")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json")
                .permitAll()
                .requestMatchers("/admin/**")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/restaurants")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.PUT, "/restaurants/*/menu")
                .hasAnyRole(Role.RESTAURANT.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/restaurants/*/orders/*/*")
                .hasAnyRole(Role.RESTAURANT.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/orders/*/refunds")
                .hasAnyRole(Role.RESTAURANT.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/orders", "/orders/*/cancel")
                .hasRole(Role.CUSTOMER.name());
    }
}
