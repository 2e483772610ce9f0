package org.imprimatur.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;
import org.imprimatur.security.DisabledAccounts;
import org.imprimatur.security.Role;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Creating and changing built-in accounts (docs/security.md, "Accounts"). Admins only, except that
 * everyone may change their own password. Every change appends an account event; passwords are
 * never recorded.
 */
@ApplicationScoped
public class AccountAdministration {

    // Serialises admin-changing transactions, so that two admins demoting each other at once
    // cannot leave the service without one.
    private static final long ADMIN_CHANGES_LOCK = 727271002L;

    private final EntityManager entityManager;
    private final DisabledAccounts disabledAccounts;
    private final ObjectMapper json;

    private final Clock clock;

    public AccountAdministration(EntityManager entityManager, DisabledAccounts disabledAccounts, ObjectMapper json,
                                 Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.disabledAccounts = disabledAccounts;
        this.json = json;
    }

    /** A new built-in account. */
    public record NewAccount(String username, String displayName, String email, String credentials,
                             @Schema(type = SchemaType.ARRAY, implementation = Role.class) List<String> roles, String password) {
    }

    /** A change to an account; a null field stays as it is, an empty e-mail is removed. */
    public record AccountChange(String displayName, String email, String credentials,
                                @Schema(type = SchemaType.ARRAY, implementation = Role.class) List<String> roles,
                                Boolean disabled, String password) {
    }

