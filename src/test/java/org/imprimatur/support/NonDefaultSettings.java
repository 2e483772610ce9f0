package org.imprimatur.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The settings that some test classes need to differ from the suite's: one profile for all of them,
 * so that Quarkus restarts once for them rather than once per class. Each setting is harmless to the
 * other classes of the profile:
 * <ul>
 *   <li>an uncited claim blocks submission (BlockingChecksTest; the fixtures cite their claims), with
 *       the reading level off;</li>
 *   <li>webhooks to private addresses are refused, as by default in production (PrivateTargetsTest);</li>
 *   <li>tokens of an external OpenID Connect issuer are accepted, signed with {@link #ISSUER_KEYS}
 *       (ExternalIssuerTest; the service's own tokens still work).</li>
 * </ul>
 */
public class NonDefaultSettings implements QuarkusTestProfile {

    public static final String ISSUER = "https://login.example.org/realms/health";
    public static final String AUDIENCE = "imprimatur";
    public static final KeyPair ISSUER_KEYS = newKeyPair();

    @Override
    public Map<String, String> getConfigOverrides() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER_KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        return Map.of(
                "imprimatur.checks.uncited-claim", "block-submit",
                "imprimatur.checks.reading-level", "off",
                "imprimatur.webhooks.allow-private-targets", "false",
                "imprimatur.auth.oidc.issuer", ISSUER,
                "imprimatur.auth.oidc.public-key", pem,
                "imprimatur.auth.oidc.roles-claim", "realm_access.roles",
                "imprimatur.auth.oidc.audience", AUDIENCE,
                "imprimatur.auth.oidc.username-claim", "login",
                "imprimatur.auth.oidc.role-mapping", "cms-editors=editor, clinicians=medical-reviewer");
    }

    /** A fresh RSA key pair, as an identity provider holds one. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
