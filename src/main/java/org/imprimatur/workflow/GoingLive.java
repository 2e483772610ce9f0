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
