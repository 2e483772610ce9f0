package org.imprimatur.integration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.imprimatur.review.ReviewReminders;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.ServiceClock;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/integration.md, "Review reminders": e-mails through a real SMTP server (GreenMail) in this
 * JVM, each once, however often the reminders are looked for.
 */
@QuarkusTest
@TestProfile(ReviewRemindersMailTest.WithSmtp.class)
class ReviewRemindersMailTest {

    public static class WithSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("imprimatur.mail.smtp-host", "127.0.0.1", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(ServerSetupTest.SMTP.getPort()),
                    "imprimatur.mail.poll-interval", "1S",
                    "imprimatur.reminders.first-look", "1H");
        }
    }

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    private static final String FIRST_REVIEWER = "first@reviewers.example";
    private static final String SECOND_REVIEWER = "second@reviewers.example";
    private static final String EDITOR = "erin@editors.example";

    @Inject
    ReviewReminders reminders;

    private static boolean reviewersCreated;

    @BeforeEach
    void accountsWithAddresses() {
        if (!reviewersCreated) {
            reviewersCreated = true;
            createReviewers();
        }
        Api.as("admin").body(Map.of("email", EDITOR)).patch("/api/v1/accounts/editor").then().statusCode(200);
    }

    private static void createReviewers() {
        for (String address : List.of(FIRST_REVIEWER, SECOND_REVIEWER)) {
            String username = "mail-" + address.substring(0, address.indexOf('@')) + "-" + System.nanoTime();
            Api.as("admin").body(Map.of("username", username, "displayName", "Dr " + username, "email", address,
                    "password", "a long enough password", "roles", List.of("medical-reviewer")))
                    .post("/api/v1/accounts").then().statusCode(201);
        }
    }

    @AfterEach
    void restoreTheDemoEditor() {
        Api.as("admin").body(Map.of("email", "")).patch("/api/v1/accounts/editor").then().statusCode(200);
        ServiceClock.reset();
    }

    @Test
    void reviewersHearOfASubmissionAndTheAuthorOfTheCommentsOnce() throws Exception {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("mailed")));
        Workflow.submit("editor", id).then().statusCode(200);
        MimeMessage toFirst = awaitOne(FIRST_REVIEWER, id, "Waiting for medical review: ");
        awaitOne(SECOND_REVIEWER, id, "Waiting for medical review: ");
        assertTrue(GreenMailUtil.getBody(toFirst).contains("/studio/articles/" + id + "/review"));

        Workflow.requestChanges("reviewer", id, "intro", "Please cite the 2021 trial here.").then().statusCode(200);
        MimeMessage toAuthor = awaitOne(EDITOR, id, "Changes requested: ");
        String body = GreenMailUtil.getBody(toAuthor).replace("=\r\n", "").replace("\r\n", "\n");
        assertTrue(body.contains("[intro] Please cite the 2021 trial here."), body);
        assertTrue(body.contains("/studio/articles/" + id + "/edit"), body);

        // For a second (several relay polls), still one e-mail to the reviewer.
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> messages(FIRST_REVIEWER, id, "Waiting for medical review: ").size() == 1);
        assertEquals(1, messages(FIRST_REVIEWER, id, "Waiting for medical review: ").size(), "once, not once per poll");
        assertEquals(0, messages(EDITOR, id, "Waiting for medical review: ").size(), "editors are not reviewers");
    }

    /** docs/workflow.md, "Reviewer scope": a submission is mailed to the reviewers who may approve it only. */
    @Test
    void aSubmissionInSpanishIsMailedToTheReviewersWhoReadIt() throws Exception {
        String spanish = "lectora@reviewers.example";
        Api.as("admin").body(Map.of("username", "mail-lectora-" + System.nanoTime(), "displayName", "Dra Lectora",
                "email", spanish, "password", "a long enough password", "roles", List.of("medical-reviewer"),
                "languages", List.of("es"))).post("/api/v1/accounts").then().statusCode(201);
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("mailed-es"));
        content.put("language", "es-MX");
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(200);
        awaitOne(spanish, id, "Waiting for medical review: ");
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> messages(FIRST_REVIEWER, id, "Waiting for medical review: ").isEmpty());
        assertEquals(0, messages(FIRST_REVIEWER, id, "Waiting for medical review: ").size(), "they read English only");

        String english = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("mailed-en")));
        Workflow.submit("editor", english).then().statusCode(200);
        awaitOne(FIRST_REVIEWER, english, "Waiting for medical review: ");
        assertEquals(0, messages(spanish, english, "Waiting for medical review: ").size(), "they read Spanish only");
    }

    /**
     * docs/security.md, "Control characters": a title stored before line breaks were refused (put in
     * here behind the service's back) still makes a one-line subject and no header of its own.
     */
    @Test
    void aStoredTitleWithALineBreakMakesOneSubjectLineAndNoInjectedHeader() throws Exception {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("mail-header")));
        try (Connection owner = Database.owner().getConnection()) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement();
                 PreparedStatement update = owner.prepareStatement("UPDATE article_versions SET title = ? WHERE article_id = ?")) {
                statement.execute("ALTER TABLE article_versions DISABLE TRIGGER article_versions_immutable");
                update.setString(1, "Eczema\r\nBcc: injected@evil.example\r\nX-Injected: yes");
                update.setObject(2, UUID.fromString(id));
                assertEquals(1, update.executeUpdate());
                statement.execute("ALTER TABLE article_versions ENABLE TRIGGER article_versions_immutable");
            }
            owner.commit();
        }
        Workflow.submit("editor", id).then().statusCode(200);
        MimeMessage mail = awaitOne(FIRST_REVIEWER, id, "Waiting for medical review: ");
        assertEquals("Waiting for medical review: Eczema Bcc: injected@evil.example X-Injected: yes", mail.getSubject());
        String[] subjects = mail.getHeader("Subject");
        assertEquals(1, subjects.length);
        assertTrue(subjects[0].chars().noneMatch(c -> c == '\r' || c == '\n'), subjects[0]);
        assertNull(mail.getHeader("Bcc"), "an injected Bcc header");
        assertNull(mail.getHeader("X-Injected"), "an injected header");
        assertEquals(0, smtp.getReceivedMessagesForDomain("evil.example").length);
    }

    @Test
    void reviewersAreRemindedOnceWhenAReviewFallsDueAndOnceWhenItIsOverdue() throws Exception {
        String id = Workflow.published(Fixtures.article(Fixtures.uniqueSlug("due")));
        LocalDate due = LocalDate.parse(Api.latest(id).path("review.nextReviewDue"));
        try {
            moveTo(due.minusDays(10));
            reminders.remind();
            reminders.remind();
            MimeMessage soon = awaitOne(FIRST_REVIEWER, id, "Review due on " + due + ": ");
            assertTrue(GreenMailUtil.getBody(soon).contains("/studio/articles/" + id + "/review"));
            awaitOne(SECOND_REVIEWER, id, "Review due on " + due + ": ");

            moveTo(due.plusDays(1));
            reminders.remind();
            reminders.remind();
            awaitOne(FIRST_REVIEWER, id, "Review overdue since " + due + ": ");
            // For a second (several relay polls), still one e-mail of each kind.
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> messages(FIRST_REVIEWER, id, "Review due on ").size() == 1
                            && messages(SECOND_REVIEWER, id, "Review overdue since ").size() == 1);
            assertEquals(1, messages(FIRST_REVIEWER, id, "Review due on ").size());
            assertEquals(1, messages(SECOND_REVIEWER, id, "Review overdue since ").size());
        } finally {
            ServiceClock.reset();
        }
    }

    private static void moveTo(LocalDate day) {
        ServiceClock.reset();
        ServiceClock.moveAhead(Duration.between(Instant.now(), day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    private static MimeMessage awaitOne(String address, String articleId, String subjectStart) throws Exception {
        List<MimeMessage> found;
        try {
            found = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> messages(address, articleId, subjectStart), messages -> !messages.isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException none) {
            throw new AssertionError("No e-mail \"" + subjectStart + "…\" about " + articleId + " reached " + address
                    + "; received: " + subjects());
        }
        assertEquals(1, found.size(), "one e-mail to " + address);
        return found.get(0);
    }

    private static List<MimeMessage> messages(String address, String articleId, String subjectStart) throws Exception {
        Map<String, MimeMessage> byMessageId = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessagesForDomain(address)) {
            boolean addressed = Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            if (addressed && message.getSubject().startsWith(subjectStart) && GreenMailUtil.getBody(message)
                    .replace("=\r\n", "").contains(articleId)) {
                byMessageId.put(message.getMessageID() + address, message);
            }
        }
        return List.copyOf(byMessageId.values());
    }

    private static List<String> subjects() throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                return "?";
            }
        }).toList();
    }
}
