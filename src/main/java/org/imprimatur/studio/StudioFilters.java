package org.imprimatur.studio;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.security.Actor;
import org.imprimatur.security.StudioSessions;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The studio's doors (docs/studio.md, docs/security.md "The studio's door"): every page but sign-in
 * needs a live session, which the session cookie names and only the studio honours; a form post
 * without the page's CSRF token is refused with 403; studio pages are never cached and may load
 * scripts and styles only from here. Which requests are studio pages is decided by the resource
 * class the router matched ({@link StudioPage}), never by how the request spelt its path: the router
 * normalises {@code //}, dot segments, percent-encodings and matrix parameters, a path test would not.
 */
public class StudioFilters {

    static final String PREFIX = "/studio";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:; "
            + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final StudioSessions sessions;
    private final StudioUser user;

    public StudioFilters(StudioSessions sessions, StudioUser user) {
        this.sessions = sessions;
        this.user = user;
    }

    @ServerRequestFilter
    public Optional<Response> requireSession(HttpServerRequest request, SimpleResourceInfo resource) {
        if (!isStudioPage(resource)) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookie(StudioSessions.COOKIE);
        Optional<Actor> actor = cookie == null ? Optional.empty() : sessions.resume(cookie.getValue());
        actor.ifPresent(user::signedIn);
        if (actor.isPresent() || isOpenWithoutSession(resource)) {
            return Optional.empty();
        }
        return Optional.of(signInFirst(request));
    }

    /** To the sign-in page, coming back to this page after it when it was a plain read of a clean path. */
    static Response signInFirst(HttpServerRequest request) {
        String path = request.path();
        boolean cleanRead = SAFE_METHODS.contains(request.method().name()) && isStudio(path);
        String back = cleanRead ? path + (request.query() == null ? "" : "?" + request.query()) : PREFIX;
        return Response.seeOther(URI.create("/studio/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                .build();
    }

    @ServerResponseFilter
    public void protectPages(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing,
                             SimpleResourceInfo resource) {
        if (!isStudioPage(resource) && !isStudio(routing.normalizedPath())) {
            return;
        }
        // The CSRF filter refuses a post without a valid token with a bare 400 and leaves no mark of
        // success; a studio post refused that way is a forged or stale form, which is a 403.
        if (!SAFE_METHODS.contains(request.getMethod()) && response.getStatus() == 400
                && routing.get("csrf_token_verified") == null) {
            response.setStatus(403);
            response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
            response.setEntity(StudioErrors.FORGED_FORM_PAGE);
        }
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    static boolean isStudioPage(SimpleResourceInfo resource) {
        return resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(StudioPage.class);
    }

    private static boolean isOpenWithoutSession(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(StudioPage.OpenWithoutSession.class);
        } catch (NoSuchMethodException unmatched) {
            return false;
        }
    }

    static boolean isStudio(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }
}
