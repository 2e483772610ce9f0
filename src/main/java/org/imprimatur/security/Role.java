package org.imprimatur.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Staff roles. An admin holds the editor's rights as well, never the medical reviewer's. */
public enum Role {
    EDITOR("editor"), MEDICAL_REVIEWER("medical-reviewer"), ADMIN("admin");

    public static final String EDITOR_NAME = "editor";
    public static final String MEDICAL_REVIEWER_NAME = "medical-reviewer";
    public static final String ADMIN_NAME = "admin";

    private final String tokenName;

    Role(String tokenName) {
        this.tokenName = tokenName;
    }

    /** The name in tokens, in the API and on pages. */
    @JsonValue
    public String tokenName() {
        return tokenName;
    }

    public static Optional<Role> fromTokenName(String name) {
        return Arrays.stream(values()).filter(role -> role.tokenName.equals(name)).findFirst();
    }
}
