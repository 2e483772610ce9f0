package org.imprimatur.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.ServiceSettings;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;
import org.imprimatur.security.DisabledAccounts;
import org.imprimatur.security.Role;
import org.imprimatur.security.Specialty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creating and changing built-in accounts (docs/security.md, "Accounts"). Admins only, except that
 * everyone may change their own password. Every change appends an account event
 * ({@link AccountEvents}); passwords are never recorded. A change is made of the use cases
 * {@link ChangingAccountDetails}, {@link DisablingAccounts} and {@link ResettingPasswords}, under
 * the rules of {@link AccountRules}.
 */
@ApplicationScoped
public class AccountAdministration {

    // Serialises admin-changing transactions, so that two admins demoting each other at once
    // cannot leave the service without one.
    private static final long ADMIN_CHANGES_LOCK = 727271002L;

    private final EntityManager entityManager;
    private final DisabledAccounts disabledAccounts;
    private final AccountEvents events;
    private final OldCredentials oldCredentials;
    private final ChangingAccountDetails changingDetails;
    private final DisablingAccounts disabling;
    private final ResettingPasswords resettingPasswords;
    private final ServiceSettings settings;
    private final Clock clock;

    public AccountAdministration(EntityManager entityManager, DisabledAccounts disabledAccounts, AccountEvents events,
                                 OldCredentials oldCredentials, ChangingAccountDetails changingDetails,
                                 DisablingAccounts disabling, ResettingPasswords resettingPasswords, ServiceSettings settings,
                                 Clock clock) {
        this.settings = settings;
        this.entityManager = entityManager;
        this.disabledAccounts = disabledAccounts;
        this.events = events;
        this.oldCredentials = oldCredentials;
        this.changingDetails = changingDetails;
        this.disabling = disabling;
        this.resettingPasswords = resettingPasswords;
        this.clock = clock;
    }

    /** A new built-in account; without languages it reads the service's default language. */
    public record NewAccount(String username, String displayName, String email, String credentials,
                             @Schema(type = SchemaType.ARRAY, implementation = Role.class) List<String> roles, String password,
                             @Schema(nullable = true, description = "names from GET /api/v1/specialties; none when absent") List<String> specialties,
                             @Schema(nullable = true, description = "BCP 47 tags the reviewer reads; the service's default language when absent") List<String> languages) {

        public NewAccount(String username, String displayName, String email, String credentials, List<String> roles,
                          String password) {
            this(username, displayName, email, credentials, roles, password, null, null);
        }
    }

    /** A change to an account; a null field stays as it is, an empty e-mail is removed. */
    public record AccountChange(String displayName, String email, String credentials,
                                @Schema(type = SchemaType.ARRAY, implementation = Role.class) List<String> roles,
                                Boolean disabled, String password,
                                @Schema(nullable = true, description = "names from GET /api/v1/specialties; an empty list removes them all") List<String> specialties,
                                @Schema(nullable = true, description = "BCP 47 tags the reviewer reads, at least one") List<String> languages) {

        public AccountChange(String displayName, String email, String credentials, List<String> roles, Boolean disabled,
                             String password) {
            this(displayName, email, credentials, roles, disabled, password, null, null);
        }
    }

