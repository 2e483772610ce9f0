package org.imprimatur.security;

import org.imprimatur.infrastructure.FieldError;

import java.util.List;

/**
 * The accounts API's checks of a display name and an e-mail address. The claims of an external
 * identity pass the same checks (docs/security.md), so there is one rule for both. Implemented in
 * accounts/ by AccountRules, which sits above this package and may not be imported from it.
 */
public interface AccountFieldChecks {

    /** Adds a {@code displayName} error when the name is not acceptable. */
    void checkDisplayName(List<FieldError> errors, String displayName);

    /** Adds an {@code email} error when the address is not acceptable; null and empty are. */
    void checkEmail(List<FieldError> errors, String email);
}
