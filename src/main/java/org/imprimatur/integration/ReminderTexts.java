package org.imprimatur.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.workflow.ArticleEventType;

import java.util.List;
import java.util.UUID;

/** The words of each reminder e-mail (docs/integration.md, "Review reminders"): plain text, with a link to the studio. */
final class ReminderTexts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who gets it and what it says. */
    record Reminder(List<String> recipients, String subject, String body) {
    }

    /** One comment of a send-back: the section it is aimed at (null for the whole article), its text and who wrote it. */
    record Comment(String sectionKey, String text, String author) {
    }

    private final String studio;

    ReminderTexts(PublicUrl publicUrl) {
        this.studio = publicUrl.of("/studio");
    }

    Reminder forReviewers(ArticleEventType type, List<String> reviewers, String title, UUID articleId, Integer version,
                          String data) {
        String due = field(data, "reviewDue");
        return switch (type) {
            case SUBMITTED -> new Reminder(reviewers, "Waiting for medical review: " + title,
                    "Version " + version + " of \"" + title + "\" was submitted for medical review.\n\n"
                            + "Review it: " + studio + "/articles/" + articleId + "/review\n" + footer());
            case REVIEW_DUE_SOON -> new Reminder(reviewers, "Review due on " + due + ": " + title,
                    "The published article \"" + title + "\" (version " + version + ") is due for its medical review on "
                            + due + ".\n\nReview it: " + studio + "/articles/" + articleId + "/review\n" + footer());
            case REVIEW_OVERDUE -> new Reminder(reviewers, "Review overdue since " + due + ": " + title,
                    "The published article \"" + title + "\" (version " + version + ") was due for its medical review on "
                            + due + " and has not been reviewed since.\n\nReview it: " + studio + "/articles/" + articleId
                            + "/review\n" + footer());
            default -> throw new IllegalArgumentException(type + " is not mailed to reviewers");
        };
    }

    Reminder changesRequested(List<String> authors, String title, UUID articleId, Integer version, List<Comment> comments) {
        StringBuilder body = new StringBuilder("A medical reviewer sent version " + version + " of \"" + title
                + "\" back with these comments:\n\n");
        for (Comment comment : comments) {
            body.append("- ").append(comment.sectionKey() == null ? "" : "[" + comment.sectionKey() + "] ")
                    .append(comment.text().replace("\n", "\n  ")).append(" (").append(comment.author()).append(")\n");
        }
        body.append("\nEdit it: ").append(studio).append("/articles/").append(articleId).append("/edit\n").append(footer());
        return new Reminder(authors, "Changes requested: " + title, body.toString());
    }

    private static String footer() {
        return "\n--\nSent by Imprimatur because of your role on this article.\n";
    }

    private static String field(String data, String name) {
        try {
            JsonNode value = JSON.readTree(data).get(name);
            return value == null ? "" : value.asText();
        } catch (Exception unreadable) {
            return "";
        }
    }
}
