package org.imprimatur.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.article.ContentInput;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;

import java.io.IOException;
import java.io.InputStream;

/** {@code POST /api/v1/editorial/import}: a library as NDJSON, one article a line (docs/operations.md, "Importing a library"). */
@Path("/api/v1/editorial/import")
@Tag(name = "Editorial: articles")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.ADMIN_NAME)
public class ImportResource {

    public static final String NDJSON = "application/x-ndjson";

    private static final String EXAMPLE = """
            {"slug":"hand-eczema","title":"Hand eczema","summary":"Why hands flare and what helps.",\
            "sections":[{"key":"intro","aspect":"overview","body":"Hand eczema is common in wet work [@lee-2021]."}],\
            "citations":[{"key":"lee-2021","kind":"review","title":"Occupational hand eczema","doi":"10.1000/example.1"}],\
            "author":"Dr A. Name","savedAt":"2024-03-02T10:00:00Z",\
            "history":[{"version":1,"author":"Dr A. Name","savedAt":"2024-02-01T09:00:00Z","content":{"title":"Hand eczema",\
            "sections":[{"key":"intro","body":"Hand eczema is common [@lee-2021]."}],\
            "citations":[{"key":"lee-2021","kind":"review","title":"Occupational hand eczema","doi":"10.1000/example.1"}]}}],\
            "publishedVersion":2,"approval":{"reviewer":"Dr B. Reviewer","credentials":"MD","approvedAt":"2024-03-05T12:00:00Z",\
            "lastReviewedOn":"2024-03-05","nextReviewDue":"2025-03-05"}}""";

    private final LibraryImport libraryImport;
    private final CurrentActor currentActor;

    public ImportResource(LibraryImport libraryImport, CurrentActor currentActor) {
        this.libraryImport = libraryImport;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a library: one article a line, each with its history; a line that fails stores nothing",
            description = "Each line is an article in the create shape with, optionally, who wrote it and when, its earlier"
                    + " versions and its live version with the old system's approval (the schema). The body is read as it"
                    + " arrives and stored in batches; a slug already stored with the same versions is unchanged, with"
                    + " other content a failed line. Admins only.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON,
            schema = @Schema(description = "One line of the body", allOf = {ContentInput.class, LibraryLine.LibraryFacts.class}),
            examples = @ExampleObject(name = "article-with-history", summary = "One line: two versions, the second live",
                    value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What was imported, unchanged and failed, with the failed lines' errors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importLibrary(InputStream body) throws IOException {
        var actor = QuarkusTransaction.requiringNew().call(currentActor::get);
        return libraryImport.run(body, actor, (articles, failed, bytesRead) -> {
        });
    }
}
