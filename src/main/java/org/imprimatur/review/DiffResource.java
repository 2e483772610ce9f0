package org.imprimatur.review;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.imprimatur.article.ArticleLookup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.QueryParameters;
import org.imprimatur.security.Role;

import java.util.UUID;

@Path("/api/v1/editorial/articles/{id}/diff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: review")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class DiffResource {

    @GET
    @Transactional
    @Operation(summary = "Section-by-section and word-level differences between two versions")
    @APIResponse(responseCode = "200", description = "The differences")
    @APIResponse(responseCode = "400", description = "from or to is missing or not a whole number")
    @APIResponse(responseCode = "404", description = "No such article or version")
    public VersionDiffer.VersionDiff diff(@PathParam("id") UUID id, @QueryParam("from") String fromParameter,
                                         @QueryParam("to") String toParameter) {
        Integer from = QueryParameters.integer("from", fromParameter);
        Integer to = QueryParameters.integer("to", toParameter);
        if (from == null || to == null) {
            throw ProblemException.badRequest("Both from and to version numbers are required.");
        }
        Article article = ArticleLookup.article(id);
        return VersionDiffer.diff(from, version(article, from).content(article.slug),
                to, version(article, to).content(article.slug));
    }

    private static ArticleVersion version(Article article, int number) {
        return ArticleVersion.find(article.id, number)
                .orElseThrow(() -> ProblemException.notFound("Article " + article.id + " has no version " + number + "."));
    }
}
