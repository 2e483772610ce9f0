package org.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/**
 * Whom a version is written for (docs/content-model.md): it sets the reading target of the
 * reading-level check and schema.org's {@code audience} of the delivered page.
 */
public enum Audience {
    PATIENTS("Patients and the public", "Patient"),
    CLINICIANS("Clinicians", "Clinician");

    private final String label;
    private final String schemaOrgAudienceType;
    private final String jsonName;

    Audience(String label, String schemaOrgAudienceType) {
        this.label = label;
        this.schemaOrgAudienceType = schemaOrgAudienceType;
        this.jsonName = JsonNames.of(this);
    }

    /** How pages name it, e.g. "Clinicians". */
    public String label() {
        return label;
    }

    /** schema.org's {@code MedicalAudienceType} member: {@code Patient} or {@code Clinician}. */
    public String schemaOrgAudienceType() {
        return schemaOrgAudienceType;
    }

    /** The name in JSON, in the database and on pages: {@code patients} or {@code clinicians}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName();
    }

    private static final JsonNames<Audience> NAMES = new JsonNames<>(values(), Audience::jsonName);

    public static Optional<Audience> fromJsonName(String name) {
        return NAMES.find(name);
    }

    public static String allowedNames() {
        return NAMES.allowed();
    }
}
