package org.imprimatur.article;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The database itself refuses to change or remove anything a save stored: the triggers bind even
 * the owner, and the service's own role may not even try (docs/security.md).
 */
@QuarkusTest
class VersionImmutabilityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void versionsSectionsCitationsAndTagsRefuseUpdateAndDelete() {
        UUID articleId = UUID.fromString(Api.createdId(Fixtures.article(Fixtures.uniqueSlug("immutable"))));
        String versionId = "(SELECT id FROM article_versions WHERE article_id = ?)";

        assertRefused("article_versions", "UPDATE", "UPDATE article_versions SET title = 'Changed' WHERE article_id = ?", articleId);
        assertRefused("article_versions", "DELETE", "DELETE FROM article_versions WHERE article_id = ?", articleId);
        assertRefused("version_sections", "UPDATE", "UPDATE version_sections SET body = 'Changed' WHERE version_id = " + versionId, articleId);
        assertRefused("version_sections", "DELETE", "DELETE FROM version_sections WHERE version_id = " + versionId, articleId);
        assertRefused("version_citations", "UPDATE",
                "UPDATE version_citations SET doi = '10.9999/changed' WHERE version_id = " + versionId, articleId);
        assertRefused("version_citations", "DELETE", "DELETE FROM version_citations WHERE version_id = " + versionId, articleId);
        assertRefused("version_tags", "UPDATE", "UPDATE version_tags SET tag = 'changed' WHERE version_id = " + versionId, articleId);
        assertRefused("version_tags", "DELETE", "DELETE FROM version_tags WHERE version_id = " + versionId, articleId);
        Database.assertImmutable(Database.owner(), "article_versions", "TRUNCATE", "TRUNCATE article_versions CASCADE");
        Database.assertPermissionDenied(dataSource, "article_versions", "TRUNCATE article_versions CASCADE");

        assertEquals(1, Database.queryLong(dataSource,
                "SELECT count(*) FROM article_versions WHERE article_id = ? AND title = 'Eczema and the gut'", articleId));
        assertEquals(2, Database.queryLong(dataSource,
                "SELECT count(*) FROM version_sections WHERE version_id = " + versionId, articleId));
    }

    @Test
    void aVersionNumberThatWouldLeaveAGapIsRefused() {
        UUID articleId = UUID.fromString(Api.createdId(Fixtures.article(Fixtures.uniqueSlug("gap"))));
        SQLException refusal = Database.refusalOf(Database.owner(), """
                INSERT INTO article_versions (id, article_id, version_no, title, summary, language,
                    review_interval_months, change_note, content_hash, author_id, created_at)
                SELECT gen_random_uuid(), article_id, 3, title, summary, language, review_interval_months,
                       change_note, content_hash, author_id, now()
                FROM article_versions WHERE article_id = ?""", articleId);
        assertNotNull(refusal);
        assertEquals(Database.INTEGRITY_CONSTRAINT_VIOLATION, refusal.getSQLState());
        assertEquals("version 3 of article " + articleId + " would leave a gap", Database.serverMessage(refusal));
    }

    /** The trigger refuses the owner; the service role does not even hold the privilege. */
    private void assertRefused(String table, String operation, String sql, UUID articleId) {
        Database.assertImmutable(Database.owner(), table, operation, sql, articleId);
        Database.assertPermissionDenied(dataSource, table, sql, articleId);
    }
}
