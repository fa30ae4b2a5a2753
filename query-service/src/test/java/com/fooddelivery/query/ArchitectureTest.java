package com.fooddelivery.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Features ({@code order}, later {@code restaurant}, {@code courier}) with projection and web layers inside. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.fooddelivery.query");

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
                .resideInAPackage("com.fooddelivery.query.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fooddelivery.query.order..")
                .check(CLASSES);
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("com.fooddelivery.query.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
