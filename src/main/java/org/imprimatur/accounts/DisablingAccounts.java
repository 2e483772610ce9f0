package org.imprimatur.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;

import java.util.Map;

/**
 * Disabling an account, or enabling it again. A disabled account cannot sign in, and its sessions
 * and earlier tokens end; enabling it revives none of them.
 */
@ApplicationScoped
public class DisablingAccounts {

    private final AccountEvents events;
    private final OldCredentials oldCredentials;

    public DisablingAccounts(AccountEvents events, OldCredentials oldCredentials) {
        this.events = events;
        this.oldCredentials = oldCredentials;
    }

    void setDisabled(Account account, boolean disabled, Actor actor) {
        if (disabled == account.disabled) {
            return;
        }
        account.disabled = disabled;
        events.record(actor, account, disabled ? AccountAction.DISABLED : AccountAction.ENABLED, Map.of());
        if (disabled) {
            oldCredentials.end(account);
        }
    }
}
