package org.imprimatur.studio;

import org.imprimatur.rules.WorkflowState;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Words for people: rule refusals as sentences, states and waiting times as an editor says them. */
public final class StudioText {

    private StudioText() {
    }

    /**
     * A refusal's reason as a sentence: "four-eyes rule: you wrote part of this change, …" becomes
     * "You wrote part of this change, ….".
     */
    public static String sentence(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String text = reason.strip();
        if (text.startsWith("four-eyes rule: ")) {
            text = text.substring("four-eyes rule: ".length());
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** "In review", "Changes requested", … */
    public static String state(WorkflowState state) {
        if (state == null) {
            return "";
        }
        String words = state.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** How long something has waited, in the largest sensible unit: "3 days", "5 hours", "less than a minute". */
    public static String waited(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        Duration waited = Duration.between(since, now);
        if (waited.toDays() >= 1) {
            return plural(waited.toDays(), "day");
        }
        if (waited.toHours() >= 1) {
            return plural(waited.toHours(), "hour");
        }
        return waited.toMinutes() < 1 ? "less than a minute" : plural(waited.toMinutes(), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
