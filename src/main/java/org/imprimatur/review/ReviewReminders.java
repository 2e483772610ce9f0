package org.imprimatur.review;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.workflow.ArticleEventType;
import org.imprimatur.workflow.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Review dates mean nothing if nobody is told (docs/integration.md, "Review reminders"): a
 * published article whose review falls due within 30 days gets a "review due soon" event, and
 * once the date has come a "review overdue" event, each once per due date whichever replica looks
 * first and however often it restarts.
 */
@ApplicationScoped
public class ReviewReminders {

    static final int DUE_SOON_DAYS = 30;
    private static final Logger LOG = Logger.getLogger(ReviewReminders.class);

    private final ReviewQueries queries;
    private final Outbox outbox;
    private final Clock clock;

    public ReviewReminders(ReviewQueries queries, Outbox outbox, Clock clock) {
        this.queries = queries;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ReminderSettings declares these properties; the scheduler does not see a mapping's defaults, so
    // they are repeated here, and ConfigurationTableTest checks that both say the same.
    @Scheduled(every = "${imprimatur.reminders.interval:15M}", delayed = "${imprimatur.reminders.first-look:20S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void look() {
        int written = remind();
        if (written > 0) {
            LOG.infof("Wrote %d review reminder(s)", written);
        }
    }

    /** Writes the reminders that are due and not yet written; returns how many this call wrote. */
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.now(clock);
        int written = 0;
        for (ReviewQueries.DueEntry due : queries.dueBy(today.plusDays(DUE_SOON_DAYS))) {
            ArticleEventType type = due.nextReviewDue().isAfter(today) ? ArticleEventType.REVIEW_DUE_SOON
                    : ArticleEventType.REVIEW_OVERDUE;
            Article article = Article.findById(due.id());
            String contentHash = ArticleVersion.find(due.id(), due.publishedVersion()).map(v -> v.contentHash).orElse(null);
            if (outbox.appendReminder(type, new Outbox.EventFacts(due.id(), due.slug(), due.publishedVersion(), contentHash,
                    article.state.name(), Timestamps.now(clock)), due.nextReviewDue())) {
                written++;
            }
        }
        return written;
    }
}
