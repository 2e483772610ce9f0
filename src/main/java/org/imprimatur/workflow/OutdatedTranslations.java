package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.rules.TranslationRules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells of each live translation that a source publication leaves behind (docs/translations.md,
 * "Status"): one {@code translation-outdated} event for webhooks and one change-feed entry, in the
 * publication's transaction, the first time the translation falls behind.
 */
@ApplicationScoped
public class OutdatedTranslations {

    private final PublicationHistory publications;
    private final WorkflowEventRecorder recorder;
    private final PublicUrl publicUrl;

    public OutdatedTranslations(PublicationHistory publications, WorkflowEventRecorder recorder, PublicUrl publicUrl) {
        this.publications = publications;
        this.recorder = recorder;
        this.publicUrl = publicUrl;
    }

    /**
     * The article was retracted: its live translations now say so in delivery, and a translation's
     * source no longer lists it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void retracted(Article article) {
        List<Article> translations = Article.list("translationOf = ?1 and publishedVersion is not null", article.id);
        translations.forEach(translation -> publications.translationLinksChanged(translation.slug));
        sourceOf(article);
    }

    /** A translation went live or was retracted: its source lists its live translations. */
    private void sourceOf(Article article) {
        if (article.isTranslation()) {
            publications.translationLinksChanged(Article.<Article>findById(article.translationOf).slug);
        }
    }

    /** The source went live in {@code nowLive} after {@code beforeLive} (null when nothing was live). */
    @Transactional(Transactional.TxType.MANDATORY)
    void sourceWentLive(Article source, Integer beforeLive, int nowLive, Instant at) {
        sourceOf(source);
        List<Article> translations = Article.list("translationOf = ?1 and publishedVersion is not null", source.id);
        for (Article translation : translations) {
            ArticleVersion live = ArticleVersion.find(translation.id, translation.publishedVersion).orElseThrow();
            if (!TranslationRules.becomesOutdated(live.translatedFromVersion, beforeLive, nowLive)) {
                // Delivery shows the source's live version beside the one translated.
                publications.translationLinksChanged(translation.slug);
                continue;
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("url", publicUrl.of("/api/v1/articles/" + translation.slug));
            extra.put("language", translation.translationLanguage);
            extra.put("translationOf", Map.of("articleId", source.id.toString(), "version", live.translatedFromVersion,
                    "contentHash", live.translatedFromHash));
            extra.put("source", Map.of("articleId", source.id.toString(), "slug", source.slug, "version", nowLive));
            recorder.announce(new WorkflowEvent.Announcement(ArticleEventType.TRANSLATION_OUTDATED,
                    new Outbox.EventFacts(translation.id, translation.slug, live.versionNo, live.contentHash,
                            translation.state.name(), at), extra));
            publications.translationOutdated(translation.id, translation.slug, live.versionNo, at);
        }
    }
}
