package com.fooddelivery.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every service follows: package by feature ({@code com.fooddelivery.<service>.<feature>}), layers
 * inside a feature ({@code domain}, {@code web}, {@code messaging}, {@code infrastructure}), a domain that knows no
 * Spring, web, messaging or integration contracts, and no service that reaches into another.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {}

    public static JavaClasses productionClassesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Axon annotations are allowed in the domain; Spring, persistence APIs and outer layers are not. */
    public static ArchRule domainDependsOnNoFrameworkOrOuterLayer() {
        return noClasses()
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
                // A service whose domain is not written yet passes, and is guarded from its first domain class on.
                .allowEmptyShould(true);
    }

    /** Other services are reached only through {@code contracts}; the shared libraries (messaging, web, security) are allowed. */
    public static ArchRule dependsOnNoOtherService(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat(resideInAPackage("com.fooddelivery..")
                        .and(not(resideInAnyPackage(
                                servicePackage + "..",
                                "com.fooddelivery.contracts..",
                                "com.fooddelivery.messaging..",
                                "com.fooddelivery.web..",
                                "com.fooddelivery.security.."))));
    }

    public static ArchRule featuresAreFreeOfCycles(String servicePackage) {
        // A service with no feature packages yet passes, and is guarded from its first two features on.
        return slices().matching(servicePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }
}
