package org.imprimatur.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A save compares with the newest version kept in memory (docs/operations.md, "The save path"):
 * what is kept must be exactly what the database holds, and a version whose transaction rolls
 * back must leave nothing behind, since its number will be taken by the next save.
 */
@QuarkusTest
class VersionSnapshotsTest {

    @Inject
    VersionSnapshots versions;

    @Test
    void aSavedVersionIsKeptExactlyAsTheDatabaseHoldsIt() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("snapshot"));
        String id = Api.createdId(content);
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "A new opening [@lee-2021].")).then().statusCode(200);
        UUID articleId = UUID.fromString(id);

        VersionSnapshot kept = QuarkusTransaction.requiringNew().call(() -> versions.of(articleId, 2).orElseThrow());
        VersionSnapshot stored = QuarkusTransaction.requiringNew().call(
                () -> VersionSnapshot.of(ArticleVersion.find(articleId, 2).orElseThrow()));

        assertEquals(stored, kept);
        assertEquals("A new opening [@lee-2021].", kept.content().sections().get(0).body());
        assertEquals(2, kept.origins().sections().get(kept.content().sections().get(0).key()));
    }

    @Test
    void aVersionWhoseTransactionRollsBackLeavesNothingAndItsNumberGoesToTheNextSave() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("rolled-back"));
        String id = Api.createdId(content);
        String firstETag = Api.etag(id);
        UUID articleId = UUID.fromString(id);

        // The transaction is marked for rollback, so its end refuses to commit.
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            VersionSnapshot first = versions.of(articleId, 1).orElseThrow();
            ArticleContent abandoned = first.content().withChangeNote("never committed");
            ArticleVersion version = ArticleVersion.of(articleId, 2, new ArticleContent(null, "An abandoned title",
                            abandoned.summary(), abandoned.language(), abandoned.tags(), abandoned.reviewIntervalMonths(),
                            abandoned.changeNote(), abandoned.sections(), abandoned.citations()),
                    first.origins(), Article.<Article>findById(articleId).createdBy, 1, Instant.now());
            version.persist();
            versions.rememberWhenCommitted(version);
            // Read back in the transaction that wrote it, it is there, but not yet committed.
            assertEquals("An abandoned title", versions.of(articleId, 2).orElseThrow().content().title());
            QuarkusTransaction.setRollbackOnly();
        }));

        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> versions.of(articleId, 2)));
        String saved = Api.save("editor", id, firstETag, Fixtures.edited(content, "The real second version."))
                .then().statusCode(200).extract().header("ETag");
        VersionSnapshot second = QuarkusTransaction.requiringNew().call(() -> versions.of(articleId, 2).orElseThrow());
        assertEquals("Eczema and the gut", second.content().title());
        assertEquals(ETags.of(2, second.contentHash()), saved);
        assertEquals(saved, Api.etag(id), "the article's ETag is the committed save's");
    }
}
