package org.imprimatur.checks;

/**
 * What the checks measure against (docs/clinical-checks.md): the US school grade that the
 * article's audience should manage, and how many years a source may be old in a section that
 * speaks of current research.
 */
public record CheckSettings(double readingGradeTarget, int staleSourceYears) {

    /** Patients: the AMA and the NIH ask for grade 6–8; 8 is the upper end. */
    public static final double PATIENTS_READING_GRADE = 8;
    public static final int DEFAULT_STALE_SOURCE_YEARS = 10;

    public CheckSettings {
        if (!(readingGradeTarget >= 1 && readingGradeTarget <= 20)) {
            throw new IllegalArgumentException("reading grade target must be from 1 to 20, not " + readingGradeTarget);
        }
        if (staleSourceYears < 1 || staleSourceYears > 100) {
            throw new IllegalArgumentException("stale source years must be from 1 to 100, not " + staleSourceYears);
        }
    }

    /** For patients, sources stale after ten years. */
    public static CheckSettings defaults() {
        return new CheckSettings(PATIENTS_READING_GRADE, DEFAULT_STALE_SOURCE_YEARS);
    }
}
