package org.imprimatur.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.HealthAspect;
import org.imprimatur.article.Section;
import org.imprimatur.infrastructure.ApiDescriptionFilter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What changed between two versions, as a reviewer reads it: sections matched by key (added,
 * removed, moved, changed) with word-level differences, and the citations added, removed or changed.
 */
public final class VersionDiffer {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");
    /**
     * Myers' diff costs up to (N+M)·D steps: two unrelated 100,000-character sections would take
     * billions. Beyond this many differing tokens a changed stretch is shown as removed and added
     * whole, which is still exact, only coarser (docs/delivery.md, "Diffs").
     */
    static final int MAX_WORD_DIFF_TOKENS = 8_000;

    private VersionDiffer() {
    }

    public record VersionDiff(int from, int to, List<Segment> title, List<Segment> summary,
                              List<SectionChange> sections, CitationChanges citations) {
    }

    /** A run of words that is the same in both versions, or only in the old one, or only in the new one. */
    public record Segment(SegmentOp op, String text) {
    }

    /**
     * Whether a segment's words are in both versions, only in the old one or only in the new one;
     * written in JSON as its label.
     */
    public enum SegmentOp {
        EQUAL, DELETE, INSERT;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What happened to a section between two versions; written in JSON as its label. */
    public enum SectionChangeKind {
        ADDED, REMOVED, CHANGED, MOVED, MOVED_AND_CHANGED, UNCHANGED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SectionChange(String key, SectionChangeKind change, @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) Integer fromIndex,
                                @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) Integer toIndex,
                                @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) HealthAspect fromAspect,
                                @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) HealthAspect toAspect,
                                @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) List<Segment> heading,
                                @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) List<Segment> body) {
    }

    public record CitationChanges(List<Citation> added, List<Citation> removed, List<CitationChange> changed) {
    }

    public record CitationChange(String key, List<CitationField> fields, Citation from, Citation to) {
    }

    /** A field of a citation that a change can touch, written in JSON by its name in the citation. */
    public enum CitationField {
        KIND(Citation::kind), TITLE(Citation::title), AUTHORS(Citation::authors), CONTAINER(Citation::container),
        YEAR(Citation::year), DOI(Citation::doi), PMID(Citation::pmid), URL(Citation::url),
        ACCESSED_ON(Citation::accessedOn);

        private final Function<Citation, Object> value;
        private final String label;

        CitationField(Function<Citation, Object> value) {
            this.value = value;
            String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder camelCase = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                camelCase.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            this.label = camelCase.toString();
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return label;
        }

        boolean differs(Citation a, Citation b) {
            return !Objects.equals(value.apply(a), value.apply(b));
        }
    }

    public static VersionDiff diff(int fromVersion, ArticleContent from, int toVersion, ArticleContent to) {
        return new VersionDiff(fromVersion, toVersion, words(from.title(), to.title()),
                words(from.summary(), to.summary()), sections(from.sections(), to.sections()),
                citations(from.citations(), to.citations()));
    }

    /** Word-level differences; whitespace is kept so that the segments join back into either text. */
    public static List<Segment> words(String before, String after) {
        List<String> oldTokens = tokens(before);
        List<String> newTokens = tokens(after);
        List<Segment> segments = new ArrayList<>();
        if (oldTokens.size() + newTokens.size() <= MAX_WORD_DIFF_TOKENS) {
            appendMyers(segments, oldTokens, newTokens);
            return segments;
        }
        // Long texts: what both share at the start and at the end needs no search, and most edits
        // touch little; only the stretch between is searched, or shown whole when it is too long.
        int prefix = 0;
        int shorter = Math.min(oldTokens.size(), newTokens.size());
        while (prefix < shorter && oldTokens.get(prefix).equals(newTokens.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && oldTokens.get(oldTokens.size() - 1 - suffix)
                .equals(newTokens.get(newTokens.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> oldMiddle = oldTokens.subList(prefix, oldTokens.size() - suffix);
        List<String> newMiddle = newTokens.subList(prefix, newTokens.size() - suffix);
        append(segments, SegmentOp.EQUAL, oldTokens.subList(0, prefix));
        if (oldMiddle.size() + newMiddle.size() > MAX_WORD_DIFF_TOKENS) {
            append(segments, SegmentOp.DELETE, oldMiddle);
            append(segments, SegmentOp.INSERT, newMiddle);
        } else {
            appendMyers(segments, oldMiddle, newMiddle);
        }
        append(segments, SegmentOp.EQUAL, oldTokens.subList(oldTokens.size() - suffix, oldTokens.size()));
        return segments;
    }

    private static void appendMyers(List<Segment> segments, List<String> oldTokens, List<String> newTokens) {
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldTokens, newTokens).getDeltas()) {
            append(segments, SegmentOp.EQUAL, oldTokens.subList(position, delta.getSource().getPosition()));
            if (delta.getType() == DeltaType.DELETE || delta.getType() == DeltaType.CHANGE) {
                append(segments, SegmentOp.DELETE, delta.getSource().getLines());
            }
            if (delta.getType() == DeltaType.INSERT || delta.getType() == DeltaType.CHANGE) {
                append(segments, SegmentOp.INSERT, delta.getTarget().getLines());
            }
            position = delta.getSource().getPosition() + delta.getSource().size();
        }
        append(segments, SegmentOp.EQUAL, oldTokens.subList(position, oldTokens.size()));
    }

    private static List<SectionChange> sections(List<Section> from, List<Section> to) {
        Map<String, Integer> oldIndex = indexByKey(from, Section::key);
        Map<String, Integer> newIndex = indexByKey(to, Section::key);
        Set<String> moved = movedKeys(from.stream().map(Section::key).filter(newIndex::containsKey).toList(),
                to.stream().map(Section::key).filter(oldIndex::containsKey).toList());
        List<SectionChange> changes = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            Section now = to.get(i);
            Integer was = oldIndex.get(now.key());
            if (was == null) {
                changes.add(new SectionChange(now.key(), SectionChangeKind.ADDED, null, i, null, now.aspect(),
                        words("", now.heading()), words("", now.body())));
                continue;
            }
            Section before = from.get(was);
            boolean changed = !before.heading().equals(now.heading()) || !before.body().equals(now.body())
                    || !Objects.equals(before.aspect(), now.aspect());
            boolean isMoved = moved.contains(now.key());
            SectionChangeKind change = isMoved && changed ? SectionChangeKind.MOVED_AND_CHANGED : isMoved
                    ? SectionChangeKind.MOVED : changed ? SectionChangeKind.CHANGED : SectionChangeKind.UNCHANGED;
            changes.add(new SectionChange(now.key(), change, was, i, before.aspect(), now.aspect(),
                    changed ? words(before.heading(), now.heading()) : null,
                    changed ? words(before.body(), now.body()) : null));
        }
        for (int i = 0; i < from.size(); i++) {
            Section gone = from.get(i);
            if (!newIndex.containsKey(gone.key())) {
                changes.add(new SectionChange(gone.key(), SectionChangeKind.REMOVED, i, null, gone.aspect(), null,
                        words(gone.heading(), ""), words(gone.body(), "")));
            }
        }
        return changes;
    }

    /** Sections in both versions that are not part of the longest common order have moved. */
    private static Set<String> movedKeys(List<String> oldOrder, List<String> newOrder) {
        Set<String> moved = new HashSet<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(oldOrder, newOrder).getDeltas()) {
            moved.addAll(delta.getTarget().getLines());
        }
        return moved;
    }

    private static CitationChanges citations(List<Citation> from, List<Citation> to) {
        Map<String, Citation> before = from.stream().collect(Collectors.toMap(Citation::key, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        Map<String, Citation> after = to.stream().collect(Collectors.toMap(Citation::key, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        List<Citation> added = to.stream().filter(citation -> !before.containsKey(citation.key())).toList();
        List<Citation> removed = from.stream().filter(citation -> !after.containsKey(citation.key())).toList();
        List<CitationChange> changed = new ArrayList<>();
        for (Citation now : to) {
            Citation was = before.get(now.key());
            if (was != null && !was.equals(now)) {
                changed.add(new CitationChange(now.key(), changedFields(was, now), was, now));
            }
        }
        return new CitationChanges(added, removed, changed);
    }

    private static List<CitationField> changedFields(Citation a, Citation b) {
        return java.util.Arrays.stream(CitationField.values()).filter(field -> field.differs(a, b)).toList();
    }

    private static <T> Map<String, Integer> indexByKey(List<T> items, Function<T, String> key) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.put(key.apply(items.get(i)), i);
        }
        return index;
    }

    private static List<String> tokens(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(WORD_BOUNDARY.split(text));
    }

    private static void append(List<Segment> segments, SegmentOp op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).op() == op) {
            segments.set(last, new Segment(op, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(op, text));
        }
    }
}
