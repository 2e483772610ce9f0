package org.imprimatur.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Article content for tests, as the JSON maps a client would send. */
public final class Fixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A small valid article: two sections citing two sources. */
    public static Map<String, Object> article(String slug) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("slug", slug);
        content.put("title", "Eczema and the gut");
        content.put("summary", "What research says about gut bacteria and atopic dermatitis.");
        content.put("language", "en");
        content.put("tags", List.of("eczema", "microbiome"));
        content.put("sections", new ArrayList<>(List.of(
                section("intro", "", "overview", "Eczema is common [@lee-2021]."),
                section("diet", "Diet", "self-care", "Fibre feeds gut bacteria [@lee-2021; @kim-2022]."))));
        content.put("citations", new ArrayList<>(List.of(
                citation("lee-2021", "review", "10.1000/lee.2021"),
                citation("kim-2022", "meta-analysis", "10.1000/kim.2022"))));
        return content;
    }

    public static Map<String, Object> section(String key, String heading, String aspect, String body) {
        Map<String, Object> section = new HashMap<>();
        section.put("key", key);
        section.put("heading", heading);
        section.put("aspect", aspect);
        section.put("body", body);
        return section;
    }

    public static Map<String, Object> citation(String key, String kind, String doi) {
        Map<String, Object> citation = new HashMap<>();
        citation.put("key", key);
        citation.put("kind", kind);
        citation.put("title", "A study called " + key);
        citation.put("authors", List.of("Lee A", "Kim B"));
        citation.put("container", "Journal of Skin Research");
        citation.put("year", 2021);
        citation.put("doi", doi);
        return citation;
    }

    /** A copy whose first section body is changed, as an editor's next save. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> edited(Map<String, Object> content, String newIntro) {
        Map<String, Object> copy = new LinkedHashMap<>(content);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Map<String, Object> section : (List<Map<String, Object>>) content.get("sections")) {
            sections.add(new HashMap<>(section));
        }
        sections.get(0).put("body", newIntro);
        copy.put("sections", sections);
        return copy;
    }

    /**
     * The reference article of ../shared/samples as content: its paragraphs in 20 sections, each
     * citing one of 8 sources, as the sample backs its claims with reviews and meta-analyses.
     */
    public static Map<String, Object> sampleArticle(String slug) {
        List<String> lines = sampleLines();
        int sectionCount = 20;
        List<Map<String, Object>> sections = new ArrayList<>();
        int perSection = (int) Math.ceil(lines.size() / (double) sectionCount);
        for (int i = 0; i < sectionCount; i++) {
            List<String> part = lines.subList(Math.min(i * perSection, lines.size()),
                    Math.min((i + 1) * perSection, lines.size()));
            StringBuilder body = new StringBuilder();
            for (String line : part) {
                String text = line.strip();
                body.append(text.startsWith("•") ? "- " + text.substring(1).strip() + "\n" : text + "\n\n");
            }
            body.append("Source: [@source-").append(i % 8 + 1).append("]");
            sections.add(section("part-" + (i + 1), i == 0 ? "" : "Part " + (i + 1), null, body.toString()));
        }
        List<Map<String, Object>> citations = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            citations.add(citation("source-" + i, "review", "10.1000/sample." + i));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("slug", slug);
        content.put("title", "Atopic dermatitis and gut health");
        content.put("summary", "The reference article of the specification.");
        content.put("sections", sections);
        content.put("citations", citations);
        return content;
    }

    private static List<String> sampleLines() {
        for (Path candidate : List.of(Path.of("../shared/samples/gut-health-eczema.txt"),
                Path.of("../../shared/samples/gut-health-eczema.txt"))) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readAllLines(candidate, StandardCharsets.UTF_8).stream()
                            .filter(line -> !line.isBlank()).toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("The sample article ../shared/samples/gut-health-eczema.txt is missing");
    }
}
