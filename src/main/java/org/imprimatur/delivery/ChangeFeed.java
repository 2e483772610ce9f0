package org.imprimatur.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.Cursor;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.workflow.ChangeType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The public change feed (docs/delivery.md, "Change feed"): publications and retractions, oldest
 * first, from a keyset cursor, so a consumer without a webhook endpoint catches up from where it
 * stopped. Drafts and reviews never appear.
 */
@ApplicationScoped
public class ChangeFeed {

    private final EntityManager entityManager;

    public ChangeFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One change: an article went live in a version, or its live version was retracted. */
    public record Change(String cursor, ChangeType type, String slug, int version, Instant at, String href) {
    }

    /** A page of changes; {@code next} is where to continue, also when there was nothing new. */
    public record ChangePage(List<Change> items, String next) {
    }

    /** A row of the {@code change_feed} view. */
    private record ChangeRow(long id, String type, String slug, int version, Instant occurredAt) {
    }

    @Transactional
    public ChangePage after(String cursor, String limit) {
        int pageSize = Cursor.limit(limit);
        long after = cursor == null ? 0 : decode(cursor);
        List<Change> items = NativeRows.select(entityManager, """
                        SELECT id, type, slug, version_no AS version, occurred_at AS occurredAt FROM change_feed
                        WHERE id > ?1 ORDER BY id LIMIT ?2""", ChangeRow.class)
                .setParameter(1, after)
                .setParameter(2, pageSize)
                .getResultList().stream()
                .map(row -> new Change(encode(row.id()), ChangeType.fromLabel(row.type()), row.slug(), row.version(), row.occurredAt(),
                        "/api/v1/articles/" + row.slug()))
                .toList();
        return new ChangePage(items, items.isEmpty() ? encode(after) : items.get(items.size() - 1).cursor());
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("f." + id).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("f.")) {
                throw new IllegalArgumentException();
            }
            long id = Long.parseLong(raw.substring(2));
            if (id < 0) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (RuntimeException malformed) {
            throw ProblemException.badRequest("The cursor is not one this change feed gave out.");
        }
    }
}
