package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Makes the article's newest version its live one: on the article's row and in the publication history. */
@ApplicationScoped
public class GoingLive {

    private final PublicationHistory publications;

    public GoingLive(PublicationHistory publications) {
        this.publications = publications;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void newestVersion(ArticleAtHand at) {
        at.article().publishedVersion = at.latest().versionNo;
        at.article().retractionReason = null;
        publications.goLive(at.article().id, at.article().slug, at.latest().versionNo, at.now());
    }
}
