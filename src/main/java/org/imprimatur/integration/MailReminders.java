package org.imprimatur.integration;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.workflow.ArticleEventType;
import org.imprimatur.workflow.ReviewerScopes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Sends the e-mails of docs/integration.md, "Review reminders", from the outbox: reviewers hear of
 * each submission and of reviews falling due or overdue, authors of the changes requested of
 * them. Each event is mailed once across all replicas: its row in {@code mail_deliveries} is
 * created once and claimed with {@code FOR UPDATE SKIP LOCKED} and a lease.
 */
@ApplicationScoped
public class MailReminders {

    private static final Logger LOG = Logger.getLogger(MailReminders.class);
    private static final List<String> MAILED = List.of(ArticleEventType.SUBMITTED.wireName(),
            ArticleEventType.CHANGES_REQUESTED.wireName(), ArticleEventType.REVIEW_DUE_SOON.wireName(),
            ArticleEventType.REVIEW_OVERDUE.wireName());
    private static final int LEASE_SECONDS = 120;

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final MailSettings settings;
    private final ReminderTexts texts;
    private final ReviewerScopes reviewerScopes;

    public MailReminders(EntityManager entityManager, Mailer mailer, MailSettings settings,
                         PublicUrl publicUrl, ReviewerScopes reviewerScopes) {
        this.entityManager = entityManager;
        this.reviewerScopes = reviewerScopes;
        this.mailer = mailer;
        this.settings = settings;
        this.texts = new ReminderTexts(publicUrl);
    }

