package org.imprimatur.studio;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ContentInput;
import org.imprimatur.article.ArticleView;
import org.imprimatur.article.Citation;
import org.imprimatur.article.Section;
import org.imprimatur.infrastructure.FieldError;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The editor's form as posted: one value per field, and the sections' and citations' fields as
 * parallel lists in page order. Turns into {@link ArticleContent} and back, so that whatever was
 * typed can always be shown again (docs/studio.md, "Editor").
 */
public class ArticleForm {

    @RestForm public String etag;
    @RestForm public String slug;
    @RestForm public String title;
    @RestForm public String summary;
    @RestForm public String language;
    @RestForm public String tags;
    @RestForm public String audience;
    @RestForm public String disclosures;
    @RestForm public String authorCredentials;
    @RestForm public String reviewIntervalMonths;
    /** The specialty whose reviewer the article needs; empty for any reviewer. */
    @RestForm public String specialty;
    @RestForm public String changeNote;
    /** Which button was pressed: save, preview, add-section, remove-section-3, up-section-2, … */
    @RestForm public String op;
    @RestForm public List<String> sectionKey = new ArrayList<>();
    @RestForm public List<String> sectionHeading = new ArrayList<>();
    @RestForm public List<String> sectionAspect = new ArrayList<>();
    @RestForm public List<String> sectionBody = new ArrayList<>();
    @RestForm public List<String> citationKey = new ArrayList<>();
    @RestForm public List<String> citationKind = new ArrayList<>();
    @RestForm public List<String> citationTitle = new ArrayList<>();
    @RestForm public List<String> citationAuthors = new ArrayList<>();
    @RestForm public List<String> citationContainer = new ArrayList<>();
    @RestForm public List<String> citationYear = new ArrayList<>();
    @RestForm public List<String> citationDoi = new ArrayList<>();
    @RestForm public List<String> citationPmid = new ArrayList<>();
    @RestForm public List<String> citationUrl = new ArrayList<>();
    @RestForm public List<String> citationAccessedOn = new ArrayList<>();

    /** The form of a new article: one empty section to start from. */
    public static ArticleForm blank() {
        ArticleForm form = new ArticleForm();
        form.language = ArticleContent.DEFAULT_LANGUAGE;
        form.audience = ArticleContent.DEFAULT_AUDIENCE.jsonName();
        form.reviewIntervalMonths = String.valueOf(ArticleContent.DEFAULT_REVIEW_INTERVAL_MONTHS);
        form.specialty = "";
        form.addSection();
        return form;
    }

    /** The form showing a saved version, to edit it further; the change note starts empty. */
    public static ArticleForm of(ArticleView view, String etag) {
        ArticleForm form = new ArticleForm();
        form.etag = etag;
        form.slug = view.slug();
        form.title = view.title();
        form.summary = view.summary();
        form.language = view.language();
        form.tags = String.join(", ", view.tags());
        form.audience = view.audience().jsonName();
        form.disclosures = view.disclosures();
        form.authorCredentials = view.authorCredentials();
        form.reviewIntervalMonths = String.valueOf(view.reviewIntervalMonths());
        form.specialty = orEmpty(view.specialty());
        for (Section section : view.sections()) {
            form.sectionKey.add(section.key());
            form.sectionHeading.add(section.heading());
            form.sectionAspect.add(orEmpty(section.aspectName()));
            form.sectionBody.add(section.body());
        }
        for (Citation citation : view.citations()) {
            form.citationKey.add(citation.key());
            form.citationKind.add(citation.kind().jsonName());
            form.citationTitle.add(citation.title());
            form.citationAuthors.add(citation.authors() == null ? "" : String.join("\n", citation.authors()));
            form.citationContainer.add(orEmpty(citation.container()));
            form.citationYear.add(citation.year() == null ? "" : citation.year().toString());
            form.citationDoi.add(orEmpty(citation.doi()));
            form.citationPmid.add(orEmpty(citation.pmid()));
            form.citationUrl.add(orEmpty(citation.url()));
            form.citationAccessedOn.add(citation.accessedOn() == null ? "" : citation.accessedOn().toString());
        }
        return form;
    }

    public int sectionCount() {
        return sectionFields().get(0).size();
    }

    public int citationCount() {
        return citationFields().get(0).size();
    }

