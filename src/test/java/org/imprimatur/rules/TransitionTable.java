package org.imprimatur.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The expected outcome of every action in every state for every kind of caller, written out by
 * hand from docs/workflow.md and independent of the production table. Columns: anonymous, editor,
 * medical-reviewer, admin (who holds the editor's rights but no reviewer's), and an account that is
 * editor and medical reviewer at once and wrote the change under review.
 */
public final class TransitionTable {

    public static final List<String> CALLERS = List.of("anonymous", "editor", "reviewer", "admin", "reviewer-author");

    private static final String TABLE = """
            # action         state               anon editor reviewer admin reviewer-author
            save             DRAFT               401  200    403      200   200
            save             IN_REVIEW           401  409    403      409   409
            save             CHANGES_REQUESTED   401  200    403      200   200
            save             APPROVED            401  409    403      409   409
            save             PUBLISHED           401  200    403      200   200
            save             RETRACTED           401  200    403      200   200
            restore          DRAFT               401  200    403      200   200
            restore          IN_REVIEW           401  409    403      409   409
            restore          CHANGES_REQUESTED   401  200    403      200   200
            restore          APPROVED            401  409    403      409   409
            restore          PUBLISHED           401  200    403      200   200
            restore          RETRACTED           401  200    403      200   200
            submit           DRAFT               401  200    403      200   200
            submit           IN_REVIEW           401  409    403      409   409
            submit           CHANGES_REQUESTED   401  409    403      409   409
            submit           APPROVED            401  409    403      409   409
            submit           PUBLISHED           401  409    403      409   409
            submit           RETRACTED           401  409    403      409   409
            withdraw         DRAFT               401  409    403      409   409
            withdraw         IN_REVIEW           401  200    403      200   200
            withdraw         CHANGES_REQUESTED   401  409    403      409   409
            withdraw         APPROVED            401  200    403      200   200
            withdraw         PUBLISHED           401  409    403      409   409
            withdraw         RETRACTED           401  409    403      409   409
            request-changes  DRAFT               401  403    409      403   409
            request-changes  IN_REVIEW           401  403    200      403   200
            request-changes  CHANGES_REQUESTED   401  403    409      403   409
            request-changes  APPROVED            401  403    409      403   409
            request-changes  PUBLISHED           401  403    409      403   409
            request-changes  RETRACTED           401  403    409      403   409
            approve          DRAFT               401  403    409      403   409
            approve          IN_REVIEW           401  403    200      403   403
            approve          CHANGES_REQUESTED   401  403    409      403   409
            approve          APPROVED            401  403    409      403   409
            approve          PUBLISHED           401  403    409      403   409
            approve          RETRACTED           401  403    409      403   409
            reconfirm        DRAFT               401  403    409      403   409
            reconfirm        IN_REVIEW           401  403    409      403   409
            reconfirm        CHANGES_REQUESTED   401  403    409      403   409
            reconfirm        APPROVED            401  403    409      403   409
            reconfirm        PUBLISHED           401  403    200      403   403
            reconfirm        RETRACTED           401  403    409      403   409
            retract          DRAFT               401  403    409      403   409
            retract          IN_REVIEW           401  403    409      403   409
            retract          CHANGES_REQUESTED   401  403    409      403   409
            retract          APPROVED            401  403    409      403   409
            retract          PUBLISHED           401  403    200      403   200
            retract          RETRACTED           401  403    409      403   409
            """;

    /** Where an allowed action leads. */
    public static final Map<String, String> TARGET = Map.of(
            "save", "DRAFT", "restore", "DRAFT", "submit", "IN_REVIEW", "withdraw", "DRAFT",
            "request-changes", "CHANGES_REQUESTED", "approve", "PUBLISHED", "reconfirm", "PUBLISHED",
            "retract", "RETRACTED");

    public record Case(String action, String state, String caller, int status) {
        @Override
        public String toString() {
            return action + " in " + state + " by " + caller + " → " + status;
        }
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            for (int i = 0; i < CALLERS.size(); i++) {
                cases.add(new Case(cells[0], cells[1], CALLERS.get(i), Integer.parseInt(cells[2 + i])));
            }
        }
        return cases;
    }

    private TransitionTable() {
    }
}
