package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.infrastructure.ServiceSettings;
import org.imprimatur.rules.ReviewerScope;
import org.imprimatur.security.Account;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The scope of each reviewer as their account has it now (docs/workflow.md, "Reviewer scope"): the
 * specialties they review and the languages they read, the service's default language when the
 * account names none.
 */
@ApplicationScoped
public class ReviewerScopes {

    private final ServiceSettings settings;

    public ReviewerScopes(ServiceSettings settings) {
        this.settings = settings;
    }

    /** The account's scope, read in the caller's transaction; an account that does not exist has none. */
    public ReviewerScope of(UUID accountId) {
        Account account = Account.findById(accountId);
        return account == null ? new ReviewerScope(new TreeSet<>(), List.of()) : of(account);
    }

    public ReviewerScope of(Account account) {
        return of(account.specialties, account.languages);
    }

    /** A scope from the stored lists; no languages: the default language. */
    public ReviewerScope of(String[] specialties, String[] languages) {
        return new ReviewerScope(new TreeSet<>(Arrays.asList(specialties == null ? new String[0] : specialties)),
                languages(languages));
    }

    /** The languages an account reads: those it names, or the default language. */
    public List<String> languages(String[] stored) {
        return stored == null || stored.length == 0 ? List.of(settings.defaultLanguage()) : List.of(stored);
    }

    public String defaultLanguage() {
        return settings.defaultLanguage();
    }
}
