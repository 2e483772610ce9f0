package org.imprimatur.studio;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;

/**
 * Who is signed in to the studio for this request, and the form token that proves a post came
 * from one of the studio's own pages. Templates reach it as {@code inject:studioUser}.
 */
@RequestScoped
@Named("studioUser")
public class StudioUser {

    static final String CSRF_COOKIE = "csrf-token";

    private final HttpServerRequest request;
    private Actor actor;

    public StudioUser(HttpServerRequest request) {
        this.request = request;
    }

    void signedIn(Actor signedIn) {
        this.actor = signedIn;
    }

    /**
     * The signed-in actor. The studio's door has made sure there is one on every page but sign-in;
     * should a page be reached without one all the same, it sends the visitor to sign in.
     */
    public Actor actor() {
        if (actor == null) {
            throw new NotSignedIn();
        }
        return actor;
    }

    /** A page needed a signed-in user and there was none. */
    static final class NotSignedIn extends RuntimeException {
        NotSignedIn() {
            super("This page needs a studio session", null, false, false);
        }
    }

    public boolean isSignedIn() {
        return actor != null;
    }

    public String getName() {
        return actor == null ? "" : actor.name();
    }

    public String getUsername() {
        return actor == null ? "" : actor.username();
    }

    public boolean isEditor() {
        return actor != null && actor.holds(Role.EDITOR);
    }

    public boolean isReviewer() {
        return actor != null && actor.holds(Role.MEDICAL_REVIEWER);
    }

    public boolean isAdmin() {
        return actor != null && actor.roles().contains(Role.ADMIN);
    }

    /** The double-submit token: the value of the CSRF cookie, repeated in every form. */
    public String getCsrf() {
        Cookie cookie = request.getCookie(CSRF_COOKIE);
        return cookie == null ? "" : cookie.getValue();
    }
}
