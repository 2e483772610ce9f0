package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.imprimatur.article.Article;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.rules.ItemApproval;
import org.imprimatur.rules.ReleaseReadiness;
import org.imprimatur.rules.ReleaseState;
import org.imprimatur.rules.WorkflowState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The items of a release read in one query, each with what its readiness depends on. */
@ApplicationScoped
public class ReleaseItems {

    private final EntityManager entityManager;

    public ReleaseItems(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One item as stored, with its article as it stands and the newest approval of its version for the release. */
    record Row(UUID articleId, String slug, String title, Integer version, String contentHash, Integer previousVersion,
               String previousHash, Integer latestVersion, String latestHash, String state, Integer publishedVersion, Boolean awaitsThisRelease, String approvedHash,
               String approvedBy, Instant approvedAt) {

        ReleaseReadiness.Verdict verdict(ReleaseState releaseState) {
            if (releaseState != ReleaseState.OPEN) {
                return new ReleaseReadiness.Verdict(ItemApproval.RELEASED, null);
            }
            return ReleaseReadiness.of(new ReleaseReadiness.Item(version, contentHash, latestVersion,
                    WorkflowState.valueOf(state), awaitsThisRelease, approvedHash));
        }

        ReleaseView.Item view(ReleaseState releaseState) {
            ReleaseReadiness.Verdict verdict = verdict(releaseState);
            return new ReleaseView.Item(articleId, slug, title, version, contentHash, verdict.approval(), verdict.blocker(),
                    approvedBy, approvedAt, previousVersion);
        }
    }

    /** The release's articles with their rows locked, in one order, so two releases that share articles never deadlock. */
    List<Article> lockArticles(UUID releaseId) {
        List<UUID> ids = entityManager.createNativeQuery("SELECT article_id FROM release_items WHERE release_id = ?1", UUID.class)
                .setParameter(1, releaseId)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return Article.<Article>find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    List<Row> of(UUID releaseId) {
        return NativeRows.select(entityManager, """
                        SELECT i.article_id AS articleId, a.slug AS slug, v.title AS title, i.version_no AS version,
                               i.content_hash AS contentHash, i.previous_version AS previousVersion,
                               pv.content_hash AS previousHash, a.latest_version AS latestVersion,
                               lv.content_hash AS latestHash, a.state AS state, a.published_version AS publishedVersion,
                               COALESCE(a.awaits_release = i.release_id, false) AS awaitsThisRelease,
                               r.content_hash AS approvedHash, r.reviewer_name AS approvedBy, r.created_at AS approvedAt
                        FROM release_items i
                        JOIN articles a ON a.id = i.article_id
                        JOIN article_versions v ON v.article_id = i.article_id AND v.version_no = i.version_no
                        JOIN article_versions lv ON lv.article_id = a.id AND lv.version_no = a.latest_version
                        LEFT JOIN article_versions pv ON pv.article_id = i.article_id AND pv.version_no = i.previous_version
                        LEFT JOIN LATERAL (SELECT rr.content_hash, rr.reviewer_name, rr.created_at FROM review_records rr
                                           WHERE rr.release_id = i.release_id AND rr.article_id = i.article_id
                                             AND rr.version_no = i.version_no
                                           ORDER BY rr.created_at DESC LIMIT 1) r ON true
                        WHERE i.release_id = ?1
                        ORDER BY i.added_at, a.slug""", Row.class)
                .setParameter(1, releaseId)
                .getResultList();
    }
}
