package org.imprimatur.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.article.ArticleView;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.EditorialResponses;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;
import org.imprimatur.workflow.Translating;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/editorial/articles/{id}/translations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: translations")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class TranslationResource {

    private final Translating translating;
    private final TranslationListing listing;
    private final CurrentActor currentActor;

    public TranslationResource(Translating translating, TranslationListing listing, CurrentActor currentActor) {
        this.translating = translating;
        this.listing = listing;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Make a translation: a new article in another language whose draft version 1 copies the source's newest version")
    @APIResponse(responseCode = "201", description = "Created, with Location and ETag; translationOf names the source version copied",
            headers = @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "The source already has a translation into that language, or the slug is taken")
    @APIResponse(responseCode = "422", description = "No language, not a BCP 47 tag, the source's own language, a bad slug,"
            + " or the article is itself a translation; see errors")
    @Transactional
    public Response createTranslation(@PathParam("id") UUID id, Translating.TranslationRequest request) {
        ArticleViews.Saved saved = translating.create(id, request, currentActor.get());
        return EditorialResponses.withETag(Response.created(URI.create("/api/v1/editorial/articles/" + saved.view().id()))
                .entity(saved.view()), saved);
    }

    @GET
    @Operation(summary = "The article's translations, each current, outdated (with the source's changed sections),"
            + " an untranslated draft or left by a retracted source")
    @APIResponse(responseCode = "200", description = "One line per translation, by language")
    @APIResponse(responseCode = "404", description = "No such article")
    public List<TranslationListing.TranslationLine> translations(@PathParam("id") UUID id) {
        return listing.of(id);
    }
}
