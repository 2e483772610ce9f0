package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A full review confirms the evidence (docs/workflow.md, "Evidence"): the reviewer names every
 * citation of the version as {@code current} or {@code replace}. A source to replace is the
 * editor's work, so the reviewer requests changes instead of approving.
 */
public final class EvidenceConfirmation {

    public static final String CURRENT = "current";
    public static final String REPLACE = "replace";

    private EvidenceConfirmation() {
    }

    /**
     * What keeps {@code evidence} from confirming exactly {@code citationKeys}: each key left out,
     * each key that names no citation, each answer other than current or replace; empty when complete.
     */
    public static List<FieldError> gaps(Set<String> citationKeys, Map<String, String> evidence) {
        Map<String, String> given = evidence == null ? Map.of() : evidence;
        List<FieldError> gaps = new ArrayList<>();
        for (String key : new TreeSet<>(citationKeys)) {
            if (!given.containsKey(key)) {
                gaps.add(new FieldError("evidence." + key, "missing: confirm this source as current, or as one to replace"));
            }
        }
        for (String key : new TreeSet<>(given.keySet())) {
            if (!citationKeys.contains(key)) {
                gaps.add(new FieldError("evidence." + key, "unknown: the version cites no source with this key"));
            } else if (!CURRENT.equals(given.get(key)) && !REPLACE.equals(given.get(key))) {
                gaps.add(new FieldError("evidence." + key, "must be current or replace"));
            }
        }
        return gaps;
    }

    /** The sources the reviewer marked to replace, in key order. */
    public static List<FieldError> replacements(Map<String, String> evidence) {
        if (evidence == null) {
            return List.of();
        }
        return new TreeSet<>(evidence.keySet()).stream().filter(key -> REPLACE.equals(evidence.get(key)))
                .map(key -> new FieldError("evidence." + key, "marked replace: request changes so the source is replaced first"))
                .toList();
    }

    /** Every key as current: what a screen assumes when it asks whether a review could go ahead. */
    public static Map<String, String> allCurrent(Set<String> citationKeys) {
        Map<String, String> all = new java.util.TreeMap<>();
        citationKeys.forEach(key -> all.put(key, CURRENT));
        return all;
    }
}
