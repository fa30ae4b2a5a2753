package com.fooddelivery.query.restaurant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fooddelivery.testsupport.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** Inside the restaurant feature: web → search → projection, never back; shared infrastructure knows no restaurant. */
class RestaurantArchitectureTest {

    private static final String FEATURE = "com.fooddelivery.query.restaurant";
    private static final JavaClasses CLASSES = ServiceArchitecture.productionClassesOf("com.fooddelivery.query");

    @Test
    void the_projection_knows_neither_search_nor_web() {
        noClasses()
                .that()
                .resideInAPackage(FEATURE + ".projection..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURE + ".search..", FEATURE + ".web..")
                .check(CLASSES);
    }

    @Test
    void the_search_does_not_know_the_web_layer() {
        noClasses()
                .that()
                .resideInAPackage(FEATURE + ".search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(FEATURE + ".web..")
                .check(CLASSES);
    }

    @Test
    void shared_infrastructure_does_not_depend_on_the_restaurant_feature() {
        noClasses()
                .that()
                .resideInAPackage("com.fooddelivery.query.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(FEATURE + "..")
                .check(CLASSES);
    }
}
