package org.imprimatur.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.imprimatur.article.Audience;

/** The reading grade (US school grade) each audience's text should not exceed (docs/clinical-checks.md). */
@ConfigMapping(prefix = "imprimatur.reading-target")
public interface ReadingTargets {

    /** For patients and the public: grade 8, the upper end of what health-literacy guidance advises. */
    @WithDefault("8")
    double patients();

    /**
     * For clinicians: grade 14, about the second year of a degree. Clear clinical prose scores 12–14
     * by its long terms alone (corticosteroid, pharmacokinetic); 14 still flags the section whose
     * sentences run long as well (docs/clinical-checks.md).
     */
    @WithDefault("14")
    double clinicians();

    default double of(Audience audience) {
        return switch (audience) {
            case PATIENTS -> patients();
            case CLINICIANS -> clinicians();
        };
    }
}