    /** Applies an add, remove or move button; returns false when {@code op} is not one of them. */
    public boolean rearrange() {
        if (op == null) {
            return false;
        }
        String[] parts = op.split("-");
        if (op.equals("add-section")) {
            addSection();
            return true;
        }
        if (op.equals("add-citation")) {
            for (List<String> field : citationFields()) {
                field.add("");
            }
            citationKind.set(citationKind.size() - 1, "journal-article");
            return true;
        }
        if (parts.length != 3 || !parts[2].matches("\\d{1,4}")) {
            return false;
        }
        int index = Integer.parseInt(parts[2]);
        List<List<String>> fields = parts[1].equals("section") ? sectionFields()
                : parts[1].equals("citation") ? citationFields() : List.of();
        if (fields.isEmpty() || index >= fields.get(0).size()) {
            return false;
        }
        switch (parts[0]) {
            case "remove" -> fields.forEach(field -> field.remove(index));
            case "up" -> swap(fields, index, index - 1);
            case "down" -> swap(fields, index, index + 1);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The content to save, and the fields that could not even be read (a year that is no number). */
    public Parsed content() {
        List<FieldError> errors = new ArrayList<>();
        List<ContentInput.SectionInput> sections = new ArrayList<>();
        for (int i = 0; i < sectionCount(); i++) {
            sections.add(new ContentInput.SectionInput(blankToNull(at(sectionKey, i)), at(sectionHeading, i),
                    blankToNull(at(sectionAspect, i)), at(sectionBody, i)));
        }
        List<ContentInput.CitationInput> citations = new ArrayList<>();
        for (int i = 0; i < citationCount(); i++) {
            String path = "citations[" + i + "]";
            citations.add(new ContentInput.CitationInput(at(citationKey, i), at(citationKind, i), at(citationTitle, i),
                    Arrays.stream(at(citationAuthors, i).split("\\R")).map(String::strip).filter(name -> !name.isEmpty()).toList(),
                    blankToNull(at(citationContainer, i)), number(errors, path + ".year", at(citationYear, i)),
                    blankToNull(at(citationDoi, i)), blankToNull(at(citationPmid, i)), blankToNull(at(citationUrl, i)),
                    date(errors, path + ".accessedOn", at(citationAccessedOn, i))));
        }
        List<String> tagList = tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        Integer interval = number(errors, "reviewIntervalMonths", reviewIntervalMonths);
        ContentInput content = new ContentInput(blankToNull(slug), title, orEmpty(summary), blankToNull(language),
                tagList, blankToNull(audience), orEmpty(disclosures), orEmpty(authorCredentials), interval, blankToNull(changeNote), sections, citations,
                specialty == null ? null : specialty.strip());
        return new Parsed(content, errors);
    }

    public record Parsed(ContentInput content, List<FieldError> unreadable) {
    }

    private void addSection() {
        for (List<String> field : sectionFields()) {
            field.add("");
        }
    }

    private List<List<String>> sectionFields() {
        pad(sectionFieldsRaw());
        return sectionFieldsRaw();
    }

    private List<List<String>> sectionFieldsRaw() {
        sectionKey = orNew(sectionKey);
        sectionHeading = orNew(sectionHeading);
        sectionAspect = orNew(sectionAspect);
        sectionBody = orNew(sectionBody);
        return List.of(sectionKey, sectionHeading, sectionAspect, sectionBody);
    }

    private List<List<String>> citationFields() {
        // A form without citations posts none of their fields: the lists arrive as null.
        citationKey = orNew(citationKey);
        citationKind = orNew(citationKind);
        citationTitle = orNew(citationTitle);
        citationAuthors = orNew(citationAuthors);
        citationContainer = orNew(citationContainer);
        citationYear = orNew(citationYear);
        citationDoi = orNew(citationDoi);
        citationPmid = orNew(citationPmid);
        citationUrl = orNew(citationUrl);
        citationAccessedOn = orNew(citationAccessedOn);
        List<List<String>> fields = List.of(citationKey, citationKind, citationTitle, citationAuthors, citationContainer,
                citationYear, citationDoi, citationPmid, citationUrl, citationAccessedOn);
        pad(fields);
        return fields;
    }

    /** A tampered or truncated post may leave the lists uneven; the shortest are filled up. */
    private static void pad(List<List<String>> fields) {
        int size = fields.stream().mapToInt(List::size).max().orElse(0);
        for (List<String> field : fields) {
            while (field.size() < size) {
                field.add("");
            }
        }
    }

    private static List<String> orNew(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    private static void swap(List<List<String>> fields, int a, int b) {
        if (b < 0 || b >= fields.get(0).size()) {
            return;
        }
        for (List<String> field : fields) {
            String kept = field.get(a);
            field.set(a, field.get(b));
            field.set(b, kept);
        }
    }

    private static String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static Integer number(List<FieldError> errors, String path, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            errors.add(new FieldError(path, "must be a whole number"));
            return null;
        }
    }

    private static LocalDate date(List<FieldError> errors, String path, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            errors.add(new FieldError(path, "must be a date such as 2026-03-01"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
