package org.imprimatur.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.article.ImageSources;
import org.imprimatur.infrastructure.CanonicalJson;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Actor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a library, read line by line (docs/operations.md, "Importing a library"): each line is
 * read and checked on its own, checked lines are stored in batches of {@link #BATCH_SIZE} in one
 * transaction each, and only the current batch is held, so memory stays the same whatever the
 * size of the file. A line that fails stores nothing; the others go in.
 */
@ApplicationScoped
public class LibraryImport {

    static final int BATCH_SIZE = 500;
    /** One article with its whole history on a line; longer lines are refused without being held. */
    static final int MAX_LINE_BYTES = 32 * 1024 * 1024;
    /** Failed lines listed in the report; the others are counted. */
    static final int LISTED_FAILURES = 1_000;

    private static final Logger LOG = Logger.getLogger(LibraryImport.class);

    /** Told after each batch how far the import is. */
    public interface Progress {
        void batchDone(long articles, long failed, long bytesRead);
    }

    private final LibraryLines lines;
    private final LibraryWriter writer;
    private final ImageSources images;
    private final Clock clock;

    public LibraryImport(ObjectMapper mapper, LibraryWriter writer, ImageSources images, Clock clock) {
        this.lines = new LibraryLines(mapper);
        this.writer = writer;
        this.images = images;
        this.clock = clock;
    }

    /** Reads {@code body} to its end and stores what it can, as {@code actor}; outside any transaction. */
    public ImportReport run(InputStream body, Actor actor, Progress progress) throws IOException {
        Tally tally = new Tally();
        NdjsonLines reader = new NdjsonLines(body, MAX_LINE_BYTES);
        List<ImportedArticle> batch = new ArrayList<>(BATCH_SIZE);
        for (NdjsonLines.Line line = reader.next(); line != null; line = reader.next()) {
            ImportedArticle checked = check(line, tally);
            if (checked != null) {
                batch.add(checked);
            }
            if (batch.size() == BATCH_SIZE) {
                store(batch, actor, tally);
                batch.clear();
                progress.batchDone(tally.imported + tally.unchanged, tally.failed, reader.bytesRead());
            }
        }
        store(batch, actor, tally);
        progress.batchDone(tally.imported + tally.unchanged, tally.failed, reader.bytesRead());
        return tally.report();
    }

    private ImportedArticle check(NdjsonLines.Line line, Tally tally) {
        if (line.text() == null) {
            tally.fail(line.number(), null, List.of(new FieldError("$", line.problem())));
            return null;
        }
        LibraryLines.Read read = lines.read(line.text());
        if (read.line() == null) {
            tally.fail(line.number(), null, read.errors());
            return null;
        }
        Instant now = Timestamps.now(clock);
        LibraryRules.Checked checked = LibraryRules.check(line.number(), read.line(),
                CanonicalJson.sha256Hex(line.text().getBytes(StandardCharsets.UTF_8)), LocalDate.ofInstant(now, java.time.ZoneOffset.UTC),
                now, images);
        if (checked.article() == null) {
            tally.fail(line.number(), read.line().content().slug(), checked.errors());
        }
        return checked.article();
    }

    private void store(List<ImportedArticle> batch, Actor actor, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            tally.count(batch, writer.write(batch, actor, Timestamps.now(clock)));
        } catch (RuntimeException refused) {
            // The rules were checked before; what the database still refuses (a slug taken by a save
            // at the same moment, say) is found by storing each article of the batch on its own.
            for (ImportedArticle article : batch) {
                try {
                    tally.count(List.of(article), writer.write(List.of(article), actor, Timestamps.now(clock)));
                } catch (RuntimeException alone) {
                    LOG.warnf(alone, "Import: line %d (%s) was refused by the database", article.lineNumber(), article.slug());
                    tally.fail(article.lineNumber(), article.slug(), List.of(new FieldError("$",
                            "could not be stored: " + rootMessage(alone))));
                }
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The report as it grows. */
    private static final class Tally {
        long imported;
        long versions;
        long unchanged;
        long failed;
        final List<ImportReport.FailedLine> failures = new ArrayList<>();

        void count(List<ImportedArticle> batch, List<LibraryWriter.Outcome> outcomes) {
            for (int i = 0; i < batch.size(); i++) {
                ImportedArticle article = batch.get(i);
                switch (outcomes.get(i)) {
                    case IMPORTED -> {
                        imported++;
                        versions += article.versions().size();
                    }
                    case UNCHANGED -> unchanged++;
                    case EXISTS_WITH_DIFFERENT_CONTENT -> fail(article.lineNumber(), article.slug(), List.of(new FieldError("slug",
                            "exists with different content: " + article.slug() + " is stored with other versions or another"
                                    + " live version, and an import never overwrites")));
                }
            }
        }

        void fail(long line, String slug, List<FieldError> errors) {
            failed++;
            if (failures.size() < LISTED_FAILURES) {
                failures.add(new ImportReport.FailedLine(line, slug, List.copyOf(errors)));
            }
        }

        ImportReport report() {
            // Failures of a batch are counted as it is stored, after later lines were checked: file order.
            List<ImportReport.FailedLine> ordered = new ArrayList<>(failures);
            ordered.sort(java.util.Comparator.comparingLong(ImportReport.FailedLine::line));
            return new ImportReport(imported, versions, unchanged, failed, ordered, failed - ordered.size());
        }
    }
}
