package org.imprimatur.delivery;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The origin walk of docs/delivery.md, "Provenance", without a database. */
class ProvenanceWalkTest {

    private static ProvenanceWalk.VersionText version(int number, String intro, String diet) {
        return diet == null ? new ProvenanceWalk.VersionText(number, Map.of("intro", intro))
                : new ProvenanceWalk.VersionText(number, Map.of("intro", intro, "diet", diet));
    }

    @Test
    void aSectionUnchangedSinceVersion1NamesVersion1AndAChangedOneItsNewVersion() {
        List<ProvenanceWalk.VersionText> newestFirst = List.of(version(3, "Changed again.", "Fibre."),
                version(2, "Changed.", "Fibre."), version(1, "First.", "Fibre."));
        assertEquals(1, ProvenanceWalk.origin("diet", newestFirst));
        assertEquals(3, ProvenanceWalk.origin("intro", newestFirst));
    }

    @Test
    void theWalkStopsAtAVersionWithoutTheSectionEvenIfAnOlderOneHadTheSameText() {
        List<ProvenanceWalk.VersionText> newestFirst = List.of(version(3, "Same.", "Fibre."),
                version(2, "Same.", null), version(1, "Same.", "Fibre."));
        assertEquals(3, ProvenanceWalk.origin("diet", newestFirst));
        assertEquals(1, ProvenanceWalk.origin("intro", newestFirst));
    }

    @Test
    void textBroughtBackAfterAChangeCountsFromTheVersionThatBroughtItBack() {
        List<ProvenanceWalk.VersionText> newestFirst = List.of(version(3, "First.", null),
                version(2, "Changed.", null), version(1, "First.", null));
        assertEquals(3, ProvenanceWalk.origin("intro", newestFirst));
    }

    @Test
    void aGapInTheListEndsTheWalk() {
        assertEquals(3, ProvenanceWalk.origin("intro", List.of(version(3, "A.", null), version(1, "A.", null))));
    }
}
