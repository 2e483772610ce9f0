package org.imprimatur.accounts;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.security.Account;
import org.imprimatur.security.Role;

import java.time.Instant;
import java.util.List;

/** An account as administrators see it; never its password hash. */
@io.quarkus.qute.TemplateData
public record AccountView(String username, String displayName, @Schema(nullable = true) String email, String credentials,
                          @Schema(type = SchemaType.ARRAY, implementation = Role.class) List<String> roles,
                          boolean disabled, boolean external, Instant createdAt) {

    static AccountView of(Account account) {
        List<String> roles = account.roleSet().stream().map(Role::tokenName).sorted().toList();
        return new AccountView(account.username, account.displayName, account.email, account.credentials, roles,
                account.disabled, account.externalIssuer != null, account.createdAt);
    }

    public boolean holds(String role) {
        return roles.contains(role);
    }
}
