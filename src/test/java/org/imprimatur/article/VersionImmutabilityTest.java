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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        assertRefused("UPDATE article_versions SET title = 'Changed' WHERE article_id = ?", articleId);
        assertRefused("DELETE FROM article_versions WHERE article_id = ?", articleId);
        assertRefused("UPDATE version_sections SET body = 'Changed' WHERE version_id = " + versionId, articleId);
        assertRefused("DELETE FROM version_sections WHERE version_id = " + versionId, articleId);
        assertRefused("UPDATE version_citations SET doi = '10.9999/changed' WHERE version_id = " + versionId, articleId);
        assertRefused("DELETE FROM version_citations WHERE version_id = " + versionId, articleId);
        assertRefused("UPDATE version_tags SET tag = 'changed' WHERE version_id = " + versionId, articleId);
        assertRefused("DELETE FROM version_tags WHERE version_id = " + versionId, articleId);
        assertNotNull(Database.refusalOf(Database.owner(), "TRUNCATE article_versions CASCADE"));
        assertNotNull(Database.refusalOf(dataSource, "TRUNCATE article_versions CASCADE"));

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
        assertTrue(refusal.getMessage().contains("gap"), refusal.getMessage());
    }

    private void assertRefused(String sql, UUID articleId) {
        SQLException refusal = Database.refusalOf(Database.owner(), sql, articleId);
        assertNotNull(refusal, "PostgreSQL accepted from the owner: " + sql);
        assertTrue(refusal.getMessage().contains("immutable"), refusal.getMessage());
        SQLException serviceRefusal = Database.refusalOf(dataSource, sql, articleId);
        assertNotNull(serviceRefusal, "PostgreSQL accepted from the service role: " + sql);
        assertTrue(serviceRefusal.getMessage().contains("permission denied"), serviceRefusal.getMessage());
    }
}
