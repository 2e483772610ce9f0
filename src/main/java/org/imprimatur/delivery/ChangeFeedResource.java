package org.imprimatur.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.article.ETags;
import org.imprimatur.infrastructure.CanonicalJson;

/** The public change feed: what was published and retracted, in order, from a cursor. */
@Path("/api/v1/changes")
@Tag(name = "Delivery (public)")
public class ChangeFeedResource {

    private final ChangeFeed feed;
    private final ObjectMapper mapper;
    private final String cacheControl;

    public ChangeFeedResource(ChangeFeed feed, ObjectMapper mapper, DeliverySettings settings) {
        this.feed = feed;
        this.mapper = mapper;
        this.cacheControl = settings.cacheControl();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listChanges",
            summary = "Publications and retractions, oldest first, after a cursor; poll with next to catch up")
    @APIResponse(responseCode = "200", description = "A page of changes and the cursor to continue from",
            headers = {@Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL, ref = HttpHeaders.CACHE_CONTROL)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeFeed.ChangePage.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names this page as it is",
            headers = {@Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL, ref = HttpHeaders.CACHE_CONTROL)})
    @APIResponse(responseCode = "400", description = "A malformed cursor or a limit outside 1–100")
    public Response changes(@QueryParam("after") String after, @QueryParam("limit") String limit,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws JsonProcessingException {
        byte[] body = mapper.writeValueAsBytes(feed.after(after, limit));
        String etag = "\"" + CanonicalJson.sha256Hex(body).substring(0, 32) + "\"";
        Response.ResponseBuilder response = ETags.matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON);
        return response.tag(new jakarta.ws.rs.core.EntityTag(etag.substring(1, etag.length() - 1)))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
}
