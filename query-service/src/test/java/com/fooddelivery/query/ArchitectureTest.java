package com.fooddelivery.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fooddelivery.testsupport.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** Features ({@code order}, later {@code restaurant}, {@code courier}) with projection and web layers inside. */
class ArchitectureTest {

    private static final String SERVICE = "com.fooddelivery.query";
    private static final JavaClasses CLASSES = ServiceArchitecture.productionClassesOf(SERVICE);

    @Test
    void projections_do_not_depend_on_the_web_layer() {
        noClasses()
                .that()
                .resideInAPackage("..projection..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..web..")
                .check(CLASSES);
    }

    @Test
    void shared_infrastructure_does_not_depend_on_features() {
        noClasses()
                .that()
                .resideInAPackage(SERVICE + ".shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        SERVICE + ".order..",
                        SERVICE + ".delivery..",
                        SERVICE + ".restaurant..",
                        SERVICE + ".rebuild..")
                .check(CLASSES);
    }

    @Test
    void depends_on_no_other_service_only_on_contracts() {
        ServiceArchitecture.dependsOnNoOtherService(SERVICE).check(CLASSES);
    }

    @Test
    void features_have_no_cycles() {
        ServiceArchitecture.featuresAreFreeOfCycles(SERVICE).check(CLASSES);
    }
}
