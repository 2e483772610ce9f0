package org.imprimatur.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.CitationMarkers;
import org.imprimatur.article.ImageSources;
import org.imprimatur.infrastructure.CanonicalJson;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.article.ReviewRecord;
import org.imprimatur.workflow.PublicationHistory;
import org.imprimatur.rules.TranslationRules;
import org.imprimatur.rules.TranslationStatus;
import org.imprimatur.rules.WorkflowState;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads what is live (or was live at an instant) and renders it into a {@link Rendition}. */
@ApplicationScoped
public class DeliveryRepository {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final PublicationHistory publications;
    private final MarkdownRenderer.Allowed allowed;
    // ?at= answers are rendered once per (version, period, review record) and kept, bounded in
    // bytes: however many instants are asked for, each distinct answer costs one rendering.
    private final com.github.benmanes.caffeine.cache.Cache<HistoricKey, Rendition.Live> history;

    private final Clock clock;
    private final Publisher publisher;
    private final PublicUrl publicUrl;

    public DeliveryRepository(EntityManager entityManager, ObjectMapper mapper, PublicationHistory publications,
                              ImageSources images, Clock clock, DeliverySettings settings, Publisher publisher, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.publisher = publisher;
        this.history = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .maximumWeight(settings.historyCacheMaxSize().asLongValue())
                .weigher((HistoricKey key, Rendition.Live rendition) -> rendition.weight() + 64)
                .build();
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.publications = publications;
        this.allowed = MarkdownRenderer.allowing(images == null ? ImageSources.siteOnly() : images);
    }

    @Transactional
    public Rendition current(String slug) {
        return current(slug, this::liveVersion);
    }

    /** The provenance of the live version's sections (docs/delivery.md, "Provenance"), or why there is none. */
    @Transactional
    public Rendition currentProvenance(String slug) {
        return current(slug, (article, versionNo, asOf, historic) -> provenance(article, versionNo, asOf));
    }

    /**
     * The version that was live at {@code instant}, rendered as it was then; empty if none was. A
     * retraction wins over history (docs/delivery.md): a retracted article, and a version whose time
     * live ended in a retraction, are 410 at every instant.
     */
    @Transactional
    public Optional<Rendition> at(String slug, Instant instant) {
        return at(slug, instant, this::liveVersion);
    }

    /** The provenance of the version live at {@code instant}, as it stood then; empty if none was live. */
    @Transactional
    public Optional<Rendition> provenanceAt(String slug, Instant instant) {
        return at(slug, instant, (article, versionNo, asOf, historic) -> provenance(article, versionNo, asOf));
    }

    /** Renders one live version of an article as it stood at an instant: the article, or its provenance. */
    private interface Renderer {
        Optional<Rendition> render(Article article, int versionNo, Instant asOf, boolean historic);
    }

    private Rendition current(String slug, Renderer renderer) {
        Optional<Article> found = Article.findBySlug(slug);
        if (found.isEmpty()) {
            return new Rendition.Missing();
        }
        Article article = found.get();
        if (article.publishedVersion == null) {
            return article.retractionReason == null ? new Rendition.Missing() : new Rendition.Retracted(article.retractionReason);
        }
        // The delivery cache keeps current renditions; the historic cache is for ?at= alone.
        return renderer.render(article, article.publishedVersion, clock.instant(), false).orElse(new Rendition.Missing());
    }

    private Optional<Rendition> at(String slug, Instant instant, Renderer renderer) {
        Optional<Article> found = Article.findBySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        if (article.publishedVersion == null && article.retractionReason != null) {
            return Optional.of(new Rendition.Retracted(article.retractionReason));
        }
        return publications.periodAt(article.id, instant).flatMap(period -> period.endedInRetraction()
                ? Optional.of(new Rendition.Retracted("the version live at that instant was later retracted"))
                : renderer.render(article, period.versionNo(), instant, true));
    }

    /** What a historic rendition depends on; all of it is immutable, so the rendition never goes stale. */
    private record HistoricKey(java.util.UUID articleId, int versionNo, Instant publishedAt, java.util.UUID reviewId) {
    }

