package com.fooddelivery.query.shared.security;

import com.fooddelivery.security.AccessRules;
import com.fooddelivery.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read what in query-service, by role. Restaurants are public: people browse before signing in. Everything
 * else needs a token, and the handlers decide about the one resource: an order is seen only by its customer, the
 * staff of its restaurant, its courier and ADMIN (anyone else gets 404), and staff read only their own restaurant's
 * queue ({@code Caller.requireActsFor}, else 403).
 */
@Component
class QueryServiceAccessRules implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints
                // One path segment: the search and a restaurant's details, not its orders.
                .requestMatchers(HttpMethod.GET, "/restaurants/search", "/restaurants/*")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/restaurants/*/orders")
                .hasAnyRole(Role.RESTAURANT.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/customers/me/orders")
                .hasRole(Role.CUSTOMER.name())
                .requestMatchers(HttpMethod.GET, "/couriers/me/deliveries")
                .hasRole(Role.COURIER.name())
                .requestMatchers(HttpMethod.GET, "/orders/*")
                .authenticated()
                .requestMatchers("/admin/**")
                .hasRole(Role.ADMIN.name());
    }
}
