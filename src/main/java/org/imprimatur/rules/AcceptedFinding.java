package org.imprimatur.rules;

/**
 * A clinical-check finding the reviewer accepts with a reason (docs/clinical-checks.md, "Accepted
 * findings"), named the way GET …/checks answers it: its rule's wire name, section and place.
 */
public record AcceptedFinding(String rule, String sectionKey, Integer start, Integer end, String reason) {

    public static final int MAX_REASON = 500;

    /** Where a finding stands, without the reason: what must match a current finding. */
    public Place place() {
        return new Place(rule, sectionKey, start == null ? -1 : start, end == null ? -1 : end);
    }

    public boolean hasAReason() {
        return reason != null && !reason.isBlank() && reason.strip().length() <= MAX_REASON;
    }

    /** A finding's rule and place in its section's body ({@code [start, end)}). */
    public record Place(String rule, String sectionKey, int start, int end) {

        @Override
        public String toString() {
            return rule + " in " + sectionKey + " at " + start + "–" + end;
        }
    }
}
