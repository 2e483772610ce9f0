package org.imprimatur.accounts;

import org.imprimatur.accounts.AccountAdministration.AccountChange;
import org.imprimatur.accounts.AccountRules.AccountState;
import org.imprimatur.infrastructure.FieldError;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/security.md, "Accounts": what a change to an account does, decided without a database. */
class AccountRulesTest {

    private static final AccountState REVIEWER = new AccountState("Dr Lee", "lee@example.org", "MD",
            List.of("editor", "medical-reviewer"), false);
    private static final AccountState ADMIN = new AccountState("Ada", null, "", List.of("admin"), false);

    private static AccountChange nothing() {
        return new AccountChange(null, null, null, null, null, null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void anEmptyChangeHasNoProblemsAndChangesNothing() {
        assertEquals(List.of(), AccountRules.changeProblems(nothing(), null));
        AccountState after = AccountRules.after(REVIEWER, nothing());
        assertEquals(REVIEWER, after);
        assertEquals(Map.of(), AccountRules.changedDetails(REVIEWER, after));
        assertFalse(AccountRules.changesStanding(REVIEWER, after));
        assertFalse(AccountRules.takesARoleAway(REVIEWER, after));
    }

    @Test
    void everyProblemIsReportedInFieldOrder() {
        AccountChange bad = new AccountChange(" ", "not an address", "x".repeat(201), List.of("editor", "chief"), null, "short");
        assertEquals(List.of("displayName", "email", "credentials", "roles[1]", "password"),
                fields(AccountRules.changeProblems(bad, null)));
        assertEquals("at least one role is required: editor, medical-reviewer or admin",
                AccountRules.changeProblems(new AccountChange(null, null, null, List.of(), null, null), null).get(0).message());
    }

    @Test
    void anExternalAccountsPasswordAndRolesAreItsProvidersAndThePasswordIsNamedFirst() {
        String issuer = "https://id.example";
        FieldError roles = AccountRules.changeProblems(new AccountChange(null, null, null, List.of("editor"), null, null), issuer)
                .get(0);
        assertEquals("roles", roles.field());
        assertEquals("is managed by the account's identity provider https://id.example", roles.message());
        List<FieldError> both = AccountRules.changeProblems(
                new AccountChange(null, null, null, List.of("editor"), null, "a long enough password"), issuer);
        assertEquals(List.of("password"), fields(both));
        // Its name, e-mail and credentials are the service's to change.
        assertEquals(List.of(), AccountRules.changeProblems(new AccountChange("Name", "", "MD", null, true, null), issuer));
    }

    @Test
    void theStateAfterAChangeIsStrippedWithAnEmptyEmailRemovedAndRolesSorted() {
        AccountState after = AccountRules.after(REVIEWER,
                new AccountChange("  Dr Ann Lee ", "", " MD, PhD ", List.of("medical-reviewer", "admin", "admin"), true, null));
        assertEquals(new AccountState("Dr Ann Lee", null, "MD, PhD", List.of("admin", "medical-reviewer"), true), after);
    }

    @Test
    void theChangedEventNamesEachChangedDetailFromWhatToWhatInOrder() {
        AccountState after = AccountRules.after(REVIEWER,
                new AccountChange("Dr Lee", " new@example.org ", "MD", List.of("medical-reviewer"), true, null));
        Map<String, Object> changed = AccountRules.changedDetails(REVIEWER, after);
        assertEquals(List.of("email", "roles"), List.copyOf(changed.keySet()));
        assertEquals(fromTo("lee@example.org", "new@example.org"), changed.get("email"));
        assertEquals(fromTo(List.of("editor", "medical-reviewer"), List.of("medical-reviewer")), changed.get("roles"));
        Map<String, Object> removedEmail = AccountRules.changedDetails(REVIEWER,
                AccountRules.after(REVIEWER, new AccountChange(null, "", null, null, null, null)));
        assertEquals(fromTo("lee@example.org", null), removedEmail.get("email"));
    }

    @Test
    void takingARoleAwayEndsTokensAddingOneDoesNot() {
        AccountState fewer = AccountRules.after(REVIEWER, new AccountChange(null, null, null, List.of("editor"), null, null));
        AccountState more = AccountRules.after(REVIEWER,
                new AccountChange(null, null, null, List.of("editor", "medical-reviewer", "admin"), null, null));
        assertTrue(AccountRules.takesARoleAway(REVIEWER, fewer));
        assertFalse(AccountRules.takesARoleAway(REVIEWER, more));
    }

    @Test
    void rolesAndCredentialsAreStandingNameAndEmailAreNot() {
        assertTrue(AccountRules.changesStanding(REVIEWER,
                AccountRules.after(REVIEWER, new AccountChange(null, null, "DO", null, null, null))));
        assertTrue(AccountRules.changesStanding(REVIEWER,
                AccountRules.after(REVIEWER, new AccountChange(null, null, null, List.of("editor"), null, null))));
        assertFalse(AccountRules.changesStanding(REVIEWER,
                AccountRules.after(REVIEWER, new AccountChange("Someone", "", " MD ", List.of("medical-reviewer", "editor"),
                        true, null))));
    }

    @Test
    void specialtiesAndLanguagesAreStandingAndChangeFromWhatToWhat() {
        AccountState reader = new AccountState("Dr Lee", null, "MD", List.of("medical-reviewer"), false, List.of(), List.of("en"));
        AccountState after = AccountRules.after(reader,
                new AccountChange(null, null, null, null, null, null, List.of(" oncology", "dermatology", "oncology"), List.of("en", "es-MX", "ES-mx")));
        assertEquals(List.of("dermatology", "oncology"), after.specialties());
        assertEquals(List.of("en", "es-MX"), after.languages());
        assertTrue(AccountRules.changesStanding(reader, after));
        assertEquals(Map.of("specialties", fromTo(List.of(), List.of("dermatology", "oncology")),
                "languages", fromTo(List.of("en"), List.of("en", "es-MX"))), AccountRules.changedDetails(reader, after));
        assertFalse(AccountRules.changesStanding(reader, AccountRules.after(reader,
                new AccountChange(null, null, null, null, null, null, List.of(), List.of("en")))));
    }

    @Test
    void aLanguageIsABcp47TagAndASpecialtyASlug() {
        assertEquals(List.of("languages[0]", "languages[2]", "specialties[0]", "specialties[1]"), fields(AccountRules.changeProblems(
                new AccountChange(null, null, null, null, null, null, List.of("Derm", "a".repeat(61)), List.of("english please", "en", "e")),
                null)).stream().sorted().toList());
        assertEquals("languages", AccountRules.changeProblems(
                new AccountChange(null, null, null, null, null, null, null, List.of()), null).get(0).field());
        assertTrue(AccountRules.isSpecialtyName("infectious-diseases"));
        assertFalse(AccountRules.isSpecialtyName("x"));
        assertFalse(AccountRules.isSpecialtyName("Cardiology"));
    }

    @Test
    void disablingAnAdminOrTakingItsRoleEndsAnEnabledAdminAndTheLastMayNotGo() {
        assertTrue(AccountRules.endsAnEnabledAdmin(ADMIN, AccountRules.after(ADMIN, new AccountChange(null, null, null, null, true, null))));
        assertTrue(AccountRules.endsAnEnabledAdmin(ADMIN,
                AccountRules.after(ADMIN, new AccountChange(null, null, null, List.of("editor"), false, null))));
        assertFalse(AccountRules.endsAnEnabledAdmin(ADMIN,
                AccountRules.after(ADMIN, new AccountChange("Ada L", null, null, List.of("admin", "editor"), false, null))));
        AccountState disabledAdmin = new AccountState("Ada", null, "", List.of("admin"), true);
        assertFalse(AccountRules.endsAnEnabledAdmin(disabledAdmin,
                AccountRules.after(disabledAdmin, new AccountChange(null, null, null, List.of("editor"), null, null))));
        assertTrue(AccountRules.leavesNoAdmin(1, true, false));
        assertFalse(AccountRules.leavesNoAdmin(2, true, false));
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", from);
        map.put("to", to);
        return map;
    }
}
