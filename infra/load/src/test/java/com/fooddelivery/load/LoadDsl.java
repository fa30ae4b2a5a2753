package com.fooddelivery.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;

/** The pieces of Gatling's DSL that every simulation of the module sets up the same way. */
final class LoadDsl {

    private static final String JSON = "application/json";

    private LoadDsl() {}

    /** The virtual users send what the apps send, nothing more. */
    static HttpProtocolBuilder protocol() {
        return http
                // Gatling would otherwise send a warm-up request to a site on the internet, and answer If-None-Match
                // from its own cache: the virtual users do both themselves, as the apps do.
                .disableWarmUp()
                .disableCaching()
                .acceptHeader(JSON)
                .userAgentHeader("food-delivery-load-test");
    }

    /**
     * Open-model arrivals at {@code load.rate} a second for {@code load.durationSeconds}, after a linear ramp of
     * {@code load.rampSeconds} if there is one.
     */
    static OpenInjectionStep[] steadyArrivals(LoadSettings settings) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!settings.rampUp().isZero()) {
            steps.add(rampUsersPerSec(Math.min(1, settings.ratePerSecond()))
                    .to(settings.ratePerSecond())
                    .during(settings.rampUp()));
        }
        steps.add(constantUsersPerSec(settings.ratePerSecond()).during(settings.duration()));
        return steps.toArray(OpenInjectionStep[]::new);
    }

    /** Open-model arrivals that rise level by level ({@link LoadSettings.RateSteps}). */
    static OpenInjectionStep[] steppedArrivals(LoadSettings.RateSteps steps) {
        return new OpenInjectionStep[] {
            incrementUsersPerSec(steps.stepRate())
                    .times(steps.levels())
                    .eachLevelLasting(steps.levelDuration())
                    .separatedByRampsLasting(steps.rampBetween())
                    .startingFrom(steps.startRate())
        };
    }
}
