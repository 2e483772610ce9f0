package org.imprimatur.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.Problem;
import org.imprimatur.infrastructure.ProblemException;

@Path("/api/v1/auth/token")
@Tag(name = "Authentication")
public class TokenResource {

    private final TokenService tokens;
    private final SignInThrottle throttle;

    public TokenResource(TokenService tokens, SignInThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** Credentials of a built-in account. */
    public record Credentials(String username, String password) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a built-in account's password for a bearer token")
    @APIResponse(responseCode = "200", description = "The access token")
    @APIResponse(responseCode = "401", description = "Unknown account or wrong password")
    @APIResponse(responseCode = "422", description = "username or password is missing")
    @APIResponse(responseCode = "429", description = "Too many failed attempts for this username or from this address; see Retry-After")
    public TokenService.IssuedToken token(Credentials credentials, @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw ProblemException.invalid("username", "username and password are required");
        }
        return throttle.attempt(credentials.username(), SignInThrottle.clientAddress(request),
                        () -> tokens.issue(credentials.username(), credentials.password()))
                .orElseThrow(() -> new ProblemException(Problem.of(401, "invalid-credentials", "Unauthorized",
                        "The username or password is wrong.")));
    }
}
