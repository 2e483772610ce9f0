package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;

import java.util.Locale;
import java.util.Optional;

/**
 * The rules of translations (docs/translations.md) that need no database: which language a new
 * translation may have, which source version a new version of it may render, and where it stands
 * against its source. Each refusal names its field and says why in words.
 */
public final class TranslationRules {

    private TranslationRules() {
    }

    /**
     * Why a translation into {@code language} of a source written in {@code sourceLanguage} cannot
     * be made, or empty when it can; the tag's shape is the content rules' to check.
     */
    public static Optional<FieldError> newTranslation(String language, String sourceLanguage, boolean sourceIsATranslation) {
        if (sourceIsATranslation) {
            return Optional.of(new FieldError("language", "this article is itself a translation: translate its source instead"));
        }
        if (language == null || language.isBlank()) {
            return Optional.of(new FieldError("language", "the language of the translation is required, a BCP 47 tag such as es"));
        }
        if (sameLanguage(language, sourceLanguage)) {
            return Optional.of(new FieldError("language", "the source is written in " + sourceLanguage
                    + ": a translation is into another language"));
        }
        return Optional.empty();
    }

    /** Whether two BCP 47 tags name the same language, ignoring case. */
    public static boolean sameLanguage(String tag, String other) {
        return tag != null && other != null && tag.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    /**
     * Why a new version of a translation cannot render source version {@code requested}, or empty
     * when it may: the source must have that version; a translation moves forward only, never to an
     * older source version than its newest version renders; and once the translation has been live,
     * it renders only source versions that were published themselves.
     *
     * @param field             the request's field the refusal names
     * @param requested         the source version asked for
     * @param current           the source version the translation's newest version renders
     * @param sourceNewest      the number of the source's newest version
     * @param translationWasLive whether any version of the translation has been live
     * @param requestedWasLive  whether the requested source version has been live
     */
    public static Optional<FieldError> movesTo(String field, int requested, int current, int sourceNewest,
                                               boolean translationWasLive, boolean requestedWasLive) {
        if (requested < 1 || requested > sourceNewest) {
            return Optional.of(new FieldError(field, "the source has no version " + requested
                    + " (its newest is " + sourceNewest + ")"));
        }
        if (requested < current) {
            return Optional.of(new FieldError(field, "a translation moves forward only: it renders source version "
                    + current + " and cannot go back to " + requested));
        }
        if (translationWasLive && !requestedWasLive) {
            return Optional.of(new FieldError(field, "source version " + requested + " was never published: a translation"
                    + " that has been live renders published source text only"));
        }
        return Optional.empty();
    }

    /**
     * RFC 4647 lookup of one language range among the tags an article is served in: the range
     * itself, then with its last subtag dropped, and so on ({@code es-MX} finds {@code es-MX}, else
     * {@code es}), ignoring case; empty when none matches.
     */
    public static Optional<String> lookup(String range, java.util.Collection<String> tags) {
        String candidate = range.toLowerCase(Locale.ROOT);
        while (!candidate.isEmpty()) {
            for (String tag : tags) {
                if (tag.toLowerCase(Locale.ROOT).equals(candidate)) {
                    return Optional.of(tag);
                }
            }
            int cut = candidate.lastIndexOf('-');
            candidate = cut < 0 ? "" : candidate.substring(0, cut);
            // A single-letter subtag (an extension's singleton) never ends a range (RFC 4647, 3.4).
            if (candidate.length() > 1 && candidate.charAt(candidate.length() - 2) == '-') {
                candidate = candidate.substring(0, candidate.length() - 2);
            }
        }
        return Optional.empty();
    }

    /**
     * Where a translation stands.
     *
     * @param liveTranslates   the source version the translation's live version renders; null when none is live
     * @param sourceLive       the source's live version; null when none is
     * @param sourceRetracted  whether the source's live version was retracted
     */
    public static TranslationStatus status(Integer liveTranslates, Integer sourceLive, boolean sourceRetracted) {
        if (sourceRetracted) {
            return TranslationStatus.SOURCE_RETRACTED;
        }
        if (liveTranslates == null) {
            return TranslationStatus.UNTRANSLATED_DRAFT;
        }
        return sourceLive != null && liveTranslates < sourceLive ? TranslationStatus.OUTDATED : TranslationStatus.CURRENT;
    }

    /**
     * Whether the source's publication of {@code nowLive}, after {@code beforeLive} (null when
     * nothing was live), makes outdated a translation whose live version renders {@code liveTranslates}:
     * it was not outdated before and is now, so it is told once.
     */
    public static boolean becomesOutdated(Integer liveTranslates, Integer beforeLive, int nowLive) {
        return liveTranslates != null && liveTranslates < nowLive && (beforeLive == null || liveTranslates >= beforeLive);
    }
}
