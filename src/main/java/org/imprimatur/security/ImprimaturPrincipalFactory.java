package org.imprimatur.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwt.consumer.InvalidJwtException;

/** Hands smallrye-jwt's bearer authentication our verifier, which knows both our key and the OIDC issuer. */
@ApplicationScoped
@Alternative
@Priority(1)
public class ImprimaturPrincipalFactory extends JWTCallerPrincipalFactory {

    private final TokenVerifier verifier;

    public ImprimaturPrincipalFactory(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            return new DefaultJWTCallerPrincipal(token, "JWT", verifier.verify(token));
        } catch (InvalidJwtException e) {
            throw new ParseException("The bearer token is not valid", e);
        }
    }
}
