package org.imprimatur.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One immutable snapshot of an article's content; the database refuses to change it. */
@Entity
@Immutable
@Table(name = "article_versions")
public class ArticleVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "version_no")
    public int versionNo;
    public String title;
    public String summary;
    public String language;
    /** An {@link Audience}'s JSON name; the column's CHECK names the same values. */
    public String audience;
    public String disclosures;
    @Column(name = "author_credentials")
    public String authorCredentials;
    @Column(name = "review_interval_months")
    public int reviewIntervalMonths;
    @Column(name = "change_note")
    public String changeNote;
    @Column(name = "based_on")
    public Integer basedOn;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "author_id")
    public UUID authorId;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Who wrote an imported version in the old system, as it named them; null for versions written here. */
    @Column(name = "imported_author")
    public String importedAuthor;
    /**
     * The version that wrote the current title, summary, language, tags, audience, disclosures and
     * author credentials (see {@link ContentOrigins}).
     */
    @Column(name = "header_origin_version")
    public int headerOriginVersion;
    /** The version that wrote the current order of sections and citations (see {@link ContentOrigins}). */
    @Column(name = "order_origin_version")
    public int orderOriginVersion;
    /** The version that set the current review interval. */
    @Column(name = "review_interval_origin_version")
    public int reviewIntervalOriginVersion;
    /** For a version of a translation, the source article, version and content hash it renders; null otherwise. */
    @Column(name = "translated_from_article")
    public UUID translatedFromArticle;
    @Column(name = "translated_from_version")
    public Integer translatedFromVersion;
    @Column(name = "translated_from_hash")
    public String translatedFromHash;
    /** Section key → the version that took that section out, for sections this version lacks. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "removed_sections")
    public Map<String, Integer> removedSections = new HashMap<>();
    /** Citation key → the version that took that citation out. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "removed_citations")
    public Map<String, Integer> removedCitations = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "version_tags", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "tag")
    public List<String> tags = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "version_sections", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "ordinal")
    public List<SectionRow> sections = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "version_citations", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "ordinal")
    public List<CitationRow> citations = new ArrayList<>();

    public static Optional<ArticleVersion> find(UUID articleId, int versionNo) {
        return find("articleId = ?1 and versionNo = ?2", articleId, versionNo).firstResultOptional();
    }

    public static ArticleVersion of(UUID articleId, int versionNo, ArticleContent content, ContentOrigins origins,
                                    UUID authorId, Integer basedOn, Instant createdAt) {
        ArticleVersion version = new ArticleVersion();
        version.id = UUID.randomUUID();
        version.articleId = articleId;
        version.versionNo = versionNo;
        version.title = content.title();
        version.summary = content.summary();
        version.language = content.language();
        version.audience = content.audience().jsonName();
        version.disclosures = content.disclosures();
        version.authorCredentials = content.authorCredentials();
        version.reviewIntervalMonths = content.reviewIntervalMonths();
        version.changeNote = content.changeNote();
        version.basedOn = basedOn;
        version.contentHash = content.contentHash();
        version.authorId = authorId;
        version.createdAt = createdAt;
        version.headerOriginVersion = origins.header();
        version.orderOriginVersion = origins.order();
        version.reviewIntervalOriginVersion = origins.reviewInterval();
        version.removedSections = new HashMap<>(origins.removedSections());
        version.removedCitations = new HashMap<>(origins.removedCitations());
        version.tags = new ArrayList<>(content.tags());
        content.sections().forEach(section -> version.sections.add(
                SectionRow.of(section, origins.sections().get(section.key()))));
        content.citations().forEach(citation -> version.citations.add(
                CitationRow.of(citation, origins.citations().get(citation.key()))));
        return version;
    }

    /** The source version this version of a translation renders, or null for a version of no translation. */
    public TranslationOf translationOf() {
        return translatedFromArticle == null ? null
                : new TranslationOf(translatedFromArticle, translatedFromVersion, translatedFromHash);
    }

    /** Records that this version renders {@code source}; null for a version of no translation. */
    public ArticleVersion translating(TranslationOf source) {
        translatedFromArticle = source == null ? null : source.articleId();
        translatedFromVersion = source == null ? null : source.version();
        translatedFromHash = source == null ? null : source.contentHash();
        return this;
    }

    /** Which version wrote each part of this one. */
    public ContentOrigins origins() {
        Map<String, Integer> sectionOrigins = new HashMap<>();
        sections.forEach(row -> sectionOrigins.put(row.key, row.originVersion));
        Map<String, Integer> citationOrigins = new HashMap<>();
        citations.forEach(row -> citationOrigins.put(row.key, row.originVersion));
        return new ContentOrigins(headerOriginVersion, orderOriginVersion, reviewIntervalOriginVersion, sectionOrigins,
                citationOrigins, removedSections, removedCitations);
    }

    /** The content as editors wrote it, with the article's slug. */
    public ArticleContent content(String slug) {
        return new ArticleContent(slug, title, summary, language, List.copyOf(tags),
                Audience.fromJsonName(audience).orElseThrow(), disclosures, authorCredentials, reviewIntervalMonths, changeNote,
                sections.stream().map(SectionRow::toSection).toList(),
                citations.stream().map(CitationRow::toCitation).toList());
    }

    @Embeddable
    public static class SectionRow {
        public String key;
        public String heading;
        public String aspect;
        public String body;
        @Column(name = "origin_version")
        public int originVersion;

        static SectionRow of(Section section, int originVersion) {
            SectionRow row = new SectionRow();
            row.originVersion = originVersion;
            row.key = section.key();
            row.heading = section.heading();
            row.aspect = section.aspectName();
            row.body = section.body();
            return row;
        }

        Section toSection() {
            return new Section(key, heading, aspect == null ? null : HealthAspect.fromJsonName(aspect).orElseThrow(), body);
        }
    }

    @Embeddable
    public static class CitationRow {
        public String key;
        public String kind;
        public String title;
        @JdbcTypeCode(SqlTypes.ARRAY)
        @Column(columnDefinition = "text[]")
        public String[] authors;
        public String container;
        public Integer year;
        public String doi;
        public String pmid;
        public String url;
        @Column(name = "accessed_on")
        public LocalDate accessedOn;
        @Column(name = "origin_version")
        public int originVersion;

        static CitationRow of(Citation citation, int originVersion) {
            CitationRow row = new CitationRow();
            row.originVersion = originVersion;
            row.key = citation.key();
            row.kind = citation.kind().jsonName();
            row.title = citation.title();
            row.authors = citation.authors().toArray(String[]::new);
            row.container = citation.container();
            row.year = citation.year();
            row.doi = citation.doi();
            row.pmid = citation.pmid();
            row.url = citation.url();
            row.accessedOn = citation.accessedOn();
            return row;
        }

        Citation toCitation() {
            return new Citation(key, CitationKind.fromJsonName(kind).orElseThrow(), title, Arrays.asList(authors), container, year, doi, pmid, url, accessedOn);
        }
    }
}