    /** The own-password change, which proves the current one. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @Transactional
    public List<AccountView> list(Actor actor) {
        requireAdmin(actor);
        return Account.<Account>list("order by username").stream().map(this::view).toList();
    }

    @Transactional
    public AccountView get(String username, Actor actor) {
        requireAdmin(actor);
        return view(find(username));
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
        List<String> specialties = AccountRules.specialties(errors, request.specialties());
        List<String> languages = AccountRules.languages(errors, request.languages());
        unknownSpecialties(errors, request.specialties());
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
        account.email = AccountRules.blankToNull(request.email());
        account.credentials = request.credentials() == null ? "" : request.credentials().strip();
        account.roles = roles.stream().map(Role::tokenName).sorted().toArray(String[]::new);
        account.passwordHash = BcryptUtil.bcryptHash(request.password());
        account.specialties = specialties == null ? new String[0] : specialties.toArray(String[]::new);
        account.languages = languages == null ? new String[0] : languages.toArray(String[]::new);
        account.createdAt = Timestamps.now(clock);
        account.persist();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayName", account.displayName);
        fields.put("email", account.email);
        fields.put("credentials", account.credentials);
        fields.put("roles", List.of(account.roles));
        fields.put("specialties", List.of(account.specialties));
        fields.put("languages", languagesOf(account));
        events.record(actor, account, AccountAction.CREATED, fields);
        return view(account);
    }

    /**
     * Applies a PATCH, which may mix the use cases of changing details, disabling or enabling, and
     * resetting the password, in one transaction: every field is checked first (422), then that an
     * enabled admin remains (409), then that nobody changes their own standing (403).
     */
    @Transactional
    public AccountView change(String username, AccountChange change, Actor actor) {
        requireAdmin(actor);
        if (change == null) {
            throw ProblemException.invalid("$", "a request body with the fields to change is required");
        }
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ADMIN_CHANGES_LOCK).getSingleResult();
        Account account = find(username);
        List<FieldError> errors = AccountRules.changeProblems(change, account.externalIssuer);
        unknownSpecialties(errors, change.specialties());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AccountRules.AccountState before = new AccountRules.AccountState(account.displayName, account.email,
                account.credentials, List.of(account.roles), account.disabled, List.of(account.specialties), languagesOf(account));
        AccountRules.AccountState after = AccountRules.after(before, change);
        if (AccountRules.endsAnEnabledAdmin(before, after) && AccountRules.leavesNoAdmin(enabledAdmins(), true, false)) {
            throw ProblemException.conflict("The account " + username
                    + " is the last enabled admin: give another account the admin role first.");
        }
        if (account.id.equals(actor.id()) && AccountRules.changesStanding(before, after)) {
            // What lets an account approve medical content is granted by someone else (docs/security.md, "Accounts").
            throw ProblemException.forbidden(
                    "An admin cannot change their own roles, credentials, specialties or languages; another admin must.");
        }
        changingDetails.change(account, before, after, actor);
        disabling.setDisabled(account, after.disabled(), actor);
        if (change.password() != null) {
            resettingPasswords.reset(account, change.password(), actor);
        }
        entityManager.flush();
        disabledAccounts.changed(account);
        return view(account);
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
        events.record(actor, account, AccountAction.PASSWORD_CHANGED, Map.of("password", "changed"));
        // Every session and token ends, the caller's too: the studio starts a new session for the
        // page that made the change; an API caller signs in again with the new password.
        oldCredentials.end(account);
        entityManager.flush();
        disabledAccounts.changed(account);
    }

    /** The account's recorded changes, newest first. */
    @Transactional
    public List<AccountEventView> events(String username, Actor actor) {
        requireAdmin(actor);
        return events.of(find(username));
    }

    private AccountView view(Account account) {
        return AccountView.of(account, languagesOf(account));
    }

    /** The languages the account reads: those it names, or the service's default language. */
    private List<String> languagesOf(Account account) {
        return account.languages == null || account.languages.length == 0 ? List.of(settings.defaultLanguage())
                : List.of(account.languages);
    }

    /** Refuses names that are not in the admins' list of specialties (their shape is checked before). */
    private static void unknownSpecialties(List<FieldError> errors, List<String> requested) {
        if (requested == null || requested.size() > AccountRules.MAX_SPECIALTIES) {
            return;
        }
        List<String> shaped = requested.stream().filter(name -> AccountRules.isSpecialtyName(name == null ? null : name.strip()))
                .map(String::strip).toList();
        List<String> unknown = Specialty.unknown(shaped);
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i) == null ? null : requested.get(i).strip();
            if (name != null && unknown.contains(name)) {
                errors.add(new FieldError("specialties[" + i + "]", "is not a specialty of the list (GET /api/v1/specialties)"));
            }
        }
    }

    private int enabledAdmins() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM accounts WHERE NOT disabled AND 'admin' = ANY (roles)").getSingleResult()).intValue();
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
}
