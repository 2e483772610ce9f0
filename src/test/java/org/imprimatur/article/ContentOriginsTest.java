package org.imprimatur.article;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who wrote what (docs/workflow.md, four-eyes by content), without a database. */
class ContentOriginsTest {

    private static final Citation LEE = new Citation("lee-2021", CitationKind.REVIEW, "Gut and skin", List.of("Lee A"), "J Skin",
            2021, "10.1000/lee", null, null, null);

    @Test
    void unchangedPartsKeepTheirOriginAndChangedPartsAreNew() {
        ArticleContent v1 = content("Title", section("intro", "One."), section("causes", "Genes."));
        ContentOrigins o1 = ContentOrigins.allWrittenIn(v1, 1);
        assertEquals(new ContentOrigins(1, 1, 1, Map.of("intro", 1, "causes", 1), Map.of("lee-2021", 1), Map.of(), Map.of()), o1);

        ArticleContent v2 = content("Title", section("intro", "One, edited."), section("causes", "Genes."),
                section("diet", "Fibre."));
        ContentOrigins o2 = ContentOrigins.carry(v1, o1, v2, 2);
        // A section added changes the order of sections too: both were written in version 2.
        assertEquals(new ContentOrigins(1, 2, 1, Map.of("intro", 2, "causes", 1, "diet", 2), Map.of("lee-2021", 1), Map.of(),
                Map.of()), o2);

        ArticleContent v3 = content("New title", section("intro", "One, edited."), section("causes", "Genes."),
                section("diet", "Fibre."));
        assertEquals(3, ContentOrigins.carry(v2, o2, v3, 3).header());
    }

    @Test
    void aRestoreCarriesTheRestoredVersionsOrigins() {
        ArticleContent v1 = content("Title", section("intro", "The admin's words."));
        ContentOrigins o1 = ContentOrigins.allWrittenIn(v1, 1);
        // v3 restores v1: carried from v1, every part still belongs to version 1.
        ContentOrigins o3 = ContentOrigins.carry(v1, o1, v1, 3);
        assertEquals(o1, o3);
    }

    @Test
    void onlyPartsThatDifferFromTheBaselineCount() {
        ArticleContent live = content("Title", section("intro", "One."), section("causes", "Genes."));
        ArticleContent candidate = content("Title", section("intro", "One, edited."), section("causes", "Genes."));
        ContentOrigins origins = new ContentOrigins(1, 3, 5, Map.of("intro", 4, "causes", 1), Map.of("lee-2021", 2), Map.of(),
                Map.of());
        assertEquals(Set.of(4), origins.versionsThatWroteChangesFrom(candidate, live));
        assertEquals(Set.of(1, 2, 3, 4, 5), origins.versionsThatWroteChangesFrom(candidate, null));
    }

    /** docs/workflow.md: taking a section out, moving one and changing the review interval are writing too. */
    @Test
    void aRemovalAMoveAndANewReviewIntervalCountForTheVersionThatMadeThem() {
        ArticleContent live = content("Title", section("intro", "One."), section("warnings", "See a doctor if…"));
        ContentOrigins liveOrigins = ContentOrigins.allWrittenIn(live, 1);
        ArticleContent removed = content("Title", section("intro", "One."));
        ContentOrigins removedOrigins = ContentOrigins.carry(live, liveOrigins, removed, 2);
        assertEquals(Map.of("warnings", 2), removedOrigins.removedSections());
        assertEquals(Set.of(2), removedOrigins.versionsThatWroteChangesFrom(removed, live));

        ArticleContent moved = content("Title", section("warnings", "See a doctor if…"), section("intro", "One."));
        ContentOrigins movedOrigins = ContentOrigins.carry(live, liveOrigins, moved, 3);
        assertEquals(Set.of(3), movedOrigins.versionsThatWroteChangesFrom(moved, live));

        ArticleContent longer = new ArticleContent("slug", "Title", "", "en", List.of(), 36, "", live.sections(), List.of(LEE));
        ContentOrigins longerOrigins = ContentOrigins.carry(live, liveOrigins, longer, 4);
        assertEquals(Set.of(4), longerOrigins.versionsThatWroteChangesFrom(longer, live));
    }

    @Test
    void aRemovalTravelsThroughSavesAndRestoresWithTheVersionThatMadeIt() {
        ArticleContent v1 = content("Title", section("intro", "One."), section("warnings", "See a doctor if…"));
        ContentOrigins o1 = ContentOrigins.allWrittenIn(v1, 1);
        ArticleContent v2 = content("Title", section("intro", "One."));
        ContentOrigins o2 = ContentOrigins.carry(v1, o1, v2, 2);
        // v3 restores v1: the section is back, nothing is removed.
        ContentOrigins o3 = ContentOrigins.carry(v1, o1, v1, 3);
        assertEquals(Map.of(), o3.removedSections());
        // v4 restores v2: the removal is version 2's, whoever pressed Restore, and so is the order.
        ContentOrigins o4 = ContentOrigins.carry(v2, o2, v2, 4);
        assertEquals(Map.of("warnings", 2), o4.removedSections());
        assertEquals(Set.of(2), o4.versionsThatWroteChangesFrom(v2, v1));
        // v5 edits the intro of v4: the old removal stays version 2's.
        ArticleContent v5 = content("Title", section("intro", "One, clearer."));
        ContentOrigins o5 = ContentOrigins.carry(v2, o4, v5, 5);
        assertEquals(Map.of("warnings", 2), o5.removedSections());
        assertEquals(Set.of(2, 5), o5.versionsThatWroteChangesFrom(v5, v1));
    }

    /** What readers are told about who wrote it, for whom and with what interests is written like the title. */
    @Test
    void audienceDisclosuresAndAuthorCredentialsBelongToTheHeader() {
        ArticleContent v1 = content("Title", section("intro", "One."));
        ContentOrigins o1 = ContentOrigins.allWrittenIn(v1, 1);
        List<ArticleContent> changes = List.of(
                new ArticleContent("slug", "Title", "", "en", List.of(), Audience.CLINICIANS, "", "", 12, "",
                        v1.sections(), List.of(LEE)),
                new ArticleContent("slug", "Title", "", "en", List.of(), Audience.PATIENTS, "Funded by Acme Ltd.", "", 12,
                        "", v1.sections(), List.of(LEE)),
                new ArticleContent("slug", "Title", "", "en", List.of(), Audience.PATIENTS, "", "MRCGP", 12, "",
                        v1.sections(), List.of(LEE)));
        for (ArticleContent changed : changes) {
            ContentOrigins o2 = ContentOrigins.carry(v1, o1, changed, 2);
            assertEquals(2, o2.header(), changed.toString());
            assertEquals(Set.of(2), o2.versionsThatWroteChangesFrom(changed, v1), changed.toString());
        }
    }

    private static ArticleContent content(String title, Section... sections) {
        return new ArticleContent("slug", title, "", "en", List.of(), 12, "", List.of(sections), List.of(LEE));
    }

    private static Section section(String key, String body) {
        return new Section(key, "", null, body);
    }
}
