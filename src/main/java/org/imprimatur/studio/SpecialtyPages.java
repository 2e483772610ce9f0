package org.imprimatur.studio;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.accounts.SpecialtyAdministration;
import org.imprimatur.infrastructure.ProblemException;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** The admins' list of specialties (docs/studio.md, "Specialties"; docs/workflow.md, "Reviewer scope"). */
@Path("/studio/specialties")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class SpecialtyPages {

    private final SpecialtyAdministration specialties;
    private final StudioUser user;

    public SpecialtyPages(SpecialtyAdministration specialties, StudioUser user) {
        this.specialties = specialties;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance specialties(List<SpecialtyAdministration.SpecialtyView> specialties, String message,
                                                   String refusal, Map<String, String> errors, String typed);
    }

    @GET
    public TemplateInstance list() {
        requireAdmin();
        return Templates.specialties(specialties.list(), null, null, Map.of(), "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String name) {
        try {
            SpecialtyAdministration.SpecialtyView added = specialties.add(new SpecialtyAdministration.NewSpecialty(name), user.actor());
            return Response.ok(Templates.specialties(specialties.list(), "Added " + added.name() + ".", null, Map.of(), "")).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status()).entity(Templates.specialties(specialties.list(), null,
                    StudioText.sentence(refusal.problem().detail()), StudioErrors.byField(refusal), name == null ? "" : name)).build();
        }
    }

    @POST
    @Path("/{name}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("name") String name) {
        try {
            specialties.delete(name, user.actor());
            return Response.ok(Templates.specialties(specialties.list(), "Deleted " + name + ".", null, Map.of(), "")).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status()).entity(Templates.specialties(specialties.list(), null,
                    StudioText.sentence(refusal.problem().detail()), Map.of(), "")).build();
        }
    }

    private void requireAdmin() {
        if (!user.actor().roles().contains(org.imprimatur.security.Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may manage the specialties.");
        }
    }
}
