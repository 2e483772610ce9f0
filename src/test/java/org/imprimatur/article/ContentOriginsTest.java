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
        assertEquals(new ContentOrigins(1, Map.of("intro", 1, "causes", 1), Map.of("lee-2021", 1)), o1);

        ArticleContent v2 = content("Title", section("intro", "One, edited."), section("causes", "Genes."),
                section("diet", "Fibre."));
        ContentOrigins o2 = ContentOrigins.carry(v1, o1, v2, 2);
        assertEquals(new ContentOrigins(1, Map.of("intro", 2, "causes", 1, "diet", 2), Map.of("lee-2021", 1)), o2);

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
        ContentOrigins origins = new ContentOrigins(1, Map.of("intro", 4, "causes", 1), Map.of("lee-2021", 2));
        assertEquals(Set.of(4), origins.versionsThatWroteChangesFrom(candidate, live));
        assertEquals(Set.of(1, 2, 4), origins.versionsThatWroteChangesFrom(candidate, null));
        // A removed section changes nothing anyone must sign for; a moved one is the same text.
        ArticleContent reordered = content("Title", section("causes", "Genes."));
        assertEquals(Set.of(), new ContentOrigins(1, Map.of("causes", 1), Map.of("lee-2021", 2))
                .versionsThatWroteChangesFrom(reordered, live));
    }

    private static ArticleContent content(String title, Section... sections) {
        return new ArticleContent("slug", title, "", "en", List.of(), 12, "", List.of(sections), List.of(LEE));
    }

    private static Section section(String key, String body) {
        return new Section(key, "", null, body);
    }
}
