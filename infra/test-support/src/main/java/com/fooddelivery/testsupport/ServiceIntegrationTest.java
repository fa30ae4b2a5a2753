package com.fooddelivery.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port against real infrastructure ({@link RealInfrastructure}); its context is closed,
 * and its database dropped, when the test class ends.
 *
 * <p>Tests fire requests from one client much faster than any person would: the per-client rate limit is raised far
 * beyond that, but stays in the path of every request. A test of the limit itself lowers it again with
 * {@code @DynamicPropertySource}, which outranks these properties.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ServiceIntegrationTest.UNTHROTTLED)
@ContextConfiguration(initializers = RealInfrastructure.class)
@DirtiesContext
public @interface ServiceIntegrationTest {

    /** A per-client limit that no test or benchmark reaches. */
    String UNTHROTTLED = "web.rate-limit.requests-per-second=1000000";
}
