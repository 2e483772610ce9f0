package org.imprimatur;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph, readable bottom-up (README, "How it works"): infrastructure and security at
 * the bottom (accounts administration beside security), the plain-Java workflow rules, then
 * content, the plain-Java checks that read it (docs/clinical-checks.md), audit, the editorial
 * actions (with the outbox of their events), review and delivery, integration (webhooks and
 * e-mail, reading the outbox), and on top the studio, which serves people the same services the
 * API serves programs; the import of a library sits beside them, above the editorial actions whose
 * rules and going live it reuses. Dependencies point down only.
 */
@AnalyzeClasses(packages = "org.imprimatur", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.imprimatur.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Infrastructure").definedBy("org.imprimatur.infrastructure..")
            .layer("Security").definedBy("org.imprimatur.security..")
            .layer("Accounts").definedBy("org.imprimatur.accounts..")
            .layer("Rules").definedBy("org.imprimatur.rules..")
            .layer("Content").definedBy("org.imprimatur.article..")
            .layer("Checks").definedBy("org.imprimatur.checks..")
            .layer("Audit").definedBy("org.imprimatur.audit..")
            .layer("Editorial").definedBy("org.imprimatur.workflow..")
            .layer("Review").definedBy("org.imprimatur.review..")
            .layer("Delivery").definedBy("org.imprimatur.delivery..")
            .layer("Integration").definedBy("org.imprimatur.integration..")
            .layer("Studio").definedBy("org.imprimatur.studio..")
            .layer("Importing").definedBy("org.imprimatur.importing..")
            .whereLayer("Studio").mayNotBeAccessedByAnyLayer()
            .whereLayer("Importing").mayNotBeAccessedByAnyLayer()
            .whereLayer("Accounts").mayOnlyBeAccessedByLayers("Studio")
            .whereLayer("Integration").mayOnlyBeAccessedByLayers("Studio")
            .whereLayer("Delivery").mayOnlyBeAccessedByLayers("Integration", "Studio")
            .whereLayer("Review").mayOnlyBeAccessedByLayers("Studio")
            .whereLayer("Editorial").mayOnlyBeAccessedByLayers("Review", "Delivery", "Integration", "Studio", "Importing")
            .whereLayer("Checks").mayOnlyBeAccessedByLayers("Editorial", "Review", "Delivery", "Integration", "Studio")
            .whereLayer("Audit").mayOnlyBeAccessedByLayers("Editorial", "Review", "Delivery", "Integration", "Studio",
                    "Importing")
            .whereLayer("Content").mayOnlyBeAccessedByLayers("Checks", "Audit", "Editorial", "Review", "Delivery",
                    "Integration", "Studio", "Importing")
            .whereLayer("Rules").mayOnlyBeAccessedByLayers("Content", "Audit", "Editorial", "Review", "Delivery",
                    "Integration", "Studio", "Importing")
            .whereLayer("Security").mayOnlyBeAccessedByLayers("Accounts", "Rules", "Content", "Audit", "Editorial", "Review",
                    "Delivery", "Integration", "Studio", "Importing")
            .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Security", "Accounts", "Rules", "Content", "Audit",
                    "Editorial", "Review", "Delivery", "Integration", "Studio", "Importing");

    /** A library line's rules are plain Java too, unit-tested without a database (docs/operations.md, "Importing a library"). */
    @ArchTest
    static final ArchRule libraryRulesArePlainJava = noClasses()
            .that().haveNameMatching("org\\.imprimatur\\.importing\\.(LibraryRules|NdjsonLines|ImportProgress)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                    "jakarta.enterprise..", "jakarta.transaction..", "io.quarkus..", "org.hibernate..", "io.vertx..");

    /** The rules and the checks are plain Java, unit-tested without a database or a container. */
    @ArchTest
    static final ArchRule rulesArePlainJava = noClasses().that().resideInAnyPackage("org.imprimatur.rules..",
                    "org.imprimatur.checks..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                    "jakarta.enterprise..", "jakarta.transaction..", "io.quarkus..", "org.hibernate..", "io.vertx..");

    /**
     * What becomes of a webhook attempt and of a change to an account is decided in plain Java too,
     * unit-tested without a database, a network or a container; the queue, the HTTP client and the
     * use cases carry it out.
     */
    @ArchTest
    static final ArchRule decisionsArePlainJava = noClasses()
            .that().haveNameMatching("org\\.imprimatur\\.(integration\\.WebhookSender|accounts\\.AccountRules)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                    "jakarta.enterprise..", "jakarta.transaction..", "io.quarkus..", "org.hibernate..", "io.vertx..");

    /** HTTP lives in the outer layers; the rules, the content model and the plumbing serve no requests. */
    @ArchTest
    static final ArchRule noResourcesInTheInnerLayers = noClasses()
            .that().resideInAnyPackage("org.imprimatur.rules..", "org.imprimatur.article..", "org.imprimatur.checks..",
                    "org.imprimatur.infrastructure..")
            .should().beAnnotatedWith(jakarta.ws.rs.Path.class);

    /** The studio's door is bound to its page classes (docs/security.md, "The studio's door"): none may lack it. */
    @ArchTest
    static final ArchRule everyStudioResourceIsAStudioPage = classes()
            .that().resideInAPackage("org.imprimatur.studio..").and().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().beAnnotatedWith(org.imprimatur.studio.StudioPage.class);

    /** A workflow action returns its event; one handler writes the outbox rows of every action (README, "How it works"). */
    @ArchTest
    static final ArchRule workflowEventsAreAnnouncedInOnePlace = noClasses()
            .that().doNotHaveFullyQualifiedName("org.imprimatur.workflow.WorkflowEventRecorder")
            .should().callMethod(org.imprimatur.workflow.Outbox.class, "append", org.imprimatur.workflow.ArticleEventType.class,
                    org.imprimatur.workflow.Outbox.EventFacts.class, java.util.Map.class);

    /**
     * What reads or writes the database: JPA and Hibernate (the EntityManager, Panache), JDBC and the
     * pool, transactions, and the entity classes themselves (whose statics load rows).
     */
    private static final DescribedPredicate<JavaClass> PERSISTENCE = resideInAnyPackage("jakarta.persistence..",
            "jakarta.transaction..", "org.hibernate..", "io.quarkus.hibernate..", "io.quarkus.panache..", "java.sql..",
            "javax.sql..", "io.agroal..", "org.postgresql..", "io.vertx.sqlclient..", "io.vertx.pgclient..")
            .or(annotatedWith(jakarta.persistence.Entity.class))
            .as("persistence (JPA, Hibernate, Panache, JDBC, transactions) or an entity class");

    /**
     * Studio pages are as thin as REST resources (docs/studio.md): they call the application services
     * the API calls, and load no entity, run no SQL and open no transaction of their own.
     */
    @ArchTest
    static final ArchRule studioCallsApplicationServicesOnly = noClasses().that().resideInAPackage("org.imprimatur.studio..")
            .should().dependOnClassesThat(PERSISTENCE);
}
