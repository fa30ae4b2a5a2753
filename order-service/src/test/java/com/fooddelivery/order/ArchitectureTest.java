package com.fooddelivery.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature ({@code order}, {@code catalog}), layers inside; the domain knows no Spring, web or messaging. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fooddelivery.order");

    @Test
    void the_domain_depends_on_no_framework_but_axon_and_on_no_outer_layer() {
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
                .check(CLASSES);
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
    void features_have_no_cycles() {
        slices().matching("com.fooddelivery.order.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
