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
                          boolean disabled, boolean external, Instant createdAt,
                          @Schema(description = "the specialties the account reviews (docs/workflow.md, \"Reviewer scope\")") List<String> specialties,
                          @Schema(description = "the languages the account reads, BCP 47 tags; the service's default language unless an admin set others") List<String> languages) {

    /** {@code languages}: those the account reads, the default language when it names none. */
    static AccountView of(Account account, List<String> languages) {
        List<String> roles = account.roleSet().stream().map(Role::tokenName).sorted().toList();
        return new AccountView(account.username, account.displayName, account.email, account.credentials, roles,
                account.disabled, account.externalIssuer != null, account.createdAt,
                account.specialties == null ? List.of() : List.of(account.specialties), languages);
    }

    public boolean holds(String role) {
        return roles.contains(role);
    }

    public boolean reviews(String specialty) {
        return specialties.contains(specialty);
    }

    /** The languages as the studio's field shows them: "en, es-MX". */
    public String languageList() {
        return String.join(", ", languages);
    }
}