    /** The own-password change, which proves the current one. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @Transactional
    public List<AccountView> list(Actor actor) {
        requireAdmin(actor);
        return Account.<Account>list("order by username").stream().map(AccountView::of).toList();
    }

    @Transactional
    public AccountView get(String username, Actor actor) {
        requireAdmin(actor);
        return AccountView.of(find(username));
    }

    @Transactional
    public AccountView create(NewAccount request, Actor actor) {
        requireAdmin(actor);
        if (request == null) {
            throw ProblemException.invalid("$", "a request body with the account is required");
        }
        List<FieldError> errors = new ArrayList<>();
        AccountRules.checkUsername(errors, request.username());
        AccountRules.checkDisplayName(errors, request.displayName());
        AccountRules.checkEmail(errors, request.email());
        AccountRules.checkCredentials(errors, request.credentials());
        List<Role> roles = AccountRules.roles(errors, request.roles());
        AccountRules.passwordProblems(request.password()).forEach(problem -> errors.add(new FieldError("password", problem)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (Account.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("The username " + request.username() + " is taken; usernames are unique and never change.");
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = request.username();
        account.displayName = request.displayName().strip();
        account.email = blankToNull(request.email());
        account.credentials = request.credentials() == null ? "" : request.credentials().strip();
        account.roles = roles.stream().map(Role::tokenName).sorted().toArray(String[]::new);
        account.passwordHash = BcryptUtil.bcryptHash(request.password());
        account.createdAt = Timestamps.now(clock);
        account.persist();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayName", account.displayName);
        fields.put("email", account.email);
        fields.put("credentials", account.credentials);
        fields.put("roles", List.of(account.roles));
        record(actor, account, "created", fields);
        return AccountView.of(account);
    }

    @Transactional
    public AccountView change(String username, AccountChange change, Actor actor) {
        requireAdmin(actor);
        if (change == null) {
            throw ProblemException.invalid("$", "a request body with the fields to change is required");
        }
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ADMIN_CHANGES_LOCK).getSingleResult();
        Account account = find(username);
        List<FieldError> errors = new ArrayList<>();
        if (change.displayName() != null) {
            AccountRules.checkDisplayName(errors, change.displayName());
        }
        AccountRules.checkEmail(errors, change.email());
        AccountRules.checkCredentials(errors, change.credentials());
        List<Role> roles = change.roles() == null ? null : AccountRules.roles(errors, change.roles());
        if (change.password() != null) {
            AccountRules.passwordProblems(change.password()).forEach(problem -> errors.add(new FieldError("password", problem)));
        }
        boolean external = account.externalIssuer != null;
        if (external && (change.password() != null || roles != null)) {
            errors.add(new FieldError(change.password() != null ? "password" : "roles",
                    "is managed by the account's identity provider " + account.externalIssuer));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String[] newRoles = roles == null ? account.roles : roles.stream().map(Role::tokenName).sorted().toArray(String[]::new);
        boolean newDisabled = change.disabled() == null ? account.disabled : change.disabled();
        boolean adminNow = !account.disabled && Arrays.asList(account.roles).contains(Role.ADMIN_NAME);
        boolean adminAfter = !newDisabled && Arrays.asList(newRoles).contains(Role.ADMIN_NAME);
        if (adminNow && !adminAfter && AccountRules.leavesNoAdmin(enabledAdmins(), true, false)) {
            throw ProblemException.conflict("The account " + username
                    + " is the last enabled admin: give another account the admin role first.");
        }
        boolean ownStanding = !Arrays.equals(newRoles, account.roles)
                || (change.credentials() != null && !change.credentials().strip().equals(account.credentials));
        if (account.id.equals(actor.id()) && ownStanding) {
            // What lets an account approve medical content is granted by someone else (docs/security.md, "Accounts").
            throw ProblemException.forbidden("An admin cannot change their own roles or credentials; another admin must.");
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (change.displayName() != null && !change.displayName().strip().equals(account.displayName)) {
            changed.put("displayName", Map.of("from", account.displayName, "to", change.displayName().strip()));
            account.displayName = change.displayName().strip();
        }
        if (change.email() != null && !Objects.equals(blankToNull(change.email()), account.email)) {
            changed.put("email", fromTo(account.email, blankToNull(change.email())));
            account.email = blankToNull(change.email());
        }
        if (change.credentials() != null && !change.credentials().strip().equals(account.credentials)) {
            changed.put("credentials", Map.of("from", account.credentials, "to", change.credentials().strip()));
            account.credentials = change.credentials().strip();
        }
        if (!Arrays.equals(newRoles, account.roles)) {
            changed.put("roles", Map.of("from", List.of(account.roles), "to", List.of(newRoles)));
            // Tokens carry roles: a removed one would stay in them until they expire.
            boolean roleRemoved = !Arrays.asList(newRoles).containsAll(Arrays.asList(account.roles));
            account.roles = newRoles;
            if (roleRemoved) {
                credentialsChanged(account);
            }
        }
        if (!changed.isEmpty()) {
            record(actor, account, "changed", changed);
        }
        if (newDisabled != account.disabled) {
            account.disabled = newDisabled;
            record(actor, account, newDisabled ? "disabled" : "enabled", Map.of());
            if (newDisabled) {
                credentialsChanged(account);
            }
        }
        if (change.password() != null) {
            account.passwordHash = BcryptUtil.bcryptHash(change.password());
            record(actor, account, "password-reset", Map.of("password", "reset"));
            credentialsChanged(account);
        }
        entityManager.flush();
        disabledAccounts.changed(account);
        return AccountView.of(account);
    }

    /** Changes the actor's own password after checking the current one. */
    @Transactional
    public void changeOwnPassword(PasswordChange change, Actor actor) {
        if (change == null || change.currentPassword() == null) {
            throw ProblemException.invalid("currentPassword", "is required");
        }
        Account account = Account.findById(actor.id());
        if (account == null || account.passwordHash == null) {
            throw ProblemException.conflict("This account's password is managed by its identity provider.");
        }
        if (!BcryptUtil.matches(change.currentPassword(), account.passwordHash)) {
            throw ProblemException.invalid("currentPassword", "is not this account's current password");
        }
        List<FieldError> errors = new ArrayList<>();
        AccountRules.passwordProblems(change.newPassword()).forEach(problem -> errors.add(new FieldError("newPassword", problem)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        account.passwordHash = BcryptUtil.bcryptHash(change.newPassword());
        record(actor, account, "password-changed", Map.of("password", "changed"));
        // Every session and token ends, the caller's too: the studio starts a new session for the
        // page that made the change; an API caller signs in again with the new password.
        credentialsChanged(account);
        entityManager.flush();
        disabledAccounts.changed(account);
    }

    /** The account's recorded changes, newest first. */
    @Transactional
    public List<AccountEventView> events(String username, Actor actor) {
        requireAdmin(actor);
        Account account = find(username);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.id, e.at, coalesce(a.username, 'Imprimatur'), e.action, CAST(e.changes AS text)
                        FROM account_events e LEFT JOIN accounts a ON a.id = e.actor_id
                        WHERE e.account_id = ?1 ORDER BY e.id DESC""")
                .setParameter(1, account.id).getResultList();
        return rows.stream().map(row -> new AccountEventView(((Number) row[0]).longValue(),
                Timestamps.fromColumn(row[1]), (String) row[2], (String) row[3], parse((String) row[4]))).toList();
    }

    private int enabledAdmins() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM accounts WHERE NOT disabled AND 'admin' = ANY (roles)").getSingleResult()).intValue();
    }

    /**
     * Ends what the account could do before (docs/security.md, "Sessions and tokens after a
     * credential change"): tokens issued before now are refused, and its studio sessions end.
     */
    private void credentialsChanged(Account account) {
        account.credentialsChangedAt = Timestamps.now(clock);
        endSessions(account);
    }

    private void endSessions(Account account) {
        entityManager.createNativeQuery("DELETE FROM studio_sessions WHERE account_id = ?1")
                .setParameter(1, account.id).executeUpdate();
    }

    private void record(Actor actor, Account account, String action, Map<String, Object> changes) {
        try {
            entityManager.createNativeQuery("""
                            INSERT INTO account_events (at, actor_id, account_id, action, changes)
                            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))""")
                    .setParameter(1, Timestamps.now(clock))
                    .setParameter(2, actor.id())
                    .setParameter(3, account.id)
                    .setParameter(4, action)
                    .setParameter(5, json.writeValueAsString(changes))
                    .executeUpdate();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Map<String, Object> parse(String changes) {
        try {
            return json.readValue(changes, new TypeReference<>() {
            });
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Account find(String username) {
        return Account.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("There is no account " + username + "."));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.roles().contains(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may manage accounts.");
        }
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", from);
        map.put("to", to);
        return map;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
