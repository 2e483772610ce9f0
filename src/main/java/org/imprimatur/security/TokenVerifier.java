package org.imprimatur.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.Problem;
import org.imprimatur.infrastructure.ProblemException;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Verifies bearer tokens: our own (signed with the key in {@link SigningKeys}) and, when configured,
 * those of an external OpenID Connect issuer, whose roles claim is copied to {@code groups}.
 */
@ApplicationScoped
public class TokenVerifier {

    public static final String EXTERNAL_ISSUER_CLAIM = "imprimatur_external";

    private static final AlgorithmConstraints ASYMMETRIC_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);

    // Reads claims without checking anything: used only to choose which consumer verifies.
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    private final SigningKeys signingKeys;
    private final SecuritySettings settings;
    private final Optional<JwtConsumer> externalConsumer;
    private volatile JwtConsumer ownConsumer;

    private final Map<String, Role> roleMapping;

    private final DisabledAccounts disabledAccounts;
    private final AccountFieldChecks fieldChecks;

    public TokenVerifier(SigningKeys signingKeys, SecuritySettings settings, DisabledAccounts disabledAccounts,
                         AccountFieldChecks fieldChecks) {
        this.signingKeys = signingKeys;
        this.fieldChecks = fieldChecks;
        this.disabledAccounts = disabledAccounts;
        this.settings = settings;
        this.externalConsumer = settings.oidc().issuer().map(issuer -> externalConsumer(issuer, settings.oidc()));
        this.roleMapping = roleMapping(settings.oidc().roleMapping().orElse(""));
    }

    /** A configuration mistake about the external issuer stops the start, not the first request. */
    void checkAtStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        externalConsumer.isPresent();
    }

    /** Parses {@code theirs=ours,…}; an unknown role of ours is a configuration error. */
    static Map<String, Role> roleMapping(String pairs) {
        Map<String, Role> mapping = new java.util.HashMap<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] sides = pair.split("=", 2);
            Role ours = sides.length == 2 ? Role.fromTokenName(sides[1].strip()).orElse(null) : null;
            if (ours == null || sides[0].isBlank()) {
                throw new IllegalStateException("imprimatur.auth.oidc.role-mapping: \"" + pair.strip()
                        + "\" is not theirs=ours with ours one of editor, medical-reviewer, admin");
            }
            mapping.put(sides[0].strip(), ours);
        }
        return Map.copyOf(mapping);
    }

    public JwtClaims verify(String token) throws InvalidJwtException {
        // Only with an external issuer configured is it worth peeking at the issuer to pick a consumer.
        Optional<String> externalIssuer = settings.oidc().issuer();
        if (externalConsumer.isPresent() && externalIssuer.get().equals(unverifiedIssuer(token))) {
            JwtClaims claims = externalConsumer.get().processToClaims(token);
            refuseInvalidIdentityClaims(claims);
            refuseDisabled(disabledAccounts.externalAccountDisabled(externalIssuer.get(), subjectOf(claims)));
            refuseIssuedBeforeChange(claims, disabledAccounts.externalCredentialsChangedAt(externalIssuer.get(), subjectOf(claims)));
            claims.setStringListClaim("groups", mappedRoles(claimAt(claims, settings.oidc().rolesClaim()), roleMapping));
            claims.setClaim(EXTERNAL_ISSUER_CLAIM, externalIssuer.get());
            return claims;
        }
        JwtClaims claims = ownConsumer().processToClaims(token);
        String subject = subjectOf(claims);
        refuseDisabled(disabledAccounts.ownAccountDisabled(subject));
        refuseIssuedBeforeChange(claims, disabledAccounts.ownCredentialsChangedAt(subject));
        if (!isUuid(subject) || !disabledAccounts.ownAccountExists(subject)) {
            throw new InvalidJwtException("The token's account does not exist", List.of(), null);
        }
        return claims;
    }

    private static boolean isUuid(String text) {
        try {
            java.util.UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    private static void refuseDisabled(boolean disabled) throws InvalidJwtException {
        if (disabled) {
            throw new InvalidJwtException("The token's account is disabled", List.of(), null);
        }
    }

    /**
     * The name and e-mail of an external identity are recorded on its account and shown beside its
     * work, so they pass the accounts API's checks; a token whose claims do not is refused (401,
     * naming the claims), and nothing is recorded. A subject longer than 255 characters cannot be
     * kept, and is refused too.
     */
    private void refuseInvalidIdentityClaims(JwtClaims claims) throws InvalidJwtException {
        List<FieldError> errors = new ArrayList<>();
        Object name = claims.getClaimValue("name");
        if (name != null && !(name instanceof String)) {
            errors.add(new FieldError("name", "must be a string"));
        } else if (name != null && !((String) name).isBlank()) {
            List<FieldError> found = new ArrayList<>();
            fieldChecks.checkDisplayName(found, (String) name);
            found.forEach(error -> errors.add(new FieldError("name", error.message())));
        }
        Object email = claims.getClaimValue("email");
        if (email != null && !(email instanceof String)) {
            errors.add(new FieldError("email", "must be a string"));
        } else if (email != null) {
            fieldChecks.checkEmail(errors, (String) email);
        }
        if (subjectOf(claims).length() > 255) {
            errors.add(new FieldError("sub", "is longer than 255 characters"));
        }
        if (!errors.isEmpty()) {
            String detail = "The identity provider's token has claims this service does not accept: "
                    + errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")) + ".";
            ProblemException refusal = new ProblemException(
                    Problem.of(401, "invalid-identity-claims", "Unauthorized", detail)
                            .withErrors(errors));
            throw new InvalidJwtException(detail, new ErrorCodeValidator.Error(
                    ErrorCodes.MISCELLANEOUS, detail), refusal, null);
        }
    }

    /** A token issued before its account's password, roles or enabled state changed is refused. */
    private static void refuseIssuedBeforeChange(JwtClaims claims, Optional<Instant> changedAt)
            throws InvalidJwtException {
        if (changedAt.isEmpty()) {
            return;
        }
        Long issuedAt;
        try {
            issuedAt = claims.getIssuedAt() == null ? null : claims.getIssuedAt().getValue();
        } catch (org.jose4j.jwt.MalformedClaimException malformed) {
            issuedAt = null;
        }
        Object readAt = claims.getClaimValue(CredentialChanges.READ_AT_CLAIM);
        if (CredentialChanges.predates(readAt instanceof Number millis ? millis.longValue() : null, issuedAt,
                changedAt.get())) {
            throw new InvalidJwtException("The token was issued before its account's credentials changed", List.of(), null);
        }
    }

    private static String subjectOf(JwtClaims claims) throws InvalidJwtException {
        try {
            return claims.getSubject();
        } catch (org.jose4j.jwt.MalformedClaimException malformed) {
            throw new InvalidJwtException("The token's subject is malformed", List.of(), null);
        }
    }

    private JwtConsumer ownConsumer() {
        if (ownConsumer == null) {
            ownConsumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(settings.issuer())
                    .setSkipDefaultAudienceValidation()
                    // By the token's kid: rotated keys verify until their last tokens expire.
                    .setVerificationKeyResolver((jws, nesting) -> signingKeys.verificationKey(jws.getKeyIdHeaderValue())
                            .orElseThrow(() -> new org.jose4j.lang.UnresolvableKeyException(
                                    "No signing key " + jws.getKeyIdHeaderValue() + " verifies now")))
                    .setJwsAlgorithmConstraints(new AlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
                    .build();
        }
        return ownConsumer;
    }

    private static JwtConsumer externalConsumer(String issuer, SecuritySettings.Oidc oidc) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(issuer)
                .setJwsAlgorithmConstraints(ASYMMETRIC_ONLY);
        // Without an audience, a token the issuer made for any other application would do.
        builder.setExpectedAudience(oidc.audience().filter(audience -> !audience.isBlank())
                .orElseThrow(() -> new IllegalStateException("imprimatur.auth.oidc.issuer is set: set "
                        + "imprimatur.auth.oidc.audience too, to the audience the issuer puts in tokens for this service")));
        if (oidc.jwksUrl().isPresent()) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(oidc.jwksUrl().get())));
        } else if (oidc.publicKey().isPresent()) {
            builder.setVerificationKey(parsePublicKey(oidc.publicKey().get()));
        } else {
            throw new IllegalStateException(
                    "imprimatur.auth.oidc.issuer is set: set imprimatur.auth.oidc.jwks-url or imprimatur.auth.oidc.public-key too");
        }
        return builder.build();
    }

    static PublicKey parsePublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (Exception tryNext) {
                // the key is of the other algorithm
            }
        }
        throw new IllegalStateException("imprimatur.auth.oidc.public-key is not an RSA or EC public key in PEM");
    }

    private static String unverifiedIssuer(String token) throws InvalidJwtException {
        JwtClaims claims = UNVERIFIED.processToClaims(token);
        Object issuer = claims.getClaimValue("iss");
        return issuer == null ? null : issuer.toString();
    }

    private static Object claimAt(JwtClaims claims, String dottedPath) {
        Object value = claims.getClaimsMap();
        for (String part : dottedPath.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** Our roles for the issuer's, through the configured mapping only; unmapped roles are ignored. */
    static List<String> mappedRoles(Object claim, Map<String, Role> mapping) {
        List<String> theirs = new ArrayList<>();
        if (claim instanceof List<?> list) {
            list.forEach(item -> theirs.add(String.valueOf(item)));
        } else if (claim instanceof String text) {
            theirs.addAll(List.of(text.split("[\\s,]+")));
        }
        return theirs.stream().map(mapping::get).filter(java.util.Objects::nonNull).map(Role::tokenName)
                .distinct().toList();
    }
}
