package org.imprimatur.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

/** The public keys that verify our tokens (a JWKS document), and their rotation (docs/security.md). */
@Path("/api/v1/auth")
@Tag(name = "Authentication")
public class SigningKeyResource {

    private final SigningKeys signingKeys;

    public SigningKeyResource(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify this service's tokens and signatures, as a JSON Web Key Set")
    @APIResponse(responseCode = "200", description = "The key set")
    public Map<String, List<Map<String, Object>>> jwks() {
        return Map.of("keys", signingKeys.verifyingKeys().stream().map(key -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key.publicKey());
            jwk.setKeyId(key.id());
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }).toList());
    }

    @POST
    @Path("/signing-keys/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Make a new signing key; it signs after the activation delay, and the current key keeps verifying its tokens until they expire")
    @APIResponse(responseCode = "200", description = "The new key's id and the instant it starts to sign")
    @APIResponse(responseCode = "403", description = "Only an admin may rotate keys")
    public SigningKeys.Rotation rotate() {
        return signingKeys.rotate();
    }
}
