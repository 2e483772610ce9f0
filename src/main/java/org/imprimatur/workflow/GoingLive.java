package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;

import java.time.Instant;

/**
 * Makes the article's newest version its live one: on the article's row and in the publication
 * history, telling the translations it leaves behind.
 */
@ApplicationScoped
public class GoingLive {

    private final PublicationHistory publications;
    private final OutdatedTranslations outdatedTranslations;

    public GoingLive(PublicationHistory publications, OutdatedTranslations outdatedTranslations) {
        this.publications = publications;
        this.outdatedTranslations = outdatedTranslations;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void newestVersion(ArticleAtHand at) {
        version(at.article(), at.latest().versionNo, at.now());
    }

    /**
     * Makes each article's named version live from {@code at}, all in the caller's transaction and with
     * the statements of one publication (a release, docs/releases.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void versions(java.util.Map<Article, Integer> versionNos, Instant at) {
        java.util.List<PublicationHistory.Publication> batch = new java.util.ArrayList<>();
        java.util.Map<Article, Integer> before = new java.util.LinkedHashMap<>();
        versionNos.forEach((article, versionNo) -> {
            before.put(article, article.publishedVersion);
            article.publishedVersion = versionNo;
            article.retractionReason = null;
            batch.add(new PublicationHistory.Publication(article.id, article.slug, versionNo, at));
        });
        publications.goLive(batch);
        // As for one article: the translations a source leaves behind are told, in the same transaction.
        versionNos.forEach((article, versionNo) -> outdatedTranslations.sourceWentLive(article, before.get(article), versionNo, at));
    }

    /** Makes {@code versionNo} of the article live from {@code at}; its approval record must exist (V6's trigger). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void version(Article article, int versionNo, Instant at) {
        Integer before = article.publishedVersion;
        article.publishedVersion = versionNo;
        article.retractionReason = null;
        publications.goLive(article.id, article.slug, versionNo, at);
        outdatedTranslations.sourceWentLive(article, before, versionNo, at);
    }
}
