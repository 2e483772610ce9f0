package org.imprimatur.accounts;

import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Role;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules for built-in accounts of docs/security.md, "Accounts", in plain Java. */
public final class AccountRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    // bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused.
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

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
     * Whether a change would leave no enabled admin: the service is then run by nobody, and only
     * the database's owner could repair it.
     */
    public static boolean leavesNoAdmin(int enabledAdminsNow, boolean isEnabledAdminNow, boolean isEnabledAdminAfter) {
        int after = enabledAdminsNow - (isEnabledAdminNow ? 1 : 0) + (isEnabledAdminAfter ? 1 : 0);
        return after < 1;
    }
}