    private Optional<Rendition> liveVersion(Article article, int versionNo, Instant asOf, boolean historic) {
        Instant publishedAt = publishedAt(article, versionNo, asOf);
        Optional<ReviewRecord> review = ReviewRecord.<ReviewRecord>find(
                        "articleId = ?1 and versionNo = ?2 and createdAt <= ?3 order by createdAt desc",
                        article.id, versionNo, asOf)
                .firstResultOptional();
        HistoricKey key = new HistoricKey(article.id, versionNo, publishedAt, review.map(r -> r.id).orElse(null));
        Rendition.Live cached = historic ? history.getIfPresent(key) : null;
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ArticleVersion> version = ArticleVersion.find(article.id, versionNo);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        PublishedArticle published = toPublished(article.slug, version.get(), publishedAt, review.orElse(null), allowed)
                .translating(translation(article, version.get(), asOf, historic), alternates(article, asOf));
        Instant reviewedAt = review.map(r -> r.createdAt).orElse(publishedAt);
        Rendition.Live rendered = render(published, version.get().contentHash,
                reviewedAt.isAfter(publishedAt) ? reviewedAt : publishedAt);
        if (historic) {
            history.put(key, rendered);
        }
        return Optional.of(rendered);
    }

    private Instant publishedAt(Article article, int versionNo, Instant asOf) {
        Object lower = entityManager.createNativeQuery("""
                        SELECT lower(live) FROM publications WHERE article_id = ?1 AND version_no = ?2
                          AND lower(live) <= CAST(?3 AS timestamptz) ORDER BY lower(live) DESC LIMIT 1""")
                .setParameter(1, article.id)
                .setParameter(2, versionNo)
                .setParameter(3, asOf.atOffset(ZoneOffset.UTC))
                .getSingleResult();
        return Timestamps.fromColumn(lower);
    }

    static PublishedArticle toPublished(String slug, ArticleVersion version, Instant publishedAt, ReviewRecord review,
                                        MarkdownRenderer.Allowed allowed) {
        ArticleContent content = version.content(slug);
        Map<String, Integer> numbers = MarkdownRenderer.citationNumbers(content.citations());
        return new PublishedArticle(slug, content.title(), content.summary(), content.language(), content.tags(),
                content.audience(), content.disclosures(), content.authorCredentials(), version.versionNo, publishedAt,
                content.sections().stream().map(section -> new PublishedArticle.PublishedSection(section.key(),
                        section.heading(), section.aspect(), section.body(),
                        MarkdownRenderer.html(section.body(), numbers, allowed))).toList(),
                content.citations().stream().map(c -> new PublishedArticle.PublishedCitation(c.key(), c.kind(), c.title(),
                        c.authors(), c.container(), c.year(), c.doi(), c.pmid(), c.url(), c.accessedOn())).toList(),
                review == null ? null : new PublishedArticle.Review(review.lastReviewedOn, review.nextReviewDue,
                        new PublishedArticle.Reviewer(review.reviewerName, review.reviewerCredentials)), null, null, List.of());
    }

    /** What a translation says of its source (docs/translations.md, "Outdated stays honest"); null for any other article. */
    private Translation translation(Article article, ArticleVersion version, Instant asOf, boolean historic) {
        if (!article.isTranslation() || version.translatedFromVersion == null) {
            return null;
        }
        Article source = Article.findById(article.translationOf);
        // At a past instant, what was live then; now, whether the source stands retracted.
        Integer sourceLive = publications.periodAt(source.id, asOf).map(PublicationHistory.LivePeriod::versionNo).orElse(null);
        boolean retracted = !historic && source.state == WorkflowState.RETRACTED;
        TranslationStatus status = TranslationRules.status(version.translatedFromVersion, sourceLive, retracted);
        return new Translation(status, new PublishedArticle.Translated(source.slug, url(source.slug), version.translatedFromVersion,
                version.translatedFromHash, sourceLive));
    }

