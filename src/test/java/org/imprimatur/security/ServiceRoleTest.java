package org.imprimatur.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Database;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The service connects as a role that owns nothing (docs/security.md): whatever a flaw in the
 * service let an attacker run through its connections, the database's guarantees stay on.
 */
@QuarkusTest
class ServiceRoleTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServiceIsNotTheOwnerOfItsSchema() {
        assertEquals(0, Database.queryLong(dataSource,
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"));
        assertEquals(0, Database.queryLong(dataSource,
                "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole OR rolcreatedb)"));
        assertNotEquals(0, Database.queryLong(dataSource, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    @Test
    void itCannotSwitchOffAnImmutabilityTrigger() {
        assertRefused("must be owner of table audit_events", "ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable");
        assertRefused("must be owner of table article_versions", "ALTER TABLE article_versions DISABLE TRIGGER ALL");
        assertRefused("must be owner of relation version_sections", "DROP TRIGGER version_sections_immutable ON version_sections");
    }

    @Test
    void itCannotRunProgramsOnTheDatabaseServer() {
        // PostgreSQL 15 and 17 word this refusal differently; both name the privilege it lacks.
        java.sql.SQLException refusal = Database.refusalOf(dataSource, "COPY (SELECT 1) TO PROGRAM 'true'");
        org.junit.jupiter.api.Assertions.assertNotNull(refusal, "COPY TO PROGRAM was accepted");
        org.junit.jupiter.api.Assertions.assertEquals(Database.INSUFFICIENT_PRIVILEGE, refusal.getSQLState());
        org.junit.jupiter.api.Assertions.assertTrue(Database.serverMessage(refusal).endsWith("to COPY to or from an external program"),
                Database.serverMessage(refusal));
        assertRefused("permission denied for schema public", "CREATE TABLE planted (x int)");
    }

    @Test
    void itCannotRewriteHistory() {
        Database.assertPermissionDenied(dataSource, "audit_events", "UPDATE audit_events SET comment = 'x'");
        Database.assertPermissionDenied(dataSource, "review_records", "DELETE FROM review_records");
        Database.assertPermissionDenied(dataSource, "audit_events", "TRUNCATE audit_events");
    }

    /** Refused for want of privilege (42501) with PostgreSQL's own words, not for a typo or a missing table. */
    private void assertRefused(String message, String sql) {
        Database.assertRefused(dataSource, Database.INSUFFICIENT_PRIVILEGE, message, sql);
    }
}
