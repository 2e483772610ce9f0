package org.imprimatur;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph, readable bottom-up (README, "How it works"): infrastructure and security at
 * the bottom, the plain-Java workflow rules, then content, audit, the editorial actions, and on
 * top review and delivery. Dependencies point down only.
 */
@AnalyzeClasses(packages = "org.imprimatur", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.imprimatur.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Infrastructure").definedBy("org.imprimatur.infrastructure..")
            .layer("Security").definedBy("org.imprimatur.security..")
            .layer("Rules").definedBy("org.imprimatur.rules..")
            .layer("Content").definedBy("org.imprimatur.article..")
            .layer("Audit").definedBy("org.imprimatur.audit..")
            .layer("Editorial").definedBy("org.imprimatur.workflow..")
            .layer("Review").definedBy("org.imprimatur.review..")
            .layer("Delivery").definedBy("org.imprimatur.delivery..")
            .whereLayer("Delivery").mayNotBeAccessedByAnyLayer()
            .whereLayer("Review").mayNotBeAccessedByAnyLayer()
            .whereLayer("Editorial").mayOnlyBeAccessedByLayers("Delivery")
            .whereLayer("Audit").mayOnlyBeAccessedByLayers("Editorial", "Review", "Delivery")
            .whereLayer("Content").mayOnlyBeAccessedByLayers("Audit", "Editorial", "Review", "Delivery")
            .whereLayer("Rules").mayOnlyBeAccessedByLayers("Content", "Audit", "Editorial", "Review", "Delivery")
            .whereLayer("Security").mayOnlyBeAccessedByLayers("Rules", "Content", "Audit", "Editorial", "Review", "Delivery")
            .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Security", "Rules", "Content", "Audit", "Editorial",
                    "Review", "Delivery");

    /** The rules are plain Java, unit-tested without a database or a container. */
    @ArchTest
    static final ArchRule rulesArePlainJava = noClasses().that().resideInAPackage("org.imprimatur.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                    "jakarta.enterprise..", "jakarta.transaction..", "io.quarkus..", "org.hibernate..", "io.vertx..");

    /** HTTP lives in the outer layers; the rules, the content model and the plumbing serve no requests. */
    @ArchTest
    static final ArchRule noResourcesInTheInnerLayers = noClasses()
            .that().resideInAnyPackage("org.imprimatur.rules..", "org.imprimatur.article..", "org.imprimatur.infrastructure..")
            .should().beAnnotatedWith(jakarta.ws.rs.Path.class);
}
