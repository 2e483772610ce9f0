package org.imprimatur.delivery;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.ApiDescriptionFilter;
import org.imprimatur.infrastructure.Problem;
import org.imprimatur.infrastructure.ProblemMappers;

/**
 * Opens a preview link without an account (docs/integration.md, "Previews"): the version in the
 * delivery API's shape, never cached by anyone and never indexed.
 */
@Path("/api/v1/preview")
@Tag(name = "Delivery (public)")
public class PreviewResource {

    private final PreviewLinks links;

    public PreviewResource(PreviewLinks links) {
        this.links = links;
    }

    @GET
    @Path("/{token}")
    @Blocking
    @Produces({MediaType.APPLICATION_JSON, LiveHeaders.JSON_LD})
    @Operation(summary = "The version a preview link names, as the delivery API would serve it (JSON or JSON-LD)")
    @APIResponse(responseCode = "200", description = "The version, with Cache-Control: private, no-store and X-Robots-Tag: noindex",
            headers = {@Header(name = HttpHeaders.CACHE_CONTROL, ref = HttpHeaders.CACHE_CONTROL),
                    @Header(name = ApiDescriptionFilter.X_ROBOTS_TAG, ref = ApiDescriptionFilter.X_ROBOTS_TAG),
                    @Header(name = HttpHeaders.VARY, ref = HttpHeaders.VARY)},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedArticle.class)),
                    @Content(mediaType = LiveHeaders.JSON_LD, schema = @Schema(type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class, description = "A schema.org MedicalWebPage"))})
    @APIResponse(responseCode = "404", description = "The link is unknown, altered, expired or revoked",
            headers = {@Header(name = HttpHeaders.CACHE_CONTROL, ref = HttpHeaders.CACHE_CONTROL),
                    @Header(name = ApiDescriptionFilter.X_ROBOTS_TAG, ref = ApiDescriptionFilter.X_ROBOTS_TAG),
                    @Header(name = HttpHeaders.VARY, ref = HttpHeaders.VARY)})
    public Response preview(@PathParam("token") String token, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean jsonLd = LiveHeaders.negotiate(accept) == LiveHeaders.Representation.JSON_LD;
        Response.ResponseBuilder response = links.open(token)
                .map(rendition -> Response.ok(rendition.body(jsonLd), jsonLd ? LiveHeaders.JSON_LD : MediaType.APPLICATION_JSON))
                .orElseGet(() -> Response.fromResponse(ProblemMappers.respond(Problem.of(404, "not-found", "Not found",
                        "This preview link is unknown, has expired or was revoked."))));
        return response.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(ApiDescriptionFilter.X_ROBOTS_TAG, "noindex, nofollow")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
