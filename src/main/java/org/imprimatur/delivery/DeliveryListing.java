package org.imprimatur.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.imprimatur.infrastructure.Cursor;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.infrastructure.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Published summaries, newest first or ranked by full-text search, with keyset pagination. */
@ApplicationScoped
public class DeliveryListing {

    private static final int MAX_QUERY_LENGTH = 200;

    private final EntityManager entityManager;

    public DeliveryListing(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Summary(String slug, String title, String summary, List<String> tags, int version,
                          Instant publishedAt, String href) {
    }

    @Transactional
    public Page<Summary> list(String limit, String cursor, String q, String tag) {
        int pageSize = Cursor.limit(limit);
        if (tag != null && (tag.isBlank() || tag.length() > 50)) {
            throw ProblemException.badRequest("tag must be 1 to 50 characters.");
        }
        if (q != null && (q.isBlank() || q.length() > MAX_QUERY_LENGTH)) {
            throw ProblemException.badRequest("q must be 1 to " + MAX_QUERY_LENGTH + " characters.");
        }
        return q == null ? newestFirst(pageSize, cursor, tag) : search(pageSize, cursor, q, tag);
    }

    private Page<Summary> newestFirst(int pageSize, String cursor, String tag) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        StringBuilder sql = new StringBuilder(
                "SELECT slug, title, summary, tags, version_no AS version, published_at AS publishedAt, article_id AS articleId"
                        + " FROM published_articles WHERE true");
        if (tag != null) {
            sql.append(" AND tags @> ARRAY[CAST(:tag AS text)]");
        }
        if (after != null) {
            sql.append(" AND (published_at, article_id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))");
        }
        sql.append(" ORDER BY published_at DESC, article_id DESC LIMIT :limit");
        NativeQuery<SummaryRow> query = NativeRows.select(entityManager, sql.toString(), SummaryRow.class)
                .setParameter("limit", pageSize + 1);
        if (tag != null) {
            query.setParameter("tag", tag);
        }
        if (after != null) {
            query.setParameter("afterAt", after.instant().atOffset(ZoneOffset.UTC));
            query.setParameter("afterId", after.id());
        }
        return page(query.getResultList(), SummaryRow::toSummary, pageSize,
                last -> new Cursor(last.publishedAt(), last.articleId()).encode());
    }

    private Page<Summary> search(int pageSize, String cursor, String q, String tag) {
        SearchCursor after = cursor == null ? null : SearchCursor.decode(cursor);
        // The planner does not count the cost of decompressing each article's text vector, so for
        // common words it prefers reading the whole table to the GIN index: several times slower,
        // and growing with every article published. This transaction only searches.
        entityManager.createNativeQuery("SELECT set_config('enable_seqscan', 'off', true)").getSingleResult();
        StringBuilder sql = new StringBuilder("""
                SELECT slug, title, summary, tags, version_no AS version, published_at AS publishedAt,
                       article_id AS articleId, rank FROM (
                  SELECT p.slug, p.title, p.summary, p.tags, p.version_no, p.published_at, p.article_id,
                         ts_rank(p.rank_document, query) + CASE WHEN p.rank_document @@ query THEN 1 ELSE 0 END AS rank
                  FROM published_articles p,
                       websearch_to_tsquery('english', :q) english, websearch_to_tsquery('simple', :q) simple,
                       LATERAL (SELECT english || simple AS query) q
                  WHERE p.document @@ english OR p.document @@ simple) ranked
                WHERE true""");
        if (tag != null) {
            sql.append(" AND tags @> ARRAY[CAST(:tag AS text)]");
        }
        if (after != null) {
            sql.append(" AND (rank < :afterRank OR (rank = :afterRank AND article_id < CAST(:afterId AS uuid)))");
        }
        sql.append(" ORDER BY rank DESC, article_id DESC LIMIT :limit");
        NativeQuery<RankedRow> query = NativeRows.select(entityManager, sql.toString(), RankedRow.class)
                .setParameter("q", q)
                .setParameter("limit", pageSize + 1);
        if (tag != null) {
            query.setParameter("tag", tag);
        }
        if (after != null) {
            query.setParameter("afterRank", after.rank());
            query.setParameter("afterId", after.id());
        }
        return page(query.getResultList(), RankedRow::toSummary, pageSize,
                last -> new SearchCursor(last.rank(), last.articleId()).encode());
    }

    /** A row of {@code published_articles}, newest first. */
    private record SummaryRow(String slug, String title, String summary, String[] tags, int version, Instant publishedAt,
                              UUID articleId) {
        Summary toSummary() {
            return DeliveryListing.summary(slug, title, summary, tags, version, publishedAt);
        }
    }

    /** A row of a search, with its rank. */
    private record RankedRow(String slug, String title, String summary, String[] tags, int version, Instant publishedAt,
                             UUID articleId, float rank) {
        Summary toSummary() {
            return DeliveryListing.summary(slug, title, summary, tags, version, publishedAt);
        }
    }

    /** One more row than the page size was read: its presence says there is a next page. */
    private static <R> Page<Summary> page(List<R> rows, Function<R, Summary> summary, int pageSize,
                                          Function<R, String> cursorAfter) {
        List<Summary> items = rows.stream().limit(pageSize).map(summary).toList();
        return new Page<>(items, rows.size() > pageSize ? cursorAfter.apply(rows.get(pageSize - 1)) : null);
    }

    private static Summary summary(String slug, String title, String summary, String[] tags, int version,
                                   Instant publishedAt) {
        return new Summary(slug, title, summary, tags == null ? List.of() : Arrays.asList(tags), version, publishedAt,
                "/api/v1/articles/" + slug);
    }

    /** Position in a ranked result: the rank and id of the last item shown. */
    record SearchCursor(float rank, UUID id) {
        String encode() {
            String raw = "s." + Float.floatToIntBits(rank) + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static SearchCursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
                if (!parts[0].equals("s")) {
                    throw new IllegalArgumentException();
                }
                return new SearchCursor(Float.intBitsToFloat(Integer.parseInt(parts[1])), UUID.fromString(parts[2]));
            } catch (RuntimeException malformed) {
                throw ProblemException.badRequest("The cursor is not one this service gave out for this search.");
            }
        }
    }
}
