package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Members of schema.org's HealthAspectEnumeration, written in kebab case without the suffix. */
public enum HealthAspect {
    ALLERGIES("Allergies"),
    BENEFITS("Benefits"),
    CAUSES("Causes"),
    CONTAGIOUSNESS("Contagiousness"),
    EFFECTIVENESS("Effectiveness"),
    GETTING_ACCESS("Getting access"),
    HOW_IT_WORKS("How it works"),
    HOW_OR_WHERE("How or where"),
    INGREDIENTS("Ingredients"),
    LIVING_WITH("Living with"),
    MAY_TREAT("May treat"),
    MISCONCEPTIONS("Misconceptions"),
    OVERVIEW("Overview"),
    PATIENT_EXPERIENCE("Patient experience"),
    PREGNANCY("Pregnancy"),
    PREVENTION("Prevention"),
    PROGNOSIS("Prognosis"),
    RELATED_TOPICS("Related topics"),
    RISKS_OR_COMPLICATIONS("Risks or complications"),
    SAFETY("Safety"),
    SCREENING("Screening"),
    SEE_DOCTOR("When to see a doctor"),
    SELF_CARE("Self-care"),
    SIDE_EFFECTS("Side effects"),
    STAGES("Stages"),
    SYMPTOMS("Symptoms"),
    TREATMENTS("Treatments"),
    TYPES("Types"),
    USAGE_OR_SCHEDULE("Usage or schedule");

    private final String label;
    private final String jsonName;

    HealthAspect(String label) {
        this.label = label;
        // Computed once: it is read for every section or citation stored, hashed and answered.
        this.jsonName = JsonNames.of(this);
    }

    /** How pages name it, e.g. "When to see a doctor". */
    public String label() {
        return label;
    }

    private static final JsonNames<HealthAspect> NAMES = new JsonNames<>(values(), HealthAspect::jsonName);

    /** The name in JSON, in the database and on pages, e.g. {@code see-doctor}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The schema.org URI, e.g. https://schema.org/SeeDoctorHealthAspect. */
    public String schemaOrgUri() {
        String pascal = Arrays.stream(name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining());
        return "https://schema.org/" + pascal + "HealthAspect";
    }

    @Override
    public String toString() {
        return jsonName();
    }

    public static Optional<HealthAspect> fromJsonName(String name) {
        return NAMES.find(name);
    }

    public static String allowedNames() {
        return NAMES.allowed();
    }
}
