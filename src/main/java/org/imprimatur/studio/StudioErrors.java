package org.imprimatur.studio;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.Problem;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.ProblemMappers;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Refusals shown as pages in words, where the API would answer with a problem document. */
@ApplicationScoped
public class StudioErrors {

    static final String FORGED_FORM_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Form refused · Imprimatur Studio</title>
            <link rel="stylesheet" href="/assets/studio.css"></head><body><main id="main"><h1>Form refused</h1>
            <p>This form did not come from a studio page you opened, or it is too old. Nothing was changed.
            Open the page again and repeat the change.</p><p><a href="/studio">Back to the desk</a></p></main></body></html>""";

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance message(String heading, String text, String back);
    }

    /** A refusal's field errors by field name (list indexes dropped), to show beside the form's fields. */
    static Map<String, String> byField(ProblemException refusal) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<FieldError> found = refusal.problem().errors() == null ? List.of() : refusal.problem().errors();
        for (FieldError error : found) {
            byField.merge(error.field().replaceAll("\\[\\d+]$", ""), error.message(), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    /**
     * Refusals of the studio's pages are pages in words, everyone else's problem documents: one
     * mapper for every studio page, ahead of the service-wide one.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response refused(ProblemException refusal, SimpleResourceInfo resource) {
        boolean studioPage = resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().getPackageName().equals(StudioErrors.class.getPackageName());
        return studioPage ? page(refusal) : ProblemMappers.problemDocument(refusal);
    }

    /** A page reached without a signed-in user sends the visitor to sign in first. */
    @ServerExceptionMapper
    public Response notSignedIn(StudioUser.NotSignedIn missing, HttpServerRequest request) {
        return StudioFilters.signInFirst(request);
    }

    /** A page for a refusal that has no form to show it beside, with the problem's status. */
    public Response page(ProblemException refusal) {
        Problem problem = refusal.problem();
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.message(problem.title(), StudioText.sentence(problem.detail()), null).render())
                .build();
    }
}