    /**
     * The slug of the article that {@code slug}'s family — its source and the source's translations —
     * serves in {@code language} (docs/translations.md, "Choosing a language"): the live one found by
     * RFC 4647 lookup; {@code slug} itself when it names no article; empty when no live one matches.
     */
    @Transactional
    public Optional<String> inLanguage(String slug, String language) {
        Optional<Article> found = Article.findBySlug(slug);
        if (found.isEmpty()) {
            return Optional.of(slug);
        }
        Article article = found.get();
        Article source = article.isTranslation() ? Article.findById(article.translationOf) : article;
        Map<String, String> slugs = new LinkedHashMap<>();
        if (source.publishedVersion != null) {
            ArticleVersion.find(source.id, source.publishedVersion).ifPresent(live -> slugs.put(live.language, source.slug));
        }
        List<Article> translations = Article.list("translationOf = ?1 and publishedVersion is not null", source.id);
        translations.forEach(translation -> slugs.putIfAbsent(translation.translationLanguage, translation.slug));
        return TranslationRules.lookup(language, slugs.keySet()).map(slugs::get);
    }

    /** The article's translations that were live at {@code asOf}, by language. */
    private List<PublishedArticle.Alternate> alternates(Article article, Instant asOf) {
        List<Article> translations = Article.list("translationOf = ?1 order by translationLanguage", article.id);
        return translations.stream().filter(translation -> publications.periodAt(translation.id, asOf).isPresent())
                .map(translation -> new PublishedArticle.Alternate(translation.translationLanguage, translation.slug,
                        url(translation.slug))).toList();
    }

    private String url(String slug) {
        return publicUrl.of("/api/v1/articles/" + slug);
    }

    /** A translation's status and source, as delivery shows them. */
    record Translation(TranslationStatus status, PublishedArticle.Translated of) {
    }

    /**
     * Any version in the delivery API's shape, for a preview (docs/integration.md, "Previews"): the
     * review block is its latest review, if it had one; publishedAt is when it first went live, or,
     * never published, when it was saved.
     */
    @Transactional
    public Rendition.Live preview(UUID articleId, int versionNo) {
        Article article = Article.findById(articleId);
        ArticleVersion version = ArticleVersion.find(articleId, versionNo).orElseThrow();
        Object firstLive = entityManager.createNativeQuery(
                        "SELECT min(lower(live)) FROM publications WHERE article_id = ?1 AND version_no = ?2")
                .setParameter(1, articleId)
                .setParameter(2, versionNo)
                .getSingleResult();
        Instant publishedAt = firstLive == null ? version.createdAt : Timestamps.fromColumn(firstLive);
        ReviewRecord review = ReviewRecord.<ReviewRecord>find("articleId = ?1 and versionNo = ?2 order by createdAt desc",
                articleId, versionNo).firstResult();
        PublishedArticle published = toPublished(article.slug, version, publishedAt, review, allowed)
                .translating(translation(article, version, clock.instant(), false), alternates(article, clock.instant()));
        return render(published, version.contentHash, review == null ? publishedAt : review.createdAt);
    }

