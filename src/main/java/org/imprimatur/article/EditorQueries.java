package org.imprimatur.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What editors work from: their own drafts, and their articles sent back with the reviewers' comments. */
@ApplicationScoped
public class EditorQueries {

    private final EntityManager entityManager;

    public EditorQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Draft(UUID id, String slug, String title, int version, Instant changedAt) {

        /** A row of {@link #draftsOf}, read by column name. */
        static Draft of(Tuple row) {
            return new Draft(row.get("id", UUID.class), row.get("slug", String.class), row.get("title", String.class),
                    row.get("version_no", Integer.class), Timestamps.fromColumn(row.get("changed_at")));
        }
    }

    public record SentBack(UUID id, String slug, String title, int version, Instant changedAt, List<Comment> comments) {
    }

    public record Comment(String sectionKey, String text, String reviewer) {
    }

    /** A row of {@link #sentBackTo}: one comment on an article, or the article alone when it has none. */
    record SentBackRow(UUID id, String slug, String title, int version, Instant changedAt, String sectionKey, String text,
                       String reviewer) {

        static SentBackRow of(Tuple row) {
            return new SentBackRow(row.get("id", UUID.class), row.get("slug", String.class), row.get("title", String.class),
                    row.get("version_no", Integer.class), Timestamps.fromColumn(row.get("changed_at")),
                    row.get("section_key", String.class), row.get("text", String.class), row.get("reviewer", String.class));
        }
    }

    /** Drafts whose newest version the account wrote, newest change first. */
    @Transactional
    public List<Draft> draftsOf(UUID accountId) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT a.id AS id, a.slug AS slug, v.title AS title, v.version_no AS version_no, a.changed_at AS changed_at
                        FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.latest_version
                        WHERE a.state = 'DRAFT' AND v.author_id = ?1
                        ORDER BY a.changed_at DESC LIMIT 100""", Tuple.class)
                .setParameter(1, accountId).getResultList();
        return rows.stream().map(Draft::of).toList();
    }

    /** Articles sent back whose version under review the account wrote, with the comments on it. */
    @Transactional
    public List<SentBack> sentBackTo(UUID accountId) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT a.id AS id, a.slug AS slug, v.title AS title, v.version_no AS version_no, a.changed_at AS changed_at,
                               c.section_key AS section_key, c.text AS text, r.display_name AS reviewer
                        FROM articles a
                        JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.latest_version
                        LEFT JOIN review_comments c ON c.article_id = a.id AND c.version_no = a.latest_version
                        LEFT JOIN accounts r ON r.id = c.author_id
                        WHERE a.state = 'CHANGES_REQUESTED' AND v.author_id = ?1
                        ORDER BY a.changed_at DESC, a.id, c.created_at LIMIT 500""", Tuple.class)
                .setParameter(1, accountId).getResultList();
        Map<UUID, SentBack> byArticle = new LinkedHashMap<>();
        for (SentBackRow row : rows.stream().map(SentBackRow::of).toList()) {
            SentBack entry = byArticle.computeIfAbsent(row.id(), id -> new SentBack(id, row.slug(), row.title(), row.version(),
                    row.changedAt(), new ArrayList<>()));
            if (row.text() != null) {
                entry.comments().add(new Comment(row.sectionKey(), row.text(), row.reviewer()));
            }
        }
        return List.copyOf(byArticle.values());
    }
}
