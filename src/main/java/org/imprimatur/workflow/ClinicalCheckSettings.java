package org.imprimatur.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.imprimatur.checks.CheckMode;
import org.imprimatur.checks.CheckRule;

/** What each check of an article's text does, and the age past which a source is old (docs/clinical-checks.md). */
@ConfigMapping(prefix = "imprimatur.checks")
public interface ClinicalCheckSettings {

    @WithName("uncited-claim")
    @WithDefault("warn")
    CheckMode uncitedClaim();

    @WithName("claim-citation-mismatch")
    @WithDefault("warn")
    CheckMode claimCitationMismatch();

    @WithName("stale-source")
    @WithDefault("warn")
    CheckMode staleSource();

    @WithName("reading-level")
    @WithDefault("warn")
    CheckMode readingLevel();

    /** A cited source older than this many years is stale where a section speaks of current research. */
    @WithDefault("10")
    int staleSourceYears();

    default CheckMode modeOf(CheckRule rule) {
        return switch (rule) {
            case UNCITED_CLAIM -> uncitedClaim();
            case CLAIM_CITATION_MISMATCH -> claimCitationMismatch();
            case STALE_SOURCE -> staleSource();
            case READING_LEVEL -> readingLevel();
        };
    }
}
