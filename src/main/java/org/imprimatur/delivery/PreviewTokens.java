package org.imprimatur.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Preview tokens (docs/integration.md, "Previews"): the link's id and expiry, and an HMAC-SHA256 of
 * both under the service's preview key. A token that was altered, or whose time is up, is worth
 * nothing before the database is asked; whether it was revoked is the database's to say.
 */
public final class PreviewTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int PAYLOAD_BYTES = 16 + 8;

    private final byte[] key;

    public PreviewTokens(byte[] key) {
        this.key = key.clone();
    }

    public String issue(UUID linkId, Instant expiresAt) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(linkId.getMostSignificantBits())
                .putLong(linkId.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond()).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The link a genuine, unexpired token names; empty for anything else. */
    public Optional<UUID> verify(String token, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        UUID linkId = new UUID(fields.getLong(), fields.getLong());
        Instant expiresAt = Instant.ofEpochSecond(fields.getLong());
        return now.isBefore(expiresAt) ? Optional.of(linkId) : Optional.empty();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}
