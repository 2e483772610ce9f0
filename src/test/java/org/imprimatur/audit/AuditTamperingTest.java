package org.imprimatur.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuditTamperingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void auditEventsRefuseUpdateAndDelete() {
        String id = Workflow.published(Fixtures.article(Fixtures.uniqueSlug("audit-locked")));
        UUID articleId = UUID.fromString(id);
        String appendOnly = "publication history is append-only: only an open period may be closed";
        // As the owner, past every privilege: the triggers themselves refuse.
        DataSource owner = Database.owner();
        Database.assertImmutable(owner, "audit_events", "UPDATE", "UPDATE audit_events SET comment = 'x' WHERE article_id = ?", articleId);
        Database.assertImmutable(owner, "audit_events", "DELETE", "DELETE FROM audit_events WHERE article_id = ?", articleId);
        Database.assertImmutable(owner, "review_records", "UPDATE",
                "UPDATE review_records SET reviewer_name = 'x' WHERE article_id = ?", articleId);
        Database.assertRefused(owner, Database.INTEGRITY_CONSTRAINT_VIOLATION, appendOnly,
                "DELETE FROM publications WHERE article_id = ?", articleId);
        Database.assertRefused(owner, Database.INTEGRITY_CONSTRAINT_VIOLATION, appendOnly,
                "UPDATE publications SET live = tstzrange('2000-01-01', NULL) WHERE article_id = ?", articleId);
        // As the service: no privilege to change the trail at all, and the one it has (closing a
        // publication period) still meets the trigger.
        Database.assertPermissionDenied(dataSource, "audit_events", "UPDATE audit_events SET comment = 'x' WHERE article_id = ?", articleId);
        Database.assertPermissionDenied(dataSource, "audit_events", "DELETE FROM audit_events WHERE article_id = ?", articleId);
        Database.assertPermissionDenied(dataSource, "review_records",
                "UPDATE review_records SET reviewer_name = 'x' WHERE article_id = ?", articleId);
        Database.assertPermissionDenied(dataSource, "publications", "DELETE FROM publications WHERE article_id = ?", articleId);
        Database.assertRefused(dataSource, Database.INTEGRITY_CONSTRAINT_VIOLATION, appendOnly,
                "UPDATE publications SET live = tstzrange('2000-01-01', NULL) WHERE article_id = ?", articleId);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().body("chainValid", equalTo(true));
    }

    @Test
    void anEventAlteredBehindTheServicesBackBreaksTheChain() throws Exception {
        String id = Workflow.published(Fixtures.article(Fixtures.uniqueSlug("audit-tampered")));
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().body("chainValid", equalTo(true));

        // The table owner can switch the trigger off; the chain still gives the edit away.
        try (Connection connection = Database.owner().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE audit_events SET actor_name = 'Someone Else' WHERE article_id = ? AND action = 'approve'")) {
                statement.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable");
                update.setObject(1, UUID.fromString(id));
                update.executeUpdate();
                statement.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_immutable");
            }
            connection.commit();
        }

        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().statusCode(200)
                .body("chainValid", equalTo(false));
    }
}
