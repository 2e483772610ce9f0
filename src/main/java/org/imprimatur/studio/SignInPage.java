package org.imprimatur.studio;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.security.SignInThrottle;
import org.imprimatur.security.StudioSessions;
import org.imprimatur.security.TokenService;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.regex.Pattern;

/** Signing in and out of the studio, with the same accounts and throttle as the token endpoint. */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final TokenService tokens;
    private final SignInThrottle throttle;
    private final StudioSessions sessions;
    private final StudioUser user;

    public SignInPage(TokenService tokens, SignInThrottle throttle, StudioSessions sessions, StudioUser user) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.sessions = sessions;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance signIn(String next, String message, String username);
    }

    @GET
    @Path("/sign-in")
    @StudioPage.OpenWithoutSession
    public Response form(@RestQuery String next) {
        if (user.isSignedIn()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return Response.ok(Templates.signIn(safeNext(next), null, null)).build();
    }

    @POST
    @Path("/sign-in")
    @StudioPage.OpenWithoutSession
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm String next,
                           HttpServerRequest request) {
        String name = username == null ? "" : username.strip();
        try {
            return throttle.attempt(name, SignInThrottle.clientAddress(request),
                            () -> tokens.authenticate(name, password == null ? "" : password))
                    .map(account -> Response.seeOther(URI.create(safeNext(next)))
                            .cookie(sessionCookie(sessions.start(account), request, -1)).build())
                    .orElseGet(() -> refused(401, name, next, "The username or password is wrong."));
        } catch (ProblemException tooMany) {
            if (tooMany.problem().status() != 429) {
                throw tooMany;
            }
            return refused(429, name, next, "Too many failed attempts. Wait " + tooMany.retryAfterSeconds()
                    + " seconds and try again.");
        }
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@RestForm("csrf-token") String csrf, HttpServerRequest request) {
        Cookie cookie = request.getCookie(StudioSessions.COOKIE);
        sessions.end(cookie == null ? null : cookie.getValue());
        return Response.seeOther(URI.create("/studio/sign-in")).cookie(sessionCookie("", request, 0)).build();
    }

    private Response refused(int status, String username, String next, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.signIn(safeNext(next), message, username)).build();
    }

    /** HttpOnly and SameSite=Strict always; Secure when the studio is reached over HTTPS. */
    static NewCookie sessionCookie(String value, HttpServerRequest request, int maxAge) {
        boolean https = "https".equalsIgnoreCase(request.scheme())
                || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        return new NewCookie.Builder(StudioSessions.COOKIE).value(value).path(StudioFilters.PREFIX).httpOnly(true)
                .secure(https).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    private static final Pattern SAFE_NEXT = Pattern.compile("(?:[A-Za-z0-9/._~\\-?=&+]|%[0-9A-Fa-f]{2})*");

    /**
     * Only a studio path: a link cannot send someone who signs in to another site, nor, by dot
     * segments the browser would resolve, to another part of this one.
     */
    static String safeNext(String next) {
        String path = next == null ? null : next.split("[?#]", 2)[0];
        // Only characters a URI holds as they are, and well-formed escapes: anything else would be a
        // link the browser reads differently, or one that cannot be made into a Location at all.
        if (path == null || !SAFE_NEXT.matcher(next).matches() || !StudioFilters.isStudio(path) || path.contains("//")
                || path.contains("\\")
                || path.contains("..") || path.toLowerCase(java.util.Locale.ROOT).contains("%2e")) {
            return StudioFilters.PREFIX;
        }
        return next;
    }
}
