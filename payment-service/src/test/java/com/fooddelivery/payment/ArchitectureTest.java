package com.fooddelivery.payment;

import com.fooddelivery.testsupport.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String SERVICE = "com.fooddelivery.payment";
    private static final JavaClasses CLASSES = ServiceArchitecture.productionClassesOf(SERVICE);

    @Test
    void the_domain_depends_on_no_framework_and_on_no_outer_layer() {
        ServiceArchitecture.domainDependsOnNoFrameworkOrOuterLayer().check(CLASSES);
    }

    @Test
    void depends_on_no_other_service_only_on_contracts_and_the_messaging_library() {
        ServiceArchitecture.dependsOnNoOtherService(SERVICE).check(CLASSES);
    }

    @Test
    void features_have_no_cycles() {
        ServiceArchitecture.featuresAreFreeOfCycles(SERVICE).check(CLASSES);
    }
}
