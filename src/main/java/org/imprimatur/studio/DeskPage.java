package org.imprimatur.studio;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.imprimatur.article.EditorQueries;
import org.imprimatur.review.ReviewQueries;
import org.imprimatur.review.TranslationListing;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.jboss.resteasy.reactive.RestQuery;

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

    private final EditorQueries editorQueries;
    private final ReviewQueries reviewQueries;
    private final TranslationListing translations;
    private final StudioUser user;
    private final Clock clock;

    public DeskPage(EditorQueries editorQueries, ReviewQueries reviewQueries, TranslationListing translations, StudioUser user,
                    Clock clock) {
        this.translations = translations;
        this.editorQueries = editorQueries;
        this.reviewQueries = reviewQueries;
        this.user = user;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance desk(boolean editor, boolean reviewer, List<EditorQueries.Draft> drafts,
                                            List<EditorQueries.SentBack> sentBack, List<ReviewQueries.DueEntry> due,
                                            LocalDate today, List<Waiting> queue, boolean mayShowAll, boolean showingAll,
                                            List<TranslationListing.OutdatedTranslation> outdated);
    }

    public record Waiting(ReviewQueries.QueueEntry entry, String waited) {
    }

    /**
     * @param scope {@code all} shows an admin every article in review and every review due; otherwise a
     *              reviewer sees what their specialties and languages let them approve
     */
    @GET
    public TemplateInstance show(@RestQuery String scope) {
        Actor actor = user.actor();
        boolean editor = user.isEditor();
        boolean reviewer = user.isReviewer();
        boolean admin = actor.roles().contains(Role.ADMIN);
        boolean all = admin && "all".equals(scope);
        List<ReviewQueries.DueEntry> due = all ? reviewQueries.due(DUE_HORIZON_DAYS) : reviewQueries.due(DUE_HORIZON_DAYS, actor);
        List<Waiting> queue = reviewer ? reviewQueries.queue(actor, all ? ReviewQueries.QueueScope.ALL : ReviewQueries.QueueScope.MINE)
                .stream().map(entry -> new Waiting(entry, StudioText.waited(entry.submittedAt(), clock.instant()))).toList()
                : List.of();
        return Templates.desk(editor, reviewer,
                editor ? editorQueries.draftsOf(actor.id()) : List.of(),
                editor ? editorQueries.sentBackTo(actor.id()) : List.of(),
                due, LocalDate.now(clock.withZone(ZoneOffset.UTC)), queue, admin && reviewer, all,
                editor ? translations.outdated() : List.of());
    }
}
