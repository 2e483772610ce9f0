package org.imprimatur.accounts;

import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Role;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The rules for built-in accounts of docs/security.md, "Accounts", in plain Java. */
public final class AccountRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    // bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused.
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    // The shape article versions store (V3's CHECK on article_versions.language).
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
    private static final Pattern SPECIALTY = Pattern.compile("^(?=.{2,60}$)[a-z0-9]+(-[a-z0-9]+)*$");
    static final int MAX_LANGUAGES = 20;
    static final int MAX_SPECIALTIES = 50;

    private AccountRules() {
    }

    /** Problems with a new password, empty when it is acceptable. */
    public static List<String> passwordProblems(String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            problems.add("must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add("must be at most " + MAX_PASSWORD_BYTES + " bytes long (bcrypt reads no more)");
        }
        return problems;
    }

    static void checkUsername(List<FieldError> errors, String username) {
        if ("me".equals(username)) {
            errors.add(new FieldError("username", "\"me\" is reserved: /api/v1/accounts/me is the signed-in account"));
        } else if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username",
                    "must be 2 to 63 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit"));
        }
    }

    static void checkDisplayName(List<FieldError> errors, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            errors.add(new FieldError("displayName", "is required"));
        } else if (displayName.length() > 200) {
            errors.add(new FieldError("displayName", "is longer than 200 characters"));
        } else {
            // Names reach review e-mails and the audit trail: docs/security.md, "Control characters".
            ControlCharacters.checkLine(errors, "displayName", displayName);
        }
    }

    static void checkCredentials(List<FieldError> errors, String credentials) {
        if (credentials != null && credentials.length() > 200) {
            errors.add(new FieldError("credentials", "is longer than 200 characters"));
        } else {
            ControlCharacters.checkLine(errors, "credentials", credentials);
        }
    }

    static void checkEmail(List<FieldError> errors, String email) {
        if (email != null && !email.isEmpty() && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.org"));
        } else {
            // The pattern's \s misses most control characters, and an address becomes a mail header.
            ControlCharacters.checkLine(errors, "email", email);
        }
    }

    /** Roles by their token names; unknown names and an empty list are refused. */
    static List<Role> roles(List<FieldError> errors, List<String> names) {
        List<Role> roles = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("roles", "at least one role is required: editor, medical-reviewer or admin"));
            return roles;
        }
        for (int i = 0; i < names.size(); i++) {
            String path = "roles[" + i + "]";
            Role.fromTokenName(names.get(i)).ifPresentOrElse(role -> {
                if (!roles.contains(role)) {
                    roles.add(role);
                }
            }, () -> errors.add(new FieldError(path,
                    "is not a role; use editor, medical-reviewer or admin")));
        }
        return roles;
    }

    /**
     * The languages an account reads, BCP 47 tags, each once (ignoring case), in the order given;
     * at least one. Null when {@code tags} is null: nothing asked for.
     */
    static List<String> languages(List<FieldError> errors, List<String> tags) {
        if (tags == null) {
            return null;
        }
        if (tags.isEmpty()) {
            errors.add(new FieldError("languages", "at least one language is required, a BCP 47 tag such as en or es-MX"));
            return List.of();
        }
        if (tags.size() > MAX_LANGUAGES) {
            errors.add(new FieldError("languages", "at most " + MAX_LANGUAGES + " languages"));
            return List.of();
        }
        List<String> languages = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip();
            if (!LANGUAGE_TAG.matcher(tag).matches() || tag.length() > 35) {
                errors.add(new FieldError("languages[" + i + "]", "must be a BCP 47 language tag such as en or es-MX"));
            } else if (languages.stream().noneMatch(tag::equalsIgnoreCase)) {
                languages.add(tag);
            }
        }
        return languages;
    }

    /**
     * Specialty names as the list names them (lower-case words joined by hyphens), each once,
     * sorted; whether each is in the list is for the caller to check. Null when {@code names} is null.
     */
    static List<String> specialties(List<FieldError> errors, List<String> names) {
        if (names == null) {
            return null;
        }
        if (names.size() > MAX_SPECIALTIES) {
            errors.add(new FieldError("specialties", "at most " + MAX_SPECIALTIES + " specialties"));
            return List.of();
        }
        java.util.SortedSet<String> specialties = new java.util.TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            if (!SPECIALTY.matcher(name).matches()) {
                errors.add(new FieldError("specialties[" + i + "]",
                        "must be a specialty's name: 2 to 60 lower-case letters or digits in words joined by hyphens"));
            } else {
                specialties.add(name);
            }
        }
        return List.copyOf(specialties);
    }

    /** Whether {@code name} has the shape of a specialty's name (the list's own check). */
    public static boolean isSpecialtyName(String name) {
        return name != null && SPECIALTY.matcher(name).matches();
    }

    /**
     * Whether a change would leave no enabled admin: the service is then run by nobody, and only
     * the database's owner could repair it.
     */
    public static boolean leavesNoAdmin(int enabledAdminsNow, boolean isEnabledAdminNow, boolean isEnabledAdminAfter) {
        int after = enabledAdminsNow - (isEnabledAdminNow ? 1 : 0) + (isEnabledAdminAfter ? 1 : 0);
        return after < 1;
    }

    /** What a change to an account can touch, as stored: roles by token name. */
    public record AccountState(String displayName, String email, String credentials, List<String> roles,
                               boolean disabled, List<String> specialties, List<String> languages) {

        /** An account without specialties whose languages are the default's. */
        public AccountState(String displayName, String email, String credentials, List<String> roles, boolean disabled) {
            this(displayName, email, credentials, roles, disabled, List.of(), List.of());
        }

        /** Enabled and holding the admin role: one of those the service needs at least one of. */
        public boolean isEnabledAdmin() {
            return !disabled && roles.contains(Role.ADMIN_NAME);
        }
    }

    /**
     * The problems with a change, in the order they are reported; an external account's roles and
     * password belong to its identity provider ({@code externalIssuer}, null for a built-in account).
     */
    static List<FieldError> changeProblems(AccountAdministration.AccountChange change, String externalIssuer) {
        List<FieldError> errors = new ArrayList<>();
        if (change.displayName() != null) {
            checkDisplayName(errors, change.displayName());
        }
        checkEmail(errors, change.email());
        checkCredentials(errors, change.credentials());
        if (change.roles() != null) {
            roles(errors, change.roles());
        }
        if (change.password() != null) {
            passwordProblems(change.password()).forEach(problem -> errors.add(new FieldError("password", problem)));
        }
        specialties(errors, change.specialties());
        languages(errors, change.languages());
        if (externalIssuer != null && (change.password() != null || change.roles() != null)) {
            errors.add(new FieldError(change.password() != null ? "password" : "roles",
                    "is managed by the account's identity provider " + externalIssuer));
        }
        return errors;
    }

    /**
     * The account after a change without problems: an absent field stays as it is, names are
     * stripped, an empty e-mail is removed, roles are sorted by token name.
     */
    static AccountState after(AccountState before, AccountAdministration.AccountChange change) {
        return new AccountState(
                change.displayName() == null ? before.displayName() : change.displayName().strip(),
                change.email() == null ? before.email() : blankToNull(change.email()),
                change.credentials() == null ? before.credentials() : change.credentials().strip(),
                change.roles() == null ? before.roles() : tokenNames(roles(new ArrayList<>(), change.roles())),
                change.disabled() == null ? before.disabled() : change.disabled(),
                change.specialties() == null ? before.specialties() : specialties(new ArrayList<>(), change.specialties()),
                change.languages() == null ? before.languages() : languages(new ArrayList<>(), change.languages()));
    }

    /** Roles as accounts store them: token names, sorted. */
    static List<String> tokenNames(List<Role> roles) {
        return roles.stream().map(Role::tokenName).sorted().toList();
    }

    /**
     * The details a change alters, each from what to what, for the {@code changed} event: display
     * name, e-mail, credentials, roles, specialties and languages, in that order; empty when none changes.
     */
    static Map<String, Object> changedDetails(AccountState before, AccountState after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        putIfChanged(changed, "displayName", before.displayName(), after.displayName());
        putIfChanged(changed, "email", before.email(), after.email());
        putIfChanged(changed, "credentials", before.credentials(), after.credentials());
        putIfChanged(changed, "roles", before.roles(), after.roles());
        putIfChanged(changed, "specialties", before.specialties(), after.specialties());
        putIfChanged(changed, "languages", before.languages(), after.languages());
        return changed;
    }

    /** Roles travel in tokens: one taken away would stay in them until they expire, so they end. */
    static boolean takesARoleAway(AccountState before, AccountState after) {
        return !after.roles().containsAll(before.roles());
    }

    /**
     * Whether a change alters what lets the account approve medical content, its roles, credentials,
     * specialties or languages: someone else must grant that (docs/security.md, "Accounts").
     */
    static boolean changesStanding(AccountState before, AccountState after) {
        return !after.roles().equals(before.roles()) || !Objects.equals(after.credentials(), before.credentials())
                || !after.specialties().equals(before.specialties()) || !after.languages().equals(before.languages());
    }

    /** Whether a change makes an enabled admin no longer one, by disabling it or taking the role. */
    static boolean endsAnEnabledAdmin(AccountState before, AccountState after) {
        return before.isEnabledAdmin() && !after.isEnabledAdmin();
    }

    private static void putIfChanged(Map<String, Object> changed, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", from);
            fromTo.put("to", to);
            changed.put(field, fromTo);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
