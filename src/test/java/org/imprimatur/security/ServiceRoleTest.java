package org.imprimatur.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Database;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertPermissionDenied("ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable");
        assertPermissionDenied("ALTER TABLE article_versions DISABLE TRIGGER ALL");
        assertPermissionDenied("DROP TRIGGER version_sections_immutable ON version_sections");
    }

    @Test
    void itCannotRunProgramsOnTheDatabaseServer() {
        assertPermissionDenied("COPY (SELECT 1) TO PROGRAM 'true'");
        assertPermissionDenied("CREATE TABLE planted (x int)");
    }

    @Test
    void itCannotRewriteHistory() {
        assertPermissionDenied("UPDATE audit_events SET comment = 'x'");
        assertPermissionDenied("DELETE FROM review_records");
        assertPermissionDenied("TRUNCATE audit_events");
    }

    private void assertPermissionDenied(String sql) {
        SQLException refusal = Database.refusalOf(dataSource, sql);
        assertNotNull(refusal, "the service role was allowed to run " + sql);
        assertTrue(refusal.getSQLState().equals("42501") || refusal.getMessage().contains("must be owner"),
                sql + " → " + refusal.getSQLState() + " " + refusal.getMessage());
    }
}
