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
import org.imprimatur.accounts.AccountAdministration;
import org.imprimatur.accounts.AccountEventView;
import org.imprimatur.accounts.AccountView;
import org.imprimatur.accounts.SpecialtyAdministration;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.security.StudioSessions;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Account administration for admins, and everyone's own password (docs/security.md, "Accounts"). */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private final AccountAdministration administration;
    private final StudioUser user;
    private final StudioSessions sessions;
    private final SpecialtyAdministration specialties;

    public AccountPages(AccountAdministration administration, StudioUser user, StudioSessions sessions,
                        SpecialtyAdministration specialties) {
        this.specialties = specialties;
        this.sessions = sessions;
        this.administration = administration;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance accounts(List<AccountView> accounts, String refusal, Map<String, String> errors,
                                                NewAccountTyped typed);

        static native TemplateInstance account(AccountView account, String message, String refusal,
                                               Map<String, String> errors, List<AccountEventView> events,
                                               List<SpecialtyAdministration.SpecialtyView> specialties);

        static native TemplateInstance password(String message, String refusal, Map<String, String> errors);
    }

    /** What an admin typed into the new-account form, shown again when it is refused; never the password. */
    public record NewAccountTyped(String username, String displayName, String email, String credentials) {

        static final NewAccountTyped NOTHING = new NewAccountTyped("", "", "", "");

        static NewAccountTyped of(String username, String displayName, String email, String credentials) {
            return new NewAccountTyped(orEmpty(username), orEmpty(displayName), orEmpty(email), orEmpty(credentials));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    @GET
    @Path("/accounts")
    public TemplateInstance list() {
        return listPage(null, Map.of(), NewAccountTyped.NOTHING);
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
            return Response.status(refusal.problem().status()).entity(listPage(StudioText.sentence(refusal.problem().detail()),
                    StudioErrors.byField(refusal), NewAccountTyped.of(username, displayName, email, credentials))).build();
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
                           @RestForm String password, @RestForm List<String> specialties, @RestForm String languages,
                           @RestForm String op) {
        AccountAdministration.AccountChange change = switch (op == null ? "" : op) {
            case "disable" -> new AccountAdministration.AccountChange(null, null, null, null, true, null);
            case "enable" -> new AccountAdministration.AccountChange(null, null, null, null, false, null);
            case "reset-password" -> new AccountAdministration.AccountChange(null, null, null, null, null,
                    password == null ? "" : password);
            default -> new AccountAdministration.AccountChange(displayName, email == null ? "" : email,
                    credentials == null ? "" : credentials, roles == null ? List.of() : roles, null, null,
                    specialties == null ? List.of() : specialties, languageTags(languages));
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
        return Templates.password(null, null, Map.of());
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
            return Response.ok(Templates.password("Your password was changed.", null, Map.of()))
                    .cookie(SignInPage.sessionCookie(session, request, -1)).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status()).entity(Templates.password(null,
                    StudioText.sentence(refusal.problem().detail()), StudioErrors.byField(refusal))).build();
        }
    }

    /** The languages field, tags separated by commas or spaces. */
    static List<String> languageTags(String typed) {
        return typed == null ? List.of() : java.util.Arrays.stream(typed.split("[,\\s]+")).filter(tag -> !tag.isEmpty()).toList();
    }

    private TemplateInstance listPage(String refusal, Map<String, String> fieldErrors, NewAccountTyped typed) {
        return Templates.accounts(administration.list(user.actor()), refusal, fieldErrors, typed);
    }

    private TemplateInstance accountPage(AccountView shown, String message, String refusal, Map<String, String> fieldErrors) {
        return Templates.account(shown, message, refusal, fieldErrors,
                administration.events(shown.username(), user.actor()), specialties.list());
    }
}
