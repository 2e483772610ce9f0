package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Members of schema.org's HealthAspectEnumeration, written in kebab case without the suffix. */
public enum HealthAspect {
    ALLERGIES, BENEFITS, CAUSES, CONTAGIOUSNESS, EFFECTIVENESS, GETTING_ACCESS, HOW_IT_WORKS,
    HOW_OR_WHERE, INGREDIENTS, LIVING_WITH, MAY_TREAT, MISCONCEPTIONS, OVERVIEW, PATIENT_EXPERIENCE,
    PREGNANCY, PREVENTION, PROGNOSIS, RELATED_TOPICS, RISKS_OR_COMPLICATIONS, SAFETY, SCREENING,
    SEE_DOCTOR, SELF_CARE, SIDE_EFFECTS, STAGES, SYMPTOMS, TREATMENTS, TYPES, USAGE_OR_SCHEDULE;

    private static final Map<String, HealthAspect> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(HealthAspect::jsonName, Function.identity()));

    /** The name in JSON, in the database and on pages, e.g. {@code see-doctor}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(HealthAspect::jsonName).collect(Collectors.joining(", "));
    }
}
