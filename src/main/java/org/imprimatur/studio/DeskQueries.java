package org.imprimatur.studio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The editor's half of the desk: own drafts, and articles sent back with the reviewers' comments. */
@ApplicationScoped
public class DeskQueries {

    private final EntityManager entityManager;

    public DeskQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Draft(UUID id, String slug, String title, int version, Instant changedAt) {
    }

    public record SentBack(UUID id, String slug, String title, int version, Instant changedAt, List<Comment> comments) {
    }

    public record Comment(String sectionKey, String text, String reviewer) {
    }

    /** Drafts whose newest version the account wrote, newest change first. */
    @Transactional
    public List<Draft> draftsOf(UUID accountId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT a.id, a.slug, v.title, v.version_no, a.changed_at
                        FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.latest_version
                        WHERE a.state = 'DRAFT' AND v.author_id = ?1
                        ORDER BY a.changed_at DESC LIMIT 100""", Object[].class)
                .setParameter(1, accountId).getResultList();
        return rows.stream().map(row -> new Draft((UUID) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), Timestamps.fromColumn(row[4]))).toList();
    }

    /** Articles sent back whose version under review the account wrote, with the comments on it. */
    @Transactional
    public List<SentBack> sentBackTo(UUID accountId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT a.id, a.slug, v.title, v.version_no, a.changed_at, c.section_key, c.text, r.display_name
                        FROM articles a
                        JOIN article_versions v ON v.article_id = a.id AND v.version_no = a.latest_version
                        LEFT JOIN review_comments c ON c.article_id = a.id AND c.version_no = a.latest_version
                        LEFT JOIN accounts r ON r.id = c.author_id
                        WHERE a.state = 'CHANGES_REQUESTED' AND v.author_id = ?1
                        ORDER BY a.changed_at DESC, a.id, c.created_at LIMIT 500""", Object[].class)
                .setParameter(1, accountId).getResultList();
        Map<UUID, SentBack> byArticle = new LinkedHashMap<>();
        for (Object[] row : rows) {
            SentBack entry = byArticle.computeIfAbsent((UUID) row[0], id -> new SentBack(id, (String) row[1],
                    (String) row[2], ((Number) row[3]).intValue(), Timestamps.fromColumn(row[4]), new ArrayList<>()));
            if (row[6] != null) {
                entry.comments().add(new Comment((String) row[5], (String) row[6], (String) row[7]));
            }
        }
        return List.copyOf(byArticle.values());
    }
}
