package org.imprimatur;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.accounts.AccountAction;
import org.imprimatur.article.Audience;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.HealthAspect;
import org.imprimatur.article.ReviewRecord;
import org.imprimatur.rules.ReleaseState;
import org.imprimatur.rules.ReviewScope;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.integration.DeliveryStatus;
import org.imprimatur.security.Role;
import org.imprimatur.support.Database;
import org.imprimatur.workflow.ArticleEventType;
import org.imprimatur.workflow.ChangeType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each Java enum that the migrations repeat as a CHECK list names exactly the values the database
 * allows: a value added on one side only fails here, not at the first save that stores it. The
 * list is read back from PostgreSQL (pg_get_constraintdef), so it is what the migrations made.
 */
@QuarkusTest
class EnumConstraintsTest {

    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void workflowStatesAreTheArticlesStateCheck() {
        assertSameValues("articles", "articles_state_check", WorkflowState.values(), WorkflowState::name);
    }

    @Test
    void healthAspectsAreTheSectionsAspectCheck() {
        assertSameValues("version_sections", "version_sections_aspect_check", HealthAspect.values(), HealthAspect::jsonName);
    }

    @Test
    void citationKindsAreTheCitationsKindCheck() {
        assertSameValues("version_citations", "version_citations_kind_check", CitationKind.values(), CitationKind::jsonName);
    }

    @Test
    void audiencesAreTheVersionsAudienceCheck() {
        assertSameValues("article_versions", "article_versions_audience_check", Audience.values(), Audience::jsonName);
    }

    @Test
    void articleEventTypesAreTheOutboxTypeCheck() {
        assertSameValues("outbox_events", "outbox_events_type_check", ArticleEventType.values(), ArticleEventType::wireName);
    }

    @Test
    void workflowActionsAreTheAuditActionCheck() {
        assertSameValues("audit_events", "audit_events_action_check", WorkflowAction.values(), WorkflowAction::auditName);
    }

    @Test
    void reviewRecordKindsAreTheReviewRecordsKindCheck() {
        assertSameValues("review_records", "review_records_kind_check", ReviewRecord.Kind.values(), ReviewRecord.Kind::name);
    }

    @Test
    void changeTypesAreTheChangeFeedTypeCheck() {
        assertSameValues("change_feed", "change_feed_type_check", ChangeType.values(), ChangeType::label);
    }

    @Test
    void deliveryStatusesAreTheWebhookDeliveriesStatusCheck() {
        assertSameValues("webhook_deliveries", "webhook_deliveries_status_check", DeliveryStatus.values(), DeliveryStatus::label);
    }

    @Test
    void accountActionsAreTheAccountEventsActionCheck() {
        assertSameValues("account_events", "account_events_action_check", AccountAction.values(), AccountAction::label);
    }

    @Test
    void reviewScopesAreTheReviewRecordsScopeCheck() {
        assertSameValues("review_records", "review_records_scope_check", ReviewScope.values(), ReviewScope::wireName);
    }

    @Test
    void releaseStatesAreTheReleasesStateCheck() {
        assertSameValues("releases", "releases_state_check", ReleaseState.values(), ReleaseState::name);
    }

    @Test
    void rolesAreTheAccountsRolesCheck() {
        assertSameValues("accounts", "accounts_roles_check", Role.values(), Role::tokenName);
    }

    private <E> void assertSameValues(String table, String constraint, E[] values, Function<E, String> stored) {
        String definition = Database.queryString(dataSource, """
                SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                WHERE t.relname = ? AND k.conname = ? AND k.contype = 'c'""", table, constraint);
        Set<String> allowed = new TreeSet<>();
        Matcher literal = LITERAL.matcher(definition == null ? "" : definition);
        while (literal.find()) {
            allowed.add(literal.group(1).replace("''", "'"));
        }
        Set<String> inJava = Arrays.stream(values).map(stored).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(inJava, allowed, constraint + " on " + table + " is " + definition);
    }
}
