package com.fooddelivery.query.restaurant;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RestaurantConfiguration {

    /** Name (and qualifier) of the clock that "open now" is answered by. */
    public static final String CLOCK = "restaurantClock";

    /**
     * The clock "open now" is answered by, a bean so that tests can fix it. Injected only where it is asked for by
     * name ({@code defaultCandidate = false}), so it never competes with another {@link Clock} bean of the service.
     */
    @Bean(name = CLOCK, defaultCandidate = false)
    Clock restaurantClock() {
        return Clock.systemUTC();
    }
}