    /**
     * Each section of version {@code versionNo} with the version and author that first wrote its
     * body, the approval that made the version live and the newest full review, as of {@code asOf},
     * of a version with the same body; the sources it cites.
     */
    private Optional<Rendition> provenance(Article article, int versionNo, Instant asOf) {
        List<ArticleVersion> versions = ArticleVersion.<ArticleVersion>list(
                "articleId = ?1 and versionNo <= ?2 order by versionNo desc", article.id, versionNo);
        if (versions.isEmpty() || versions.get(0).versionNo != versionNo) {
            return Optional.empty();
        }
        ArticleVersion live = versions.get(0);
        List<ProvenanceWalk.VersionText> texts = versions.stream().map(version -> new ProvenanceWalk.VersionText(
                version.versionNo, bodies(version))).toList();
        Instant publishedAt = publishedAt(article, versionNo, asOf);
        List<ReviewRecord> reviews = ReviewRecord.<ReviewRecord>list(
                "articleId = ?1 and versionNo <= ?2 and createdAt <= ?3 order by createdAt desc", article.id, versionNo, asOf);
        ReviewRecord approval = reviews.stream()
                .filter(review -> review.versionNo == versionNo && review.kind == ReviewRecord.Kind.APPROVAL)
                .findFirst().orElse(null);
        if (approval == null) {
            return Optional.empty();
        }
        Map<String, ArticleVersion.CitationRow> citations = new LinkedHashMap<>();
        live.citations.forEach(citation -> citations.put(citation.key, citation));
        Map<Integer, String> authors = new HashMap<>();
        Instant lastModified = publishedAt.isAfter(approval.createdAt) ? publishedAt : approval.createdAt;
        List<Provenance.SectionProvenance> sections = new ArrayList<>();
        for (ArticleVersion.SectionRow section : live.sections) {
            int origin = ProvenanceWalk.origin(section.key, texts);
            ArticleVersion first = versions.get(versionNo - origin);
            // An imported version names its author as the old system did; the importing admin wrote none of it.
            String author = authors.computeIfAbsent(origin, number -> first.importedAuthor != null
                    ? first.importedAuthor : displayName(first.authorId));
            Optional<ReviewRecord> fullReview = reviews.stream()
                    .filter(review -> org.imprimatur.rules.ReviewScope.FULL.wireName().equals(review.scope) && review.versionNo >= origin).findFirst();
            if (fullReview.isPresent() && fullReview.get().createdAt.isAfter(lastModified)) {
                lastModified = fullReview.get().createdAt;
            }
            sections.add(new Provenance.SectionProvenance(section.key, section.heading,
                    CanonicalJson.sha256Hex(section.body.getBytes(StandardCharsets.UTF_8)),
                    new Provenance.Origin(origin, author),
                    new Provenance.Approval(clinician(approval), approval.createdAt, approval.scope),
                    fullReview.map(review -> new Provenance.FullReview(clinician(review), review.lastReviewedOn, review.versionNo))
                            .orElse(null),
                    CitationMarkers.keysIn(section.body).stream().filter(citations::containsKey)
                            .map(citations::get).map(c -> Provenance.Source.of(c.key, c.title, c.doi, c.pmid, c.url)).toList()));
        }
        try {
            byte[] json = mapper.writeValueAsBytes(new Provenance(article.slug, versionNo, publishedAt, sections));
            return Optional.of(Rendition.Live.jsonOnly(json, etag(live.contentHash, json), lastModified));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A provenance could not be serialized", e);
        }
    }

    private static Map<String, String> bodies(ArticleVersion version) {
        Map<String, String> bodies = new HashMap<>();
        version.sections.forEach(section -> bodies.put(section.key, section.body));
        return bodies;
    }

    private static Provenance.Clinician clinician(ReviewRecord review) {
        return new Provenance.Clinician(review.reviewerName, review.reviewerCredentials);
    }

    private String displayName(UUID accountId) {
        List<?> names = entityManager.createNativeQuery("SELECT display_name FROM accounts WHERE id = ?1")
                .setParameter(1, accountId).getResultList();
        return names.isEmpty() ? "" : (String) names.get(0);
    }

    private Rendition.Live render(PublishedArticle article, String contentHash, Instant lastModified) {
        try {
            byte[] json = mapper.writeValueAsBytes(article);
            byte[] jsonLd = mapper.writeValueAsBytes(JsonLd.medicalWebPage(article, publisher));
            return Rendition.Live.of(json, etag(contentHash, json), jsonLd, etag(contentHash, jsonLd), lastModified);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published article could not be serialized", e);
        }
    }

    /**
     * Strong ETag: the version's content hash, then a digest of the exact bytes, which also change
     * when a reconfirmation renews the review block of unchanged content.
     */
    private static String etag(String contentHash, byte[] bytes) {
        return "\"" + contentHash.substring(0, 16) + "-" + CanonicalJson.sha256Hex(bytes).substring(0, 16) + "\"";
    }
}
