package org.imprimatur.rules;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a reviewer may certify (docs/workflow.md, "Reviewer scope"): the specialties they review and
 * the languages they read, as BCP 47 tags. An article with a specialty needs a reviewer of it; an
 * article's language must be covered by one of the reviewer's tags.
 *
 * @param specialties the specialty names, sorted
 * @param languages   the language tags, as the account lists them; never empty
 */
public record ReviewerScope(SortedSet<String> specialties, List<String> languages) {

    public ReviewerScope {
        specialties = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(specialties));
        languages = List.copyOf(languages);
    }

    /** Whether the reviewer may review an article of {@code specialty}; an article without one, anyone may. */
    public boolean coversSpecialty(String specialty) {
        return specialty == null || specialties.contains(specialty);
    }

    /**
     * Whether one of the reviewer's tags covers {@code tag} by RFC 4647 basic filtering: a range
     * matches a tag equal to it or starting with it followed by "-", ignoring case. So {@code es}
     * covers {@code es-MX}, but {@code es-MX} does not cover {@code es} or {@code es-ES}.
     */
    public boolean readsLanguage(String tag) {
        return tag == null || languages.stream().anyMatch(range -> covers(range, tag));
    }

    /** Whether the reviewer may certify an article of this specialty (or none) in this language. */
    public boolean mayReview(String specialty, String language) {
        return coversSpecialty(specialty) && readsLanguage(language);
    }

    static boolean covers(String range, String tag) {
        String r = range.toLowerCase(Locale.ROOT);
        String t = tag.toLowerCase(Locale.ROOT);
        return t.equals(r) || t.startsWith(r + "-");
    }

    /** A language tag's English name: "Spanish" for es, "Spanish (Mexico)" for es-MX; the tag when Java knows no name. */
    public static String languageName(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
        return name.isBlank() ? tag : name;
    }

    /** The scope in words for the audit trail: "specialties dermatology; languages en, es". */
    public String describe() {
        return "specialties " + (specialties.isEmpty() ? "none" : String.join(", ", specialties))
                + "; languages " + String.join(", ", languages);
    }
}
