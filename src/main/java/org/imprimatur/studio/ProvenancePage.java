package org.imprimatur.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.imprimatur.article.ArticleView;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.delivery.DeliveryCache;
import org.imprimatur.delivery.Provenance;
import org.imprimatur.delivery.Rendition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Where each section of the live version comes from (docs/studio.md, "Provenance"): the very
 * document {@code GET /api/v1/articles/{slug}/provenance} answers, from the same cache, laid out
 * for a person.
 */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class ProvenancePage {

    private final ArticleViews views;
    private final DeliveryCache delivery;
    private final ObjectMapper mapper;

    public ProvenancePage(ArticleViews views, DeliveryCache delivery, ObjectMapper mapper) {
        this.views = views;
        this.delivery = delivery;
        this.mapper = mapper;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance provenance(ArticleView article, Provenance provenance, String retracted);
    }

    @GET
    @Path("/articles/{id}/provenance")
    public TemplateInstance show(@PathParam("id") UUID id) {
        ArticleView article = views.latest(id).view();
        Rendition rendition = delivery.loadProvenance(article.slug());
        if (rendition instanceof Rendition.Live live) {
            try {
                return Templates.provenance(article, mapper.readValue(live.json(), Provenance.class), null);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("The provenance the delivery API serves could not be read", unreadable);
            }
        }
        return Templates.provenance(article, null,
                rendition instanceof Rendition.Retracted retracted ? retracted.reason() : null);
    }
}
