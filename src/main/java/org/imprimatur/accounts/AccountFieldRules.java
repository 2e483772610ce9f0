package org.imprimatur.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.AccountFieldChecks;

import java.util.List;

/** AccountRules' checks, handed to security/ for the claims of external identities. */
@ApplicationScoped
public class AccountFieldRules implements AccountFieldChecks {

    @Override
    public void checkDisplayName(List<FieldError> errors, String displayName) {
        AccountRules.checkDisplayName(errors, displayName);
    }

    @Override
    public void checkEmail(List<FieldError> errors, String email) {
        AccountRules.checkEmail(errors, email);
    }
}
