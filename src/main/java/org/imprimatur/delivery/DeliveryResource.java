package org.imprimatur.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.article.ETags;
import org.imprimatur.infrastructure.ApiDescriptionFilter;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.infrastructure.Problem;
import org.imprimatur.infrastructure.ProblemMappers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The public read API. A hit is answered from memory on the I/O thread with no database round
 * trip, including 304s; only a miss, {@code ?at=}, lists and search reach PostgreSQL.
 */
@Path("/api/v1/articles")
@Tag(name = "Delivery (public)")
public class DeliveryResource {

    public static final String JSON_LD = LiveHeaders.JSON_LD;
    // PostgreSQL's timestamptz range, roughly; outside it the question has no answer.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final DeliveryCache cache;
    private final DeliveryRepository repository;
    private final DeliveryListing listing;
    private final String cacheControl;
    private final ObjectMapper mapper;

    public DeliveryResource(DeliveryCache cache, DeliveryRepository repository, DeliveryListing listing, ObjectMapper mapper,
                            DeliverySettings settings) {
        this.cache = cache;
        this.repository = repository;
        this.listing = listing;
        this.cacheControl = settings.cacheControl();
        this.mapper = mapper;
    }

    @GET
    @Path("/{slug}")
    @Produces({MediaType.APPLICATION_JSON, JSON_LD})
    @Operation(summary = "The live version of an article (JSON, or schema.org JSON-LD with Accept: application/ld+json); ?at= for the version live at an instant",
            description = "An Accept header that names application/ld+json with no lower weight than JSON is answered with "
                    + "JSON-LD; a client generated from this description lists both, so it asks for application/json "
                    + "itself to read the JSON form.")
    @APIResponse(responseCode = "200", description = "The article, with ETag, Last-Modified and Cache-Control",
            headers = {@Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = HttpHeaders.LAST_MODIFIED, ref = HttpHeaders.LAST_MODIFIED),
                    @Header(name = HttpHeaders.CACHE_CONTROL, ref = HttpHeaders.CACHE_CONTROL),
                    @Header(name = HttpHeaders.VARY, ref = HttpHeaders.VARY),
                    @Header(name = ApiDescriptionFilter.AGE, ref = ApiDescriptionFilter.AGE),
                    @Header(name = ApiDescriptionFilter.CACHE_STATUS, ref = ApiDescriptionFilter.CACHE_STATUS)},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedArticle.class)),
                    @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                            description = "A schema.org MedicalWebPage"))})
    @APIResponse(responseCode = "400", description = "at is not an RFC 3339 instant between the years 1 and 9999, or lang is no BCP 47 tag")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current representation",
            headers = {@Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = HttpHeaders.LAST_MODIFIED, ref = HttpHeaders.LAST_MODIFIED),
                    @Header(name = HttpHeaders.CACHE_CONTROL, ref = HttpHeaders.CACHE_CONTROL),
                    @Header(name = HttpHeaders.VARY, ref = HttpHeaders.VARY),
                    @Header(name = ApiDescriptionFilter.AGE, ref = ApiDescriptionFilter.AGE),
                    @Header(name = ApiDescriptionFilter.CACHE_STATUS, ref = ApiDescriptionFilter.CACHE_STATUS)})
    @APIResponse(responseCode = "404", description = "Unknown, never published, nothing was live at that instant, or not live in the language asked for")
    @APIResponse(responseCode = "410", description = "Retracted, with the reason; with ?at=, also any version whose time live ended in a retraction")
    public Uni<Response> article(@PathParam("slug") String slug,
                                 @QueryParam("at") @Parameter(description = "An instant (RFC 3339): the version live then",
                                         schema = @Schema(type = SchemaType.STRING, format = "date-time")) String at,
                                 @QueryParam("lang") @Parameter(description = "A BCP 47 language tag: the article in that language,"
                                         + " itself or one of its source's live translations, by RFC 4647 lookup (docs/translations.md)") String lang,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (lang != null && !lang.isEmpty()) {
            if (!org.imprimatur.article.ContentValidator.isLanguageTag(lang)) {
                throw org.imprimatur.infrastructure.ProblemException.badRequest("lang must be a BCP 47 language tag such as es or es-MX.");
            }
            return blocking(() -> repository.inLanguage(slug, lang)).flatMap(chosen -> chosen
                    .map(other -> article(other, at, null, accept, ifNoneMatch))
                    .orElseGet(() -> Uni.createFrom().item(ProblemMappers.respond(Problem.of(404, "not-found", "Not found",
                            slug + " is not published in " + lang + ".")))));
        }
        boolean jsonLd = LiveHeaders.negotiate(accept) == LiveHeaders.Representation.JSON_LD;
        if (at != null) {
            Instant instant = parseInstant(at);
            return blocking(() -> repository.at(slug, instant)
                    .map(rendition -> respond(rendition, jsonLd, ifNoneMatch))
                    .orElseGet(() -> ProblemMappers.respond(Problem.of(404, "not-found", "Not found",
                            "No version of " + slug + " was live at " + instant + "."))));
        }
        Rendition cached = cache.ifPresent(slug);
        if (cached != null) {
            long staleSeconds = cache.staleSeconds();
            Response fresh = respond(cached, jsonLd, ifNoneMatch);
            if (staleSeconds < 0) {
                return Uni.createFrom().item(fresh);
            }
            Response.ResponseBuilder stale = Response.fromResponse(fresh);
            LiveHeaders.staleness(staleSeconds, stale::header);
            return Uni.createFrom().item(stale.build());
        }
        return blocking(() -> respond(cache.load(slug), jsonLd, ifNoneMatch));
    }

    @GET
    @Path("/{slug}/provenance")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where each section of the live version comes from: who first wrote its text, the approval, "
            + "the last full review and its sources; ?at= for the version live at an instant")
    @APIResponse(responseCode = "200", description = "The provenance, with ETag, Last-Modified and Cache-Control",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Provenance.class)))
    @APIResponse(responseCode = "400", description = "at is not an RFC 3339 instant between the years 1 and 9999")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current representation")
    @APIResponse(responseCode = "404", description = "Unknown, never published, or nothing was live at that instant")
    @APIResponse(responseCode = "410", description = "Retracted, as the article is")
    public Uni<Response> provenance(@PathParam("slug") String slug,
                                    @QueryParam("at") @Parameter(description = "An instant (RFC 3339): the version live then",
                                            schema = @Schema(type = SchemaType.STRING, format = "date-time")) String at,
                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (at != null) {
            Instant instant = parseInstant(at);
            return blocking(() -> repository.provenanceAt(slug, instant)
                    .map(rendition -> respond(rendition, false, ifNoneMatch))
                    .orElseGet(() -> ProblemMappers.respond(Problem.of(404, "not-found", "Not found",
                            "No version of " + slug + " was live at " + instant + "."))));
        }
        Rendition cached = cache.provenanceIfPresent(slug);
        if (cached != null) {
            Response.ResponseBuilder answer = Response.fromResponse(respond(cached, false, ifNoneMatch));
            LiveHeaders.staleness(cache.staleSeconds(), answer::header);
            return Uni.createFrom().item(answer.build());
        }
        return blocking(() -> respond(cache.loadProvenance(slug), false, ifNoneMatch));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublishedArticles",
            summary = "Published summaries, newest first, or ranked by full-text search with q; filter by tag")
    @APIResponse(responseCode = "400", description = "limit outside 1–100, a malformed cursor, or an empty q")
    @APIResponse(responseCode = "200", description = "One page of summaries and the cursor of the next",
            headers = {@Header(name = ApiDescriptionFilter.AGE, ref = ApiDescriptionFilter.AGE),
                    @Header(name = ApiDescriptionFilter.CACHE_STATUS, ref = ApiDescriptionFilter.CACHE_STATUS)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryPage.class)))
    public Uni<Response> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                              @QueryParam("q") String q, @QueryParam("tag") String tag) {
        PageQuery key = new PageQuery(limit, cursor, q, tag);
        byte[] cached = cache.pageIfPresent(key);
        if (cached != null) {
            Response.ResponseBuilder page = Response.ok(cached, MediaType.APPLICATION_JSON);
            LiveHeaders.staleness(cache.staleSeconds(), page::header);
            return Uni.createFrom().item(page.build());
        }
        return blocking(() -> json(cache.page(key, () -> serialized(listing.list(limit, cursor, q, tag)))));
    }

    /** The shape of a list page, for the API description. */
    private record SummaryPage(List<DeliveryListing.Summary> items, @Schema(nullable = true) String nextCursor) {
    }

    private byte[] serialized(Page<DeliveryListing.Summary> page) {
        try {
            return mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page of summaries could not be written as JSON", e);
        }
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private Response respond(Rendition rendition, boolean jsonLd, String ifNoneMatch) {
        if (rendition instanceof Rendition.Live live) {
            Response.ResponseBuilder response = ETags.matches(ifNoneMatch, live.etag(jsonLd))
                    ? Response.notModified()
                    : Response.ok(live.body(jsonLd), jsonLd ? JSON_LD : MediaType.APPLICATION_JSON);
            LiveHeaders.each(live, jsonLd, cacheControl, response::header);
            return response.build();
        }
        if (rendition instanceof Rendition.Retracted retracted) {
            return ProblemMappers.respond(Problem.of(410, "retracted", "Retracted",
                    "This article was withdrawn from publication: " + retracted.reason()));
        }
        return ProblemMappers.respond(Problem.of(404, "not-found", "Not found", "No published article has this address."));
    }

    private static Instant parseInstant(String at) {
        try {
            Instant instant = OffsetDateTime.parse(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw org.imprimatur.infrastructure.ProblemException.badRequest("at must lie between the years 1 and 9999.");
            }
            return instant;
        } catch (DateTimeParseException malformed) {
            throw org.imprimatur.infrastructure.ProblemException.badRequest(
                    "at must be an RFC 3339 instant such as 2026-01-31T12:00:00Z.");
        }
    }

    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

}
