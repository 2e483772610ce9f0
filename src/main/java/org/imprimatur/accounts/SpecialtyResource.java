package org.imprimatur.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;

import java.util.List;

/** The list of specialties over HTTP; the rules are in {@link SpecialtyAdministration}. */
@Path("/api/v1/specialties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class SpecialtyResource {

    private final SpecialtyAdministration specialties;
    private final CurrentActor currentActor;

    public SpecialtyResource(SpecialtyAdministration specialties, CurrentActor currentActor) {
        this.specialties = specialties;
        this.currentActor = currentActor;
    }

    @GET
    @Operation(summary = "The specialties accounts review and articles may need, by name, with how many of each use them")
    @APIResponse(responseCode = "200", description = "The list")
    public List<SpecialtyAdministration.SpecialtyView> listSpecialties() {
        return specialties.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a specialty (admins)")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SpecialtyAdministration.SpecialtyView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "409", description = "The specialty is already in the list")
    @APIResponse(responseCode = "422", description = "The name is not lower-case words joined by hyphens, 2–60 characters")
    public Response addSpecialty(SpecialtyAdministration.NewSpecialty request) {
        SpecialtyAdministration.SpecialtyView added = specialties.add(request, currentActor.get());
        return Response.created(UriBuilder.fromPath("/api/v1/specialties/{name}").build(added.name())).entity(added).build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a specialty that no account and no article uses (admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such specialty")
    @APIResponse(responseCode = "409", description = "An account or an article uses it")
    public void deleteSpecialty(@PathParam("name") String name) {
        specialties.delete(name, currentActor.get());
    }
}
