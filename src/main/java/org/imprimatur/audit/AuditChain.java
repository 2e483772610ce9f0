package org.imprimatur.audit;

import org.imprimatur.infrastructure.CanonicalJson;

import java.util.List;

/** The hash chain over an article's audit events: hash = SHA-256(previous hash ‖ canonical event). */
public final class AuditChain {

    /** What the first event of every article is chained to. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, AuditEvent event) {
        return CanonicalJson.sha256Hex(previousHash + CanonicalJson.serialize(event.hashedFields()));
    }

    /** Whether the events, oldest first, form an unbroken chain from the genesis value. */
    public static boolean isValid(List<AuditEvent> events) {
        String previous = GENESIS;
        int expectedSeq = 1;
        for (AuditEvent event : events) {
            if (event.seq != expectedSeq++ || !previous.equals(event.previousHash)
                    || !hash(previous, event).equals(event.hash)) {
                return false;
            }
            previous = event.hash;
        }
        return true;
    }
}
