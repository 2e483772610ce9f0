package org.imprimatur.accounts;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What was done to an account, as its recorded history names it (docs/security.md, "Accounts").
 * Its label is its name in JSON and in the {@code account_events} table.
 */
public enum AccountAction {
    CREATED, CHANGED, DISABLED, ENABLED, PASSWORD_RESET, PASSWORD_CHANGED;

    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    @JsonValue
    public String label() {
        return label;
    }

    public static AccountAction fromLabel(String label) {
        return Arrays.stream(values()).filter(action -> action.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No account action is called " + label));
    }
}
