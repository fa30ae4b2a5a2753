package com.fooddelivery.order;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fooddelivery.testsupport.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;

/** Package by feature ({@code order}, {@code catalog}), layers inside; the domain knows no Spring, web or messaging. */
class ArchitectureTest {

    private static final String SERVICE = "com.fooddelivery.order";
    private static final JavaClasses CLASSES = ServiceArchitecture.productionClassesOf(SERVICE);

    @Test
    void the_domain_depends_on_no_framework_but_axon_and_on_no_outer_layer() {
        ServiceArchitecture.domainDependsOnNoFrameworkOrOuterLayer().check(CLASSES);
    }

    @Test
    void web_and_messaging_adapters_do_not_depend_on_each_other() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fooddelivery.order..messaging..")
                .check(CLASSES);
    }

    @Test
    void depends_on_no_other_service_only_on_contracts_and_the_messaging_library() {
        ServiceArchitecture.dependsOnNoOtherService(SERVICE).check(CLASSES);
    }

    /**
     * {@code DbSchedulerDeadlineManager} answers these by loading and deserializing every scheduled deadline, so each
     * call costs O(open orders); deadlines are cancelled by the id {@code schedule} returned.
     */
    @Test
    void no_deadline_is_cancelled_by_a_scan_of_all_deadlines() {
        noClasses()
                .should()
                .callMethodWhere(
                        target(name("cancelAllWithinScope")).and(target(owner(assignableTo(DeadlineManager.class)))))
                .orShould()
                .callMethodWhere(target(name("cancelAll")).and(target(owner(assignableTo(DeadlineManager.class)))))
                .check(CLASSES);
    }

    @Test
    void features_have_no_cycles() {
        ServiceArchitecture.featuresAreFreeOfCycles(SERVICE).check(CLASSES);
    }
}
