package org.imprimatur.article;

import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;

import java.net.URI;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content rules of docs/content-model.md in one place. {@link #validate} returns the content normalized
 * (defaults filled in, text in Unicode NFC) or refuses it with every failed rule and its field path.
 */
public final class ContentValidator {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
    private static final Pattern CITATION_KEY = Pattern.compile("^" + CitationMarkers.KEY_PATTERN + "$");
    private static final Pattern DOI = Pattern.compile("^10\\.[0-9]{4,9}/\\S+$");
    private static final Pattern PMID = Pattern.compile("^[1-9][0-9]{0,9}$");

    static final int MAX_SECTIONS = 200;
    static final int MAX_CITATIONS = 500;
    static final int MAX_TAGS = 20;
    static final int MAX_BODY = 100_000;
    static final int MAX_DISCLOSURES = 1_000;
    static final int MAX_AUTHOR_CREDENTIALS = 200;

    private ContentValidator() {
    }

    /**
     * Validates content for create ({@code requireSlug}) or save; throws 422 with all errors.
     * {@code today} (UTC) bounds citation years and access dates; {@code images} says where images
     * may come from.
     */
    public static ArticleContent validate(ContentInput raw, boolean requireSlug, LocalDate today, ImageSources images) {
        Errors errors = new Errors();
        if (raw == null) {
            throw ProblemException.invalid("$", "a request body with the article content is required");
        }
        String slug = text(raw.slug());
        if (slug != null || requireSlug) {
            checkSlug(errors, "slug", slug, 3, 120);
        }
        String title = text(raw.title());
        if (title == null || title.isBlank()) {
            errors.add("title", "is required");
        } else {
            errors.checkLine("title", title, 200);
        }
        String summary = orEmpty(text(raw.summary()));
        errors.checkLine("summary", summary, 500);
        String language = raw.language() == null ? ArticleContent.DEFAULT_LANGUAGE : raw.language();
        if (!LANGUAGE.matcher(language).matches() || language.length() > 35) {
            errors.add("language", "must be a BCP 47 language tag such as en or en-GB");
        }
        List<String> tags = validateTags(errors, raw.tags());
        String audienceName = text(raw.audience());
        Audience audience = audienceName == null ? ArticleContent.DEFAULT_AUDIENCE
                : Audience.fromJsonName(audienceName).orElse(null);
        if (audience == null) {
            errors.add("audience", "must be one of " + Audience.allowedNames());
        }
        String disclosures = orEmpty(text(raw.disclosures()));
        errors.checkLine("disclosures", disclosures, MAX_DISCLOSURES);
        String authorCredentials = orEmpty(text(raw.authorCredentials()));
        errors.checkLine("authorCredentials", authorCredentials, MAX_AUTHOR_CREDENTIALS);
        int interval = raw.reviewIntervalMonths() == null
                ? ArticleContent.DEFAULT_REVIEW_INTERVAL_MONTHS : raw.reviewIntervalMonths();
        if (interval < 1 || interval > 60) {
            errors.add("reviewIntervalMonths", "must be between 1 and 60 months");
        }
        String changeNote = orEmpty(text(raw.changeNote()));
        errors.checkLine("changeNote", changeNote, 500);
        List<Section> sections = validateSections(errors, raw.sections(), images);
        List<Citation> citations = validateCitations(errors, raw.citations(), today);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.list);
        }
        return new ArticleContent(slug, title.strip(), summary, language, tags, audience, disclosures,
                authorCredentials.strip(), interval, changeNote, sections, citations);
    }

    /** Whether {@code tag} is a BCP 47 language tag of the shape versions store. */
    public static boolean isLanguageTag(String tag) {
        return tag != null && tag.length() <= 35 && LANGUAGE.matcher(tag).matches();
    }

    /**
     * The slug and language of a new translation, by the rules every article's slug and every
     * version's language follow (docs/translations.md); both are required.
     */
    public static List<FieldError> slugAndLanguage(String slug, String language) {
        Errors errors = new Errors();
        checkSlug(errors, "slug", text(slug), 3, 120);
        if (language != null && !isLanguageTag(language)) {
            errors.add("language", "must be a BCP 47 language tag such as en or en-GB");
        }
        return errors.list;
    }

    /** Rules that a draft may break but a version submitted for review may not. */
    public static List<FieldError> reviewBlockers(ArticleContent content) {
        return danglingMarkers(content, markersBySection(content));
    }

    /** What an editor should know but may save: dangling markers and citations that nothing cites. */
    public static List<FieldError> warnings(ArticleContent content) {
        // Each section's Markdown is parsed once for both kinds of warning.
        List<List<String>> markers = markersBySection(content);
        List<FieldError> warnings = new ArrayList<>(danglingMarkers(content, markers));
        Set<String> cited = new HashSet<>();
        markers.forEach(cited::addAll);
        for (int i = 0; i < content.citations().size(); i++) {
            if (!cited.contains(content.citations().get(i).key())) {
                warnings.add(new FieldError("citations[" + i + "]",
                        "is not cited by any section (" + content.citations().get(i).key() + ")"));
            }
        }
        return warnings;
    }

    private static List<List<String>> markersBySection(ArticleContent content) {
        return content.sections().stream().map(section -> List.copyOf(CitationMarkers.keysIn(section.body()))).toList();
    }

    private static List<FieldError> danglingMarkers(ArticleContent content, List<List<String>> markers) {
        List<FieldError> blockers = new ArrayList<>();
        Set<String> citationKeys = citationKeys(content);
        for (int i = 0; i < markers.size(); i++) {
            for (String key : markers.get(i)) {
                if (!citationKeys.contains(key)) {
                    blockers.add(new FieldError("sections[" + i + "].body",
                            "cites [@" + key + "], which is not in the citations"));
                }
            }
        }
        return blockers;
    }

    private static Set<String> citationKeys(ArticleContent content) {
        Set<String> keys = new HashSet<>();
        content.citations().forEach(citation -> keys.add(citation.key()));
        return keys;
    }

    private static List<String> validateTags(Errors errors, List<String> rawTags) {
        if (rawTags == null) {
            return List.of();
        }
        if (rawTags.size() > MAX_TAGS) {
            errors.add("tags", "at most " + MAX_TAGS + " tags are allowed");
        }
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rawTags.size(); i++) {
            String tag = text(rawTags.get(i));
            String field = "tags[" + i + "]";
            if (checkSlug(errors, field, tag, 1, 50) && !seen.add(tag)) {
                errors.add(field, "repeats the tag " + tag);
            }
            tags.add(tag);
        }
        return tags;
    }

    private static List<Section> validateSections(Errors errors, List<ContentInput.SectionInput> rawSections,
                                                  ImageSources images) {
        if (rawSections == null || rawSections.isEmpty()) {
            errors.add("sections", "at least one section is required");
            return List.of();
        }
        if (rawSections.size() > MAX_SECTIONS) {
            errors.add("sections", "at most " + MAX_SECTIONS + " sections are allowed");
        }
        List<Section> sections = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < rawSections.size(); i++) {
            String path = "sections[" + i + "]";
            ContentInput.SectionInput raw = rawSections.get(i);
            if (raw == null) {
                errors.add(path, "must be an object");
                continue;
            }
            String key = text(raw.key());
            if (checkSlug(errors, path + ".key", key, 1, 80) && !keys.add(key)) {
                errors.add(path + ".key", "repeats the section key " + key);
            }
            String heading = orEmpty(text(raw.heading()));
            errors.checkLine(path + ".heading", heading, 200);
            String aspectName = text(raw.aspect());
            HealthAspect aspect = aspectName == null ? null : HealthAspect.fromJsonName(aspectName).orElse(null);
            if (aspectName != null && aspect == null) {
                errors.add(path + ".aspect", "is not a health aspect; use one of " + HealthAspect.allowedNames());
            }
            String body = text(raw.body());
            if (body == null) {
                errors.add(path + ".body", "is required");
            } else if (body.length() > MAX_BODY) {
                errors.add(path + ".body", "is longer than " + MAX_BODY + " characters");
            } else if (hasUnstorableCharacters(body)) {
                errors.add(path + ".body", "contains a NUL character or an unpaired surrogate");
            } else if (ControlCharacters.textProblem(body).isPresent()) {
                errors.add(path + ".body", ControlCharacters.textProblem(body).get());
            } else {
                MarkdownRules.violations(body, images).forEach(violation -> errors.add(path + ".body", violation));
            }
            sections.add(new Section(key, heading, aspect, body));
        }
        return sections;
    }

    private static List<Citation> validateCitations(Errors errors, List<ContentInput.CitationInput> rawCitations, LocalDate today) {
        if (rawCitations == null) {
            return List.of();
        }
        if (rawCitations.size() > MAX_CITATIONS) {
            errors.add("citations", "at most " + MAX_CITATIONS + " citations are allowed");
        }
        List<Citation> citations = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < rawCitations.size(); i++) {
            String path = "citations[" + i + "]";
            ContentInput.CitationInput raw = rawCitations.get(i);
            if (raw == null) {
                errors.add(path, "must be an object");
                continue;
            }
            String key = text(raw.key());
            if (key == null || key.length() > 80 || !CITATION_KEY.matcher(key).matches()) {
                errors.add(path + ".key", "is required: letters, digits and - _ : . (for example lee-2021), at most 80 characters");
            } else if (!keys.add(key)) {
                errors.add(path + ".key", "repeats the citation key " + key);
            }
            CitationKind kind = CitationKind.fromJsonName(text(raw.kind())).orElse(null);
            if (kind == null) {
                errors.add(path + ".kind", "must be one of " + CitationKind.allowedNames());
            }
            String title = text(raw.title());
            if (title == null || title.isBlank()) {
                errors.add(path + ".title", "is required");
            } else {
                errors.checkLine(path + ".title", title, 500);
            }
            List<String> authors = new ArrayList<>();
            List<String> rawAuthors = raw.authors() == null ? List.of() : raw.authors();
            if (rawAuthors.size() > 100) {
                errors.add(path + ".authors", "at most 100 authors are allowed");
            }
            for (int a = 0; a < rawAuthors.size(); a++) {
                String author = text(rawAuthors.get(a));
                if (author == null || author.isBlank()) {
                    errors.add(path + ".authors[" + a + "]", "must be a non-empty name");
                } else {
                    errors.checkLine(path + ".authors[" + a + "]", author, 200);
                }
                authors.add(author);
            }
            String container = text(raw.container());
            errors.checkLine(path + ".container", container, 300);
            Integer year = raw.year();
            int latestYear = today.getYear() + 1;
            if (year != null && (year < 1600 || year > latestYear)) {
                errors.add(path + ".year", "must be between 1600 and " + latestYear);
            }
            String doi = text(raw.doi());
            if (doi != null && (!DOI.matcher(doi).matches() || doi.length() > 300)) {
                errors.add(path + ".doi", "must be a DOI such as 10.1000/xyz123 (without https://doi.org/)");
            } else {
                errors.checkLine(path + ".doi", doi);
            }
            String pmid = text(raw.pmid());
            if (pmid != null && !PMID.matcher(pmid).matches()) {
                errors.add(path + ".pmid", "must be a PubMed id: digits only");
            }
            String url = text(raw.url());
            if (url != null && !isWebUrl(url)) {
                errors.add(path + ".url", "must be an absolute http or https URL");
            } else {
                errors.checkLine(path + ".url", url);
            }
            if (doi == null && pmid == null && url == null) {
                errors.add(path, "needs at least one locator: doi, pmid or url");
            }
            if (raw.accessedOn() != null && raw.accessedOn().isAfter(today.plusDays(1))) {
                errors.add(path + ".accessedOn", "cannot be in the future");
            }
            citations.add(new Citation(key, kind, title, authors, container, year, doi, pmid, url, raw.accessedOn()));
        }
        return citations;
    }

    static boolean isWebUrl(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception notAUri) {
            return false;
        }
    }

    private static boolean checkSlug(Errors errors, String field, String value, int min, int max) {
        if (value == null) {
            errors.add(field, "is required");
            return false;
        }
        if (value.length() < min || value.length() > max || !SLUG.matcher(value).matches()) {
            errors.add(field, "must be " + min + "–" + max
                    + " characters of lower-case letters and digits in words joined by single hyphens");
            return false;
        }
        return true;
    }

    /** Text is stored in NFC, so that equal text is stored and hashed equally. */
    private static String text(String value) {
        return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** NUL and unpaired surrogates cannot be stored as PostgreSQL text; they are refused. */
    static boolean hasUnstorableCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Collects failures in the order the fields appear. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();

        void add(String field, String message) {
            if (seen.add(field + "\u0001" + message)) {
                list.add(new FieldError(field, message));
            }
        }

        /** A single-line field: its length, and no character PostgreSQL cannot store or a line must not hold. */
        void checkLine(String field, String value, int max) {
            if (value == null) {
                return;
            }
            if (value.codePointCount(0, value.length()) > max) {
                add(field, "is longer than " + max + " characters");
            }
            if (hasUnstorableCharacters(value)) {
                add(field, "contains a NUL character or an unpaired surrogate");
            } else {
                checkLine(field, value);
            }
        }

        /** Single-line fields reach mail subjects, logs and lists: docs/security.md, "Control characters". */
        void checkLine(String field, String value) {
            ControlCharacters.lineProblem(value).ifPresent(problem -> add(field, problem));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }
}
