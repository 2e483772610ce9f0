package org.imprimatur.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.NativeRows;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.TranslationOf;
import org.imprimatur.rules.TranslationRules;
import org.imprimatur.rules.TranslationStatus;
import org.imprimatur.rules.WorkflowState;

import java.util.List;
import java.util.UUID;

/**
 * The translations of a source article and where each stands (docs/translations.md, "Status"): an
 * outdated one names the source's sections that changed since the version it renders, by the
 * editorial diff.
 */
@ApplicationScoped
public class TranslationListing {

    private final EntityManager entityManager;

    public TranslationListing(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A live translation that its source has left behind, as the desk shows it to editors. */
    public record OutdatedTranslation(UUID id, String slug, String title, String language, UUID sourceId, String sourceTitle,
                                      int translatedVersion, int sourceVersion) {
    }

    /** One translation of the source, as the source's editors see it. */
    public record TranslationLine(UUID id, String slug, String language, WorkflowState state, int latestVersion,
                                  @Schema(nullable = true) Integer publishedVersion, TranslationStatus status,
                                  @Schema(nullable = true, description = "the source version the translation's live version renders; null when nothing is live")
                                  TranslationOf translationOf,
                                  @Schema(description = "the source version the translation's newest version renders")
                                  TranslationOf latestTranslationOf,
                                  @Schema(nullable = true, description = "the source's live version; null when none is") Integer sourceVersion,
                                  @Schema(description = "when outdated: the keys of the source's sections that changed, were added or removed"
                                          + " since the version the live translation renders; otherwise empty") List<String> changedSections) {
    }

    @Transactional
    public List<TranslationLine> of(UUID sourceId) {
        Article source = ArticleLookup.article(sourceId);
        List<Article> translations = Article.list("translationOf = ?1 order by translationLanguage", source.id);
        return translations.stream().map(translation -> line(source, translation)).toList();
    }

    /** Every live translation whose source has published a newer version than it renders, by slug. */
    @Transactional
    public List<OutdatedTranslation> outdated() {
        return NativeRows.select(entityManager, """
                        SELECT t.id, t.slug, tv.title, t.translation_language AS language, s.id AS sourceId, sv.title AS sourceTitle,
                               tv.translated_from_version AS translatedVersion, s.published_version AS sourceVersion
                        FROM articles t
                        JOIN article_versions tv ON tv.article_id = t.id AND tv.version_no = t.published_version
                        JOIN articles s ON s.id = t.translation_of
                        JOIN article_versions sv ON sv.article_id = s.id AND sv.version_no = s.published_version
                        WHERE t.translation_of IS NOT NULL AND tv.translated_from_version < s.published_version
                        ORDER BY t.slug""", OutdatedTranslation.class)
                .getResultList().stream()
                .filter(row -> TranslationRules.status(row.translatedVersion(), row.sourceVersion(), false) == TranslationStatus.OUTDATED)
                .toList();
    }

    /** Where one translation stands against its source. */
    @Transactional
    public TranslationLine line(Article source, Article translation) {
        ArticleVersion latest = ArticleLookup.latestVersionOf(translation);
        TranslationOf live = translation.publishedVersion == null ? null
                : ArticleVersion.find(translation.id, translation.publishedVersion).map(ArticleVersion::translationOf).orElseThrow();
        TranslationStatus status = TranslationRules.status(live == null ? null : live.version(), source.publishedVersion,
                source.state == WorkflowState.RETRACTED);
        List<String> changed = status == TranslationStatus.OUTDATED
                ? changedSections(source, live.version(), source.publishedVersion) : List.of();
        return new TranslationLine(translation.id, translation.slug, translation.translationLanguage, translation.state,
                translation.latestVersion, translation.publishedVersion, status, live, latest.translationOf(),
                source.publishedVersion, changed);
    }

    /** The keys of the sections that differ from source version {@code from} to {@code to}, in the newer order. */
    static List<String> changedSections(Article source, int from, int to) {
        ArticleVersion older = ArticleVersion.find(source.id, from).orElseThrow();
        ArticleVersion newer = ArticleVersion.find(source.id, to).orElseThrow();
        return VersionDiffer.diff(from, older.content(source.slug), to, newer.content(source.slug)).sections().stream()
                .filter(change -> change.change() != VersionDiffer.SectionChangeKind.UNCHANGED)
                .map(VersionDiffer.SectionChange::key)
                .toList();
    }
}
