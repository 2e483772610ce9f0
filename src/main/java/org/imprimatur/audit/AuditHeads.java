package org.imprimatur.audit;

import org.imprimatur.infrastructure.CanonicalJson;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The heads of the articles' audit chains and the one root hash over them (docs/security.md). */
public final class AuditHeads {

    private AuditHeads() {
    }

    /** The newest event of one article's chain: its sequence number and hash. */
    public record Head(UUID articleId, int seq, String hash) {
    }

    /**
     * SHA-256 over one line per article, {@code "<article id> <seq> <hash>\n"}, in the order of the
     * article ids as text: anyone holding the heads can recompute it with a few lines of shell.
     */
    public static String root(List<Head> heads) {
        return CanonicalJson.sha256Hex(heads.stream()
                .sorted(Comparator.comparing(head -> head.articleId().toString()))
                .map(head -> head.articleId() + " " + head.seq() + " " + head.hash() + "\n")
                .collect(Collectors.joining()));
    }
}
