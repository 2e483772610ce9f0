package org.imprimatur.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.imprimatur.article.ImageSources;
import org.imprimatur.infrastructure.FieldError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reading and checking library lines, and the progress line, in plain Java. */
class LibraryLinesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final String SECTIONS = "\"sections\":[{\"key\":\"intro\",\"body\":\"Common [@lee-2021].\"}],"
            + "\"citations\":[{\"key\":\"lee-2021\",\"kind\":\"review\",\"title\":\"A review\",\"doi\":\"10.1000/x.1\"}]";

    @Test
    void linesAreNumberedBlankOnesSkippedAndAnOverlongOneRefusedWithoutStoppingTheRest() throws IOException {
        String stream = "{\"a\":1}\r\n\n   \n" + "x".repeat(100) + "\n{\"b\":2}";
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), 50);
        List<NdjsonLines.Line> read = new ArrayList<>();
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            read.add(line);
        }
        assertEquals(List.of(new NdjsonLines.Line(1, "{\"a\":1}", null),
                new NdjsonLines.Line(4, null, "is longer than 50 bytes"),
                new NdjsonLines.Line(5, "{\"b\":2}", null)), read);
        assertEquals(stream.length(), lines.bytesRead());
    }

    @Test
    void invalidUtf8IsALineProblem() throws IOException {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'};
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(bytes), 1000);
        assertEquals(new NdjsonLines.Line(1, null, "is not valid UTF-8"), lines.next());
        assertNull(lines.next());
    }

    @Test
    void aLineWithHistoryBecomesItsVersionsWithTheApprovalsDefaultDates() {
        String line = "{\"slug\":\"hand-eczema\",\"title\":\"Hand eczema\"," + SECTIONS
                + ",\"history\":[{\"version\":1,\"author\":\"Dr A. Name\",\"savedAt\":\"2025-01-01T00:00:00Z\","
                + "\"content\":{\"title\":\"Hand eczema, first\"," + SECTIONS + "}}],"
                + "\"publishedVersion\":1,\"approval\":{\"reviewer\":\"Dr B\",\"approvedAt\":\"2025-02-03T10:00:00Z\"}}";
        ImportedArticle article = checked(line).article();
        assertEquals(2, article.versions().size());
        assertEquals("hand-eczema", article.versions().get(0).content().slug());
        assertEquals("Hand eczema, first", article.versions().get(0).content().title());
        assertEquals("Dr A. Name", article.versions().get(0).author());
        assertNull(article.versions().get(1).savedAt());
        assertEquals(LocalDate.parse("2025-02-03"), article.approval().lastReviewedOn());
        assertEquals(LocalDate.parse("2026-02-03"), article.approval().nextReviewDue());
        assertEquals("", article.approval().credentials());
    }

    @Test
    void everyBrokenRuleIsReportedAgainstItsField() {
        String line = "{\"slug\":\"x\",\"title\":\"\"," + SECTIONS
                + ",\"history\":[{\"version\":2,\"savedAt\":\"2030-01-01T00:00:00Z\",\"content\":{\"slug\":\"other-slug\",\"title\":\"T\","
                + "\"sections\":[{\"key\":\"intro\",\"body\":\"Cites [@missing].\"}]}}],"
                + "\"publishedVersion\":1,\"approval\":{\"reviewer\":\" \",\"approvedAt\":\"2025-02-03T10:00:00Z\","
                + "\"nextReviewDue\":\"2025-01-01\"}}";
        assertEquals(List.of("slug", "title", "history[0].version", "history[0].savedAt", "history[0].content.slug",
                        "history[0].content.sections[0].body", "approval.reviewer", "approval.approvedAt", "approval.nextReviewDue"),
                checked(line).errors().stream().map(FieldError::field).toList());
    }

    @Test
    void whatCannotBeReadIsReportedAsTheApiReportsIt() {
        LibraryLines lines = new LibraryLines(MAPPER);
        assertEquals(List.of(new FieldError("$", "must be a JSON object: one article")), lines.read("[1]").errors());
        assertEquals(List.of(new FieldError("colour", "is not a known field")),
                lines.read("{\"slug\":\"a-b\",\"colour\":\"red\"}").errors());
        assertEquals(List.of(new FieldError("publishedVersion", "must be a whole number")),
                lines.read("{\"slug\":\"a-b\",\"publishedVersion\":\"two\"}").errors());
        assertEquals(List.of("history[0].savedAt"),
                lines.read("{\"history\":[{\"savedAt\":\"yesterday\"}]}").errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theProgressLineSaysRateFailuresAndTimeLeftByBytesRead() {
        assertEquals("1,500 articles (500/s), 2 failed, 25% of 4.0 MB, about 9 s left, 3 s elapsed",
                new ImportProgress(1500, 2, 1024 * 1024, 4 * 1024 * 1024, Duration.ofSeconds(3)).line());
        assertEquals("10 articles (10/s), 0 failed, 1 s elapsed",
                new ImportProgress(10, 0, 500, 0, Duration.ofSeconds(1)).line());
        assertEquals("1 h 1 min", ImportProgress.duration(Duration.ofSeconds(3_690)));
    }

    private static LibraryRules.Checked checked(String text) {
        LibraryLines.Read read = new LibraryLines(MAPPER).read(text);
        assertEquals(List.of(), read.errors());
        return LibraryRules.check(1, read.line(), "0".repeat(64), TODAY, NOW, ImageSources.siteOnly());
    }
}
