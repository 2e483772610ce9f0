package org.imprimatur.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where each section of a live article comes from (docs/delivery.md, "Provenance"): who first wrote
 * its exact text, which clinician's approval made the version live, the last full review that
 * covered the text, and the sources the section cites.
 */
public record Provenance(String slug, int version, Instant publishedAt, List<SectionProvenance> sections) {

    /**
     * @param sha256     SHA-256 of the section's body as written (UTF-8), in hex
     * @param firstWritten the version that first wrote this exact body, and its author
     * @param approval   the approval that made the live version live
     * @param fullReview the newest full review (or reconfirmation) of a version with this exact body; null if none
     */
    public record SectionProvenance(String key, String heading, String sha256, Origin firstWritten, Approval approval,
                                    @Schema(nullable = true) FullReview fullReview, List<Source> sources) {
    }

    @Schema(name = "ProvenanceOrigin")
    public record Origin(int version, String author) {
    }

    @Schema(name = "ProvenanceClinician")
    public record Clinician(String name, String credentials) {
    }

    @Schema(name = "ProvenanceApproval")
    public record Approval(Clinician clinician, Instant approvedAt, String scope) {
    }

    @Schema(name = "ProvenanceFullReview")
    public record FullReview(Clinician reviewer, LocalDate reviewedOn, int version) {
    }

    /** A cited source, with the address a reader follows: its URL, else its DOI's, else its PubMed page. */
    @Schema(name = "ProvenanceSource")
    public record Source(String key, String title, @Schema(nullable = true) String doi, @Schema(nullable = true) String pmid,
                         @Schema(nullable = true) String link) {

        static Source of(String key, String title, String doi, String pmid, String url) {
            return new Source(key, title, doi, pmid, readerLink(url, doi, pmid));
        }

        /** The address a reader follows to a source, in the public article's JSON-LD too; null if it has none. */
        static String readerLink(String url, String doi, String pmid) {
            return url != null ? url : doi != null ? "https://doi.org/" + doi
                    : pmid != null ? "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/" : null;
        }
    }
}
