package org.imprimatur.accounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** Account administration over HTTP; the rules are in {@link AccountAdministration}. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class AccountResource {

    private final AccountAdministration accounts;
    private final CurrentActor currentActor;

    public AccountResource(AccountAdministration accounts, CurrentActor currentActor) {
        this.accounts = accounts;
        this.currentActor = currentActor;
    }

    @GET
    @Operation(summary = "List every account, built-in and external")
    public List<AccountView> listAccounts() {
        return accounts.list(currentActor.get());
    }

    @POST
    @Operation(summary = "Create a built-in account with an initial password (at least 12 characters)")
    @APIResponse(responseCode = "201", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "The username is taken")
    @APIResponse(responseCode = "422", description = "A field is invalid, e.g. the password is too short")
    public Response createAccount(AccountAdministration.NewAccount request) {
        AccountView created = accounts.create(request, currentActor.get());
        return Response.created(UriBuilder.fromPath("/api/v1/accounts/{username}").build(created.username()))
                .entity(created).build();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "No such account")
    public AccountView getAccount(@PathParam("username") String username) {
        return accounts.get(username, currentActor.get());
    }

    @PATCH
    @Path("/{username}")
    @Operation(summary = "Change name, e-mail, credentials or roles, disable or enable, or reset the password")
    @APIResponse(responseCode = "200", description = "The account as changed")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "The change would leave no enabled admin")
    @APIResponse(responseCode = "422", description = "A field is invalid")
    public AccountView changeAccount(@PathParam("username") String username, AccountAdministration.AccountChange change) {
        return accounts.change(username, change, currentActor.get());
    }

    @GET
    @Path("/{username}/events")
    @Operation(summary = "The account's recorded changes, newest first (never a password)")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(responseCode = "404", description = "No such account")
    public List<AccountEventView> accountEvents(@PathParam("username") String username) {
        return accounts.events(username, currentActor.get());
    }

    @POST
    @Path("/me/password")
    @Operation(summary = "Change the signed-in account's own password; the current one is required")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "409", description = "The account's password is managed by its identity provider")
    @APIResponse(responseCode = "422", description = "The current password is wrong or the new one too short")
    public void changeOwnPassword(AccountAdministration.PasswordChange change) {
        accounts.changeOwnPassword(change, currentActor.get());
    }
}
