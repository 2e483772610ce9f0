package org.imprimatur.checks;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reference article of ../shared/samples as content, read at test time (its text is not ours
 * to copy): paragraphs as Markdown paragraphs, "•" lines as a Markdown list, and each short line
 * without closing punctuation ("AD development") as the heading of a new section.
 */
final class SampleArticle {

    static final Path SAMPLE = Path.of("../shared/samples/gut-health-eczema.txt");

    private SampleArticle() {
    }

    static ArticleContent content(List<Citation> citations) {
        List<String> lines;
        try {
            lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The sample article " + SAMPLE.toAbsolutePath() + " is missing", e);
        }
        List<Section> sections = new ArrayList<>();
        String key = "introduction";
        String heading = "";
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("•")) {
                body.append("- ").append(text.substring(1).strip()).append('\n');
            } else if (isHeading(text)) {
                sections.add(new Section(key, heading, null, body.toString()));
                heading = text;
                key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
                body.setLength(0);
            } else {
                body.append('\n').append(text).append("\n\n");
            }
        }
        sections.add(new Section(key, heading, null, body.toString()));
        return new ArticleContent("gut-health-eczema", "Atopic dermatitis and gut health", "", "en", List.of(), null, null,
                sections, citations);
    }

    private static boolean isHeading(String line) {
        char last = line.charAt(line.length() - 1);
        return ".:!?".indexOf(last) < 0 && line.split(" ").length <= 8;
    }
}
