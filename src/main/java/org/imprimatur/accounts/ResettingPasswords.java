package org.imprimatur.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;

import java.util.Map;

/**
 * An admin's reset of another account's password: stored as a bcrypt hash, recorded without it,
 * and the account's sessions and earlier tokens end.
 */
@ApplicationScoped
public class ResettingPasswords {

    private final AccountEvents events;
    private final OldCredentials oldCredentials;

    public ResettingPasswords(AccountEvents events, OldCredentials oldCredentials) {
        this.events = events;
        this.oldCredentials = oldCredentials;
    }

    void reset(Account account, String password, Actor actor) {
        account.passwordHash = BcryptUtil.bcryptHash(password);
        events.record(actor, account, AccountAction.PASSWORD_RESET, Map.of("password", "reset"));
        oldCredentials.end(account);
    }
}
