package org.imprimatur.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;

import java.util.Map;

/**
 * Changing an account's display name, e-mail, credentials, roles, specialties and languages: one {@code changed} event
 * names each field that changed, from what to what. Taking a role away ends the account's
 * sessions and earlier tokens, which carry the roles.
 */
@ApplicationScoped
public class ChangingAccountDetails {

    private final AccountEvents events;
    private final OldCredentials oldCredentials;

    public ChangingAccountDetails(AccountEvents events, OldCredentials oldCredentials) {
        this.events = events;
        this.oldCredentials = oldCredentials;
    }

    void change(Account account, AccountRules.AccountState before, AccountRules.AccountState after, Actor actor) {
        Map<String, Object> changed = AccountRules.changedDetails(before, after);
        account.displayName = after.displayName();
        account.email = after.email();
        account.credentials = after.credentials();
        account.roles = after.roles().toArray(String[]::new);
        account.specialties = after.specialties().toArray(String[]::new);
        if (!after.languages().equals(before.languages())) {
            account.languages = after.languages().toArray(String[]::new);
        }
        if (AccountRules.takesARoleAway(before, after)) {
            oldCredentials.end(account);
        }
        if (!changed.isEmpty()) {
            events.record(actor, account, AccountAction.CHANGED, changed);
        }
    }
}
