package com.fooddelivery.delivery.shared.security;

import com.fooddelivery.security.AccessRules;
import com.fooddelivery.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call what in delivery-service: the courier app only, so every endpoint needs a COURIER. The handlers then
 * act for the courier the token names ({@code Caller.requireCourier()}); another courier's delivery answers 404 or
 * 409 as for anyone it is not offered or assigned to. ADMIN does not act as a courier.
 */
@Component
class DeliveryServiceAccessRules implements AccessRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints
                .requestMatchers("/couriers/me/**")
                .hasRole(Role.COURIER.name())
                .requestMatchers(
                        HttpMethod.POST,
                        "/deliveries/*/accept",
                        "/deliveries/*/decline",
                        "/deliveries/*/pickup",
                        "/deliveries/*/deliver",
                        "/deliveries/*/cannot-deliver")
                .hasRole(Role.COURIER.name());
    }
}
