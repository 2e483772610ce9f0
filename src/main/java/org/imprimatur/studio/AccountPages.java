package org.imprimatur.studio;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.accounts.AccountAdministration;
import org.imprimatur.accounts.AccountView;
import org.imprimatur.infrastructure.ProblemException;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Account administration for admins, and everyone's own password (docs/security.md, "Accounts"). */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private final Template accounts;
    private final Template account;
    private final Template password;
    private final AccountAdministration administration;
    private final StudioUser user;
    private final StudioSessions sessions;

    public AccountPages(@Location("studio/accounts.html") Template accounts, @Location("studio/account.html") Template account,
                        @Location("studio/password.html") Template password, AccountAdministration administration,
                        StudioUser user, StudioSessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.account = account;
        this.password = password;
        this.administration = administration;
        this.user = user;
    }

    @GET
    @Path("/accounts")
    public TemplateInstance list() {
        return listPage(null, Map.of(), Map.of("username", "", "displayName", "", "email", "", "credentials", ""));
    }

    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String email,
                           @RestForm String credentials, @RestForm List<String> roles, @RestForm String password) {
        try {
            AccountView created = administration.create(new AccountAdministration.NewAccount(username, displayName, email,
                    credentials, roles, password), user.actor());
            return Response.seeOther(URI.create("/studio/accounts/" + created.username() + "?created=1")).build();
        } catch (ProblemException refusal) {
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("username", username == null ? "" : username);
            typed.put("displayName", displayName == null ? "" : displayName);
            typed.put("email", email == null ? "" : email);
            typed.put("credentials", credentials == null ? "" : credentials);
            typed.put("roles", roles == null ? List.of() : roles);
            return Response.status(refusal.problem().status())
                    .entity(listPage(StudioText.sentence(refusal.problem().detail()), StudioErrors.byField(refusal), typed)).build();
        }
    }

    @GET
    @Path("/accounts/{username}")
    public TemplateInstance show(@PathParam("username") String username, @org.jboss.resteasy.reactive.RestQuery String created) {
        return accountPage(administration.get(username, user.actor()), created == null ? null : "Account created.", null, Map.of());
    }

    @POST
    @Path("/accounts/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("username") String username, @RestForm String displayName, @RestForm String email,
                           @RestForm String credentials, @RestForm List<String> roles, @RestForm String disabled,
                           @RestForm String password, @RestForm String op) {
        AccountAdministration.AccountChange change = switch (op == null ? "" : op) {
            case "disable" -> new AccountAdministration.AccountChange(null, null, null, null, true, null);
            case "enable" -> new AccountAdministration.AccountChange(null, null, null, null, false, null);
            case "reset-password" -> new AccountAdministration.AccountChange(null, null, null, null, null,
                    password == null ? "" : password);
            default -> new AccountAdministration.AccountChange(displayName, email == null ? "" : email,
                    credentials == null ? "" : credentials, roles == null ? List.of() : roles, null, null);
        };
        try {
            AccountView changed = administration.change(username, change, user.actor());
            return Response.ok(accountPage(changed, "Saved.", null, Map.of())).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status()).entity(accountPage(administration.get(username, user.actor()),
                    null, StudioText.sentence(refusal.problem().detail()), StudioErrors.byField(refusal))).build();
        }
    }

    @GET
    @Path("/password")
    public TemplateInstance passwordForm() {
        return password.data("message", null).data("refusal", null).data("errors", Map.of());
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
                                   io.vertx.core.http.HttpServerRequest request) {
        try {
            administration.changeOwnPassword(new AccountAdministration.PasswordChange(currentPassword, newPassword), user.actor());
            // The change ended every session of the account; this browser goes on in a new one.
            String session = sessions.start(user.actor().id());
            return Response.ok(password.data("message", "Your password was changed.").data("refusal", null)
                    .data("errors", Map.of())).cookie(SignInPage.sessionCookie(session, request, -1)).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status()).entity(password.data("message", null)
                    .data("refusal", StudioText.sentence(refusal.problem().detail())).data("errors", StudioErrors.byField(refusal))).build();
        }
    }

    private TemplateInstance listPage(String refusal, Map<String, String> fieldErrors, Map<String, Object> typed) {
        return accounts.data("accounts", administration.list(user.actor())).data("refusal", refusal)
                .data("errors", fieldErrors).data("typed", typed);
    }

    private TemplateInstance accountPage(AccountView shown, String message, String refusal, Map<String, String> fieldErrors) {
        return account.data("account", shown).data("message", message).data("refusal", refusal).data("errors", fieldErrors)
                .data("events", administration.events(shown.username(), user.actor()));
    }
}
