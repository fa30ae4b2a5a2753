package com.fooddelivery.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's endpoints and the roles that may call them, in one place per service. Whatever no rule names needs an
 * authenticated caller; health, info and metrics are open. Ownership (this order, this restaurant) is decided by the
 * handler with {@link Caller}, because only it knows the resource.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints);
}
