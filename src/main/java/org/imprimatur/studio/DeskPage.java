package org.imprimatur.studio;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.imprimatur.review.ReviewQueries;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The desk: what waits for the signed-in person, by role, with counts (docs/studio.md). */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class DeskPage {

    /** Reviews falling due within this many days are shown on the desk. */
    static final int DUE_HORIZON_DAYS = 30;

    private final Template desk;
    private final DeskQueries deskQueries;
    private final ReviewQueries reviewQueries;
    private final StudioUser user;
    private final Clock clock;

    public DeskPage(@Location("studio/desk.html") Template desk, DeskQueries deskQueries, ReviewQueries reviewQueries,
                    StudioUser user, Clock clock) {
        this.desk = desk;
        this.deskQueries = deskQueries;
        this.reviewQueries = reviewQueries;
        this.user = user;
        this.clock = clock;
    }

    public record Waiting(ReviewQueries.QueueEntry entry, String waited) {
    }

    @GET
    public TemplateInstance show() {
        Actor actor = user.actor();
        boolean editor = user.isEditor();
        boolean reviewer = user.isReviewer();
        List<ReviewQueries.DueEntry> due = reviewQueries.due(DUE_HORIZON_DAYS);
        List<Waiting> queue = reviewer ? reviewQueries.queue().stream()
                .map(entry -> new Waiting(entry, StudioText.waited(entry.submittedAt(), clock.instant()))).toList() : List.of();
        return desk.data("editor", editor)
                .data("reviewer", reviewer)
                .data("drafts", editor ? deskQueries.draftsOf(actor.id()) : List.of())
                .data("sentBack", editor ? deskQueries.sentBackTo(actor.id()) : List.of())
                .data("due", due)
                .data("today", LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .data("queue", queue);
    }
}
