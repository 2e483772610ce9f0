package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.security.Actor;
import org.imprimatur.security.ReviewerStanding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who wrote the change a review decision would certify (docs/workflow.md, four-eyes by content):
 * the authors of every version saved since the baseline publication, and whoever first wrote the
 * parts that differ from it, so restored or long-unpublished text counts for its real author. The
 * rules then refuse a reviewer among them, or one whose password someone among them set.
 */
@ApplicationScoped
public class FourEyes {

    private final EntityManager entityManager;
    private final PublicationHistory publications;
    private final ReviewerStanding reviewerStanding;

    public FourEyes(EntityManager entityManager, PublicationHistory publications, ReviewerStanding reviewerStanding) {
        this.entityManager = entityManager;
        this.publications = publications;
        this.reviewerStanding = reviewerStanding;
    }

    /** An approval certifies the change from the live version (or from nothing) to the newest. */
    Set<UUID> authorsOfApproval(ArticleAtHand at) {
        List<Integer> published = publications.publishedVersions(at.article().id);
        int lastPublished = published.isEmpty() ? 0 : published.get(published.size() - 1);
        return union(authorsSince(at.article().id, lastPublished, at.latest().versionNo),
                writersOfChange(at.article(), at.latest(), at.article().publishedVersion));
    }

    /** A reconfirmation certifies the change the live version made: from the publication before it. */
    Set<UUID> authorsOfReconfirmation(ArticleAtHand at) {
        List<Integer> published = publications.publishedVersions(at.article().id);
        int publishedBefore = published.size() >= 2 ? published.get(published.size() - 2) : 0;
        return union(authorsSince(at.article().id, publishedBefore, at.latest().versionNo),
                writersOfChange(at.article(), at.latest(), publishedBefore == 0 ? null : publishedBefore));
    }

    /** Accounts other than the reviewer that set the reviewer's password since its owner last did. */
    Set<UUID> passwordSetters(Actor reviewer) {
        return reviewerStanding.passwordSetters(reviewer.id());
    }

    /** Authors of the versions after {@code after} up to and including {@code upTo}. */
    private Set<UUID> authorsSince(UUID articleId, int after, int upTo) {
        return new HashSet<>(entityManager.createQuery("""
                        select distinct v.authorId from ArticleVersion v
                        where v.articleId = :article and v.versionNo > :after and v.versionNo <= :upTo""", UUID.class)
                .setParameter("article", articleId)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .getResultList());
    }

    /** Who first wrote the parts of {@code candidate} that differ from version {@code baselineNo} (every part when null). */
    private Set<UUID> writersOfChange(Article article, ArticleVersion candidate, Integer baselineNo) {
        ArticleContent baseline = baselineNo == null ? null
                : ArticleVersion.find(article.id, baselineNo).map(version -> version.content(article.slug)).orElse(null);
        Set<Integer> versions = candidate.origins().versionsThatWroteChangesFrom(candidate.content(article.slug), baseline);
        if (versions.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery("""
                        select distinct v.authorId from ArticleVersion v
                        where v.articleId = :article and v.versionNo in :versions""", UUID.class)
                .setParameter("article", article.id)
                .setParameter("versions", versions)
                .getResultList());
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
