package com.fooddelivery.delivery;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package by feature, layers inside, as in order-service: the domain knows no Spring, web or messaging. Other services
 * are reached only through the integration messages in {@code contracts}.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fooddelivery.delivery");

    @Test
    void the_domain_depends_on_no_framework_and_on_no_outer_layer() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "..web..",
                        "..messaging..",
                        "..infrastructure..",
                        "com.fooddelivery.contracts..")
                // No domain classes exist yet; the rule must pass until the first one arrives and guard it from then.
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void depends_on_no_other_service_only_on_contracts_and_the_messaging_library() {
        noClasses()
                .that()
                .resideInAPackage("com.fooddelivery.delivery..")
                .should()
                .dependOnClassesThat(resideInAPackage("com.fooddelivery..")
                        .and(not(resideInAnyPackage(
                                "com.fooddelivery.delivery..",
                                "com.fooddelivery.contracts..",
                                "com.fooddelivery.messaging.."))))
                .check(CLASSES);
    }
}
