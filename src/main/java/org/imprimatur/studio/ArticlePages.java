package org.imprimatur.studio;

import org.imprimatur.accounts.SpecialtyAdministration;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleSummary;
import org.imprimatur.article.ArticleView;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.ContentValidator;
import org.imprimatur.article.ETags;
import org.imprimatur.article.EditorialListing;
import org.imprimatur.article.ImageSources;
import org.imprimatur.delivery.MarkdownRenderer;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.review.VersionComparison;
import org.imprimatur.review.VersionDiffer;
import org.imprimatur.rules.Decision;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.workflow.ContentChecks;
import org.imprimatur.workflow.EditingService;
import org.imprimatur.workflow.Submitting;
import org.imprimatur.workflow.Withdrawing;
import org.imprimatur.workflow.WorkflowProspects;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Articles in the studio: the list, the editor (new and existing), submitting and withdrawing. */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class ArticlePages {

    private final EditorialListing listing;
    private final ArticleViews views;
    private final VersionComparison comparison;
    private final EditingService editing;
    private final Submitting submitting;
    private final Withdrawing withdrawing;
    private final WorkflowProspects prospects;
    private final StudioUser user;
    private final ImageSources images;
    private final SpecialtyAdministration specialties;

    private final java.time.Clock clock;
    private final ContentChecks checks;

    public ArticlePages(EditorialListing listing, ArticleViews views, VersionComparison comparison,
                        EditingService editing, Submitting submitting, Withdrawing withdrawing, WorkflowProspects prospects,
                        StudioUser user, ImageSources images, SpecialtyAdministration specialties, java.time.Clock clock,
                        ContentChecks checks) {
        this.clock = clock;
        this.checks = checks;
        this.specialties = specialties;
        this.images = images;
        this.listing = listing;
        this.views = views;
        this.comparison = comparison;
        this.editing = editing;
        this.submitting = submitting;
        this.withdrawing = withdrawing;
        this.prospects = prospects;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance articles(Page<ArticleSummary> page, String q, String state, String tag,
                                                List<StateOption> states);

        static native TemplateInstance editor(EditorModel model, ArticleView article, String notice, Conflict conflict,
                                              String action, boolean canSubmit, boolean canWithdraw, String submitBlocked);

        static native TemplateInstance sectionPreview(String html, StudioChecks.SectionChecks checked, String target,
                                                      String unchecked);
    }

    /** A state to filter the list by: its value in the query, and its name in words. */
    public record StateOption(String value, String name) {
    }

    /** Who saved a version that arrived while someone edited, and what it changed. */
    public record Conflict(String who, int version, VersionDiffer.VersionDiff diff) {
    }

    @GET
    @Path("/articles")
    public TemplateInstance articles(@RestQuery String q, @RestQuery String state, @RestQuery String tag,
                                     @RestQuery String cursor) {
        Page<ArticleSummary> page = listing.list(state, q, tag, "25", cursor);
        return Templates.articles(page, q, state, tag, Arrays.stream(WorkflowState.values())
                .map(value -> new StateOption(value.name(), StudioText.state(value))).toList());
    }

    @GET
    @Path("/articles/new")
    public TemplateInstance newArticle() {
        return editorPage(null, ArticleForm.blank(), List.of(), false, null, null);
    }

    @POST
    @Path("/articles/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam ArticleForm form) {
        if (!"save".equals(form.op)) {
            form.rearrange();
            return Response.ok(editorPage(null, form, List.of(), "preview".equals(form.op), null, null)).build();
        }
        List<FieldError> invalid = invalid(form, true);
        if (!invalid.isEmpty()) {
            return Response.status(422).entity(editorPage(null, form, invalid, false, null, null)).build();
        }
        try {
            ArticleViews.Saved saved = editing.create(form.content().content(), user.actor());
            return savedRedirect(saved);
        } catch (ProblemException refusal) {
            List<FieldError> refused = refusal.problem().status() == 409
                    ? List.of(new FieldError("slug", "is already taken by another article")) : fieldErrors(refusal);
            return Response.status(refusal.problem().status())
                    .entity(editorPage(null, form, refused, false, null, null)).build();
        }
    }

    @GET
    @Path("/articles/{id}/edit")
    public TemplateInstance edit(@PathParam("id") UUID id, @RestQuery Integer saved) {
        ArticleViews.Saved latest = views.latest(id);
        String notice = saved == null ? null : "Saved as version " + saved + ".";
        return editorPage(latest.view(), ArticleForm.of(latest.view(), latest.etag()), List.of(), false, notice, null);
    }

    @POST
    @Path("/articles/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, @BeanParam ArticleForm form) {
        ArticleView current = views.latest(id).view();
        form.slug = current.slug();
        if (!"save".equals(form.op)) {
            form.rearrange();
            return Response.ok(editorPage(current, form, List.of(), "preview".equals(form.op), null, null)).build();
        }
        List<FieldError> invalid = invalid(form, false);
        if (!invalid.isEmpty()) {
            return Response.status(422).entity(editorPage(current, form, invalid, false, null, null)).build();
        }
        try {
            return savedRedirect(editing.save(id, form.content().content(), form.etag, user.actor()));
        } catch (ProblemException refusal) {
            if (refusal.problem().status() == 412 || refusal.problem().status() == 428) {
                return Response.status(409).entity(conflictPage(id, form)).build();
            }
            return Response.status(refusal.problem().status())
                    .entity(editorPage(current, form, fieldErrors(refusal), false, null, null)).build();
        }
    }

    // The csrf-token parameter makes the form be read, so that the CSRF filter can check it.
    @POST
    @Path("/articles/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") UUID id, @RestForm("csrf-token") String csrf) {
        submitting.submit(id, user.actor());
        return backToEditor(id);
    }

    @POST
    @Path("/articles/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, @RestForm("csrf-token") String csrf) {
        withdrawing.withdraw(id, user.actor());
        return backToEditor(id);
    }

    private static Response backToEditor(UUID id) {
        return Response.seeOther(URI.create("/studio/articles/" + id + "/edit")).build();
    }

    /**
     * One section's body rendered by the delivery API's renderer, for the editor's Preview button
     * (via htmx, which posts the whole form and names the section), citations numbered as on the page,
     * with the findings of the checks and the reading figures when the form's content could be saved.
     */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@BeanParam ArticleForm form, @RestForm int previewIndex) {
        List<String> bodies = form.sectionBody;
        String body = bodies == null || previewIndex < 0 || previewIndex >= bodies.size() ? "" : bodies.get(previewIndex);
        java.util.Map<String, Integer> numbers = MarkdownRenderer.numbersOfKeys(form.citationKey == null ? List.of() : form.citationKey);
        StudioChecks checked = checked(form);
        StudioChecks.SectionChecks section = checked != null && previewIndex >= 0 && previewIndex < checked.sections().size()
                ? checked.sections().get(previewIndex) : null;
        return Templates.sectionPreview(MarkdownRenderer.html(body, numbers), section,
                checked == null ? null : checked.target(), body.isBlank() ? null : EditorModel.UNCHECKED);
    }

    /** The checks of what the form holds, as GET …/checks reads a saved version; null if it could not be saved as it is. */
    private StudioChecks checked(ArticleForm form) {
        ArticleForm.Parsed parsed = form.content();
        if (!parsed.unreadable().isEmpty()) {
            return null;
        }
        try {
            ArticleContent content = ContentValidator.validate(parsed.content(), false, java.time.LocalDate.now(clock), images);
            return StudioChecks.of(checks, content);
        } catch (ProblemException invalid) {
            return null;
        }
    }

    private TemplateInstance editorPage(ArticleView article, ArticleForm form, List<FieldError> fieldErrors,
                                        boolean previews, String notice, Conflict conflict) {
        EditorModel model = EditorModel.of(form, fieldErrors, previews,
                specialties.list().stream().map(SpecialtyAdministration.SpecialtyView::name).toList(),
                previews ? checked(form) : null);
        if (article == null) {
            return Templates.editor(model, null, notice, conflict, "/studio/articles/new", false, false, null);
        }
        Map<WorkflowAction, Decision> prospects = this.prospects.of(article.id(), user.actor());
        Decision submit = prospects.get(WorkflowAction.SUBMIT);
        String blocked = submit instanceof Decision.Rejected rejected && rejected.refusal() == Decision.Refusal.INVALID
                ? "Not ready for review yet: " + StudioText.sentence(rejected.reason()) : null;
        return Templates.editor(model, article, notice, conflict, "/studio/articles/" + article.id() + "/edit",
                submit instanceof Decision.Allowed, prospects.get(WorkflowAction.WITHDRAW) instanceof Decision.Allowed, blocked);
    }

    /**
     * Someone saved since this form was opened: the typed text stays, the page shows what their
     * save changed, and the form now names their version, so the next Save is a deliberate one.
     */
    private TemplateInstance conflictPage(UUID id, ArticleForm form) {
        VersionDiffer.VersionDiff diff = comparison.newestSince(id, ETags.version(form.etag).orElse(null));
        ArticleViews.Saved current = views.latest(id);
        form.etag = current.etag();
        ArticleView newest = current.view();
        return editorPage(newest, form, List.of(), false, null, new Conflict(newest.author().name(), newest.version(), diff));
    }

    /** Fields that cannot be read or break a content rule, found before anything is stored. */
    private List<FieldError> invalid(ArticleForm form, boolean requireSlug) {
        ArticleForm.Parsed parsed = form.content();
        List<FieldError> found = new ArrayList<>(parsed.unreadable());
        try {
            ContentValidator.validate(parsed.content(), requireSlug, java.time.LocalDate.now(clock), images);
        } catch (ProblemException refusal) {
            found.addAll(fieldErrors(refusal));
        }
        return found;
    }

    private static List<FieldError> fieldErrors(ProblemException refusal) {
        return refusal.problem().errors() != null ? refusal.problem().errors()
                : List.of(new FieldError("$", StudioText.sentence(refusal.problem().detail())));
    }

    private static Response savedRedirect(ArticleViews.Saved saved) {
        return Response.seeOther(URI.create("/studio/articles/" + saved.view().id() + "/edit?saved=" + saved.view().version()))
                .build();
    }
}