    // MailSettings declares the interval; the scheduler does not see a mapping's defaults, so it is
    // repeated here, and ConfigurationTableTest checks that both say the same.
    @Scheduled(every = "${imprimatur.mail.poll-interval:5S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = MailOff.class)
    void sendDue() {
        try {
            takeNewEvents();
            for (Claimed claimed = claimOne(); claimed != null; claimed = claimOne()) {
                send(claimed);
            }
        } catch (RuntimeException failed) {
            LOG.warnf("Could not send review reminders (%s); trying again", ControlCharacters.forLog(failed.getMessage()));
        }
    }

    /** Gives each fresh mailable event its row, once, whichever replica gets there first. */
    private void takeNewEvents() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO mail_deliveries (event_id, next_attempt_at)
                        SELECT e.id, now() FROM outbox_events e
                        WHERE e.type IN (:types) AND e.occurred_at > now() - make_interval(secs => :fresh)
                          AND NOT EXISTS (SELECT 1 FROM mail_deliveries m WHERE m.event_id = e.id)
                        ORDER BY e.id
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("types", MAILED)
                .setParameter("fresh", (double) settings.freshFor().toSeconds())
                .executeUpdate());
    }

    /** An event this replica is mailing, with what the e-mail says. */
    record Claimed(long eventId, String type, UUID articleId, String slug, Integer version, String data) {
    }

    private Claimed claimOne() {
        return QuarkusTransaction.requiringNew().call(() -> NativeRows.select(entityManager, """
                            WITH due AS (SELECT event_id FROM mail_deliveries
                                         WHERE status = 'pending' AND next_attempt_at <= now()
                                         ORDER BY event_id LIMIT 1 FOR UPDATE SKIP LOCKED),
                                 claimed AS (UPDATE mail_deliveries m
                                             SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => :lease)
                                             FROM due WHERE m.event_id = due.event_id RETURNING m.event_id)
                            SELECT e.id AS eventId, e.type, e.article_id AS articleId, e.slug, e.version_no AS version,
                                   CAST(e.data AS text) AS data
                            FROM claimed JOIN outbox_events e ON e.id = claimed.event_id""", Claimed.class)
                    .setParameter("lease", LEASE_SECONDS)
                    .getResultList().stream().findFirst().orElse(null));
    }

    private void send(Claimed event) {
        ReminderTexts.Reminder reminder = QuarkusTransaction.requiringNew().call(() -> compose(event));
        // Headers are made of stored text, some of it written before control characters were refused
        // (docs/security.md, "Control characters"): no value may end a header and start another.
        List<String> recipients = reminder.recipients().stream()
                .filter(address -> ControlCharacters.lineProblem(address).isEmpty()).toList();
        if (recipients.isEmpty()) {
            finish(event, "no-recipient", null, List.of());
            return;
        }
        String subject = ControlCharacters.forHeader(reminder.subject());
        try {
            mailer.send(Mail.withText(recipients.get(0), subject, reminder.body()).setTo(recipients));
            finish(event, "sent", null, recipients);
        } catch (RuntimeException failed) {
            LOG.warnf("Could not send the e-mail for event %d (%s); it will be retried", event.eventId(),
                    ControlCharacters.forLog(failed.getMessage()));
            retryLater(event, String.valueOf(failed.getMessage()));
        }
    }

    private ReminderTexts.Reminder compose(Claimed event) {
        String title = (String) entityManager.createNativeQuery("""
                        SELECT v.title FROM article_versions v WHERE v.article_id = ?1
                        ORDER BY (v.version_no = ?2) DESC, v.version_no DESC LIMIT 1""")
                .setParameter(1, event.articleId())
                .setParameter(2, event.version() == null ? 0 : event.version())
                .getSingleResult();
        if (ArticleEventType.CHANGES_REQUESTED.wireName().equals(event.type())) {
            List<String> author = addresses("""
                    SELECT a.email FROM article_versions v JOIN accounts a ON a.id = v.author_id
                    WHERE v.article_id = ?1 AND v.version_no = ?2 AND a.email IS NOT NULL AND NOT a.disabled""",
                    event.articleId(), event.version());
            List<ReminderTexts.Comment> comments = NativeRows.select(entityManager, """
                            SELECT c.section_key AS sectionKey, c.text, a.display_name AS author FROM review_comments c
                            JOIN accounts a ON a.id = c.author_id
                            WHERE c.article_id = ?1 AND c.version_no = ?2
                              AND c.created_at = CAST(CAST(?3 AS jsonb) ->> 'occurredAt' AS timestamptz)
                            ORDER BY c.created_at, c.section_key NULLS FIRST""", ReminderTexts.Comment.class)
                    .setParameter(1, event.articleId())
                    .setParameter(2, event.version())
                    .setParameter(3, event.data())
                    .getResultList();
            return texts.changesRequested(author, title, event.articleId(), event.version(), comments);
        }
        List<String> reviewers = reviewersWhoMayAct(event);
        return texts.forReviewers(ArticleEventType.fromWireName(event.type()).orElseThrow(), reviewers, title,
                event.articleId(), event.version(), event.data());
    }

    /** A reviewer's address and scope. */
    private record ReviewerRow(String email, String specialties, String languages) {

        /** The stored lists, read as space-separated text (no name or tag holds a space). */
        String[] specialtyList() {
            return specialties.isEmpty() ? new String[0] : specialties.split(" ");
        }

        String[] languageList() {
            return languages.isEmpty() ? new String[0] : languages.split(" ");
        }
    }

    /** The article's specialty and the language of the event's version. */
    private record SubjectRow(String specialty, String language) {
    }

    /**
     * The enabled reviewers whose specialties and languages let them act on the event's version
     * (docs/workflow.md, "Reviewer scope"): nobody else can approve or reconfirm it.
     */
    private List<String> reviewersWhoMayAct(Claimed event) {
        SubjectRow subject = NativeRows.select(entityManager, """
                        SELECT a.specialty, v.language FROM articles a
                        JOIN article_versions v ON v.article_id = a.id
                        WHERE a.id = ?1 ORDER BY (v.version_no = ?2) DESC, v.version_no DESC LIMIT 1""", SubjectRow.class)
                .setParameter(1, event.articleId())
                .setParameter(2, event.version() == null ? 0 : event.version())
                .getSingleResult();
        return NativeRows.select(entityManager, """
                        SELECT email, array_to_string(specialties, ' ') AS specialties,
                               array_to_string(languages, ' ') AS languages FROM accounts
                        WHERE 'medical-reviewer' = ANY (roles) AND email IS NOT NULL AND NOT disabled
                        ORDER BY email""", ReviewerRow.class)
                .getResultList().stream()
                .filter(row -> reviewerScopes.of(row.specialtyList(), row.languageList()).mayReview(subject.specialty(), subject.language()))
                .map(ReviewerRow::email)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> addresses(String sql, UUID articleId, Integer version) {
        return entityManager.createNativeQuery(sql)
                .setParameter(1, articleId)
                .setParameter(2, version == null ? 0 : version)
                .getResultList();
    }

    private void finish(Claimed event, String status, String error, List<String> recipients) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        UPDATE mail_deliveries SET status = ?2, last_error = ?3, recipients = string_to_array(?4, E'\n'),
                               sent_at = CASE WHEN ?2 = 'sent' THEN now() END
                        WHERE event_id = ?1""")
                .setParameter(1, event.eventId())
                .setParameter(2, status)
                .setParameter(3, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.STRING, error))
                .setParameter(4, String.join("\n", recipients))
                .executeUpdate());
    }

    private void retryLater(Claimed event, String error) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        UPDATE mail_deliveries SET last_error = left(?2, 1000),
                               next_attempt_at = now() + make_interval(secs => least(3600, 30 * power(2, attempts - 1))),
                               status = CASE WHEN (SELECT occurred_at FROM outbox_events WHERE id = ?1)
                                                  + make_interval(secs => ?3) < now() THEN 'failed' ELSE 'pending' END
                        WHERE event_id = ?1""")
                .setParameter(1, event.eventId())
                .setParameter(2, error)
                .setParameter(3, (double) settings.retryWindow().toSeconds())
                .executeUpdate());
    }

    /** Skips the schedule while no SMTP server is configured. */
    @ApplicationScoped
    public static class MailOff implements Scheduled.SkipPredicate {

        private final MailSettings settings;

        public MailOff(MailSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !settings.enabled();
        }
    }
}
