package org.imprimatur.studio;

import org.imprimatur.article.ContentInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The editor's form as posted, turned into content and rearranged (docs/studio.md, "Editor"). */
class ArticleFormTest {

    private static ArticleForm twoSections() {
        ArticleForm form = new ArticleForm();
        form.title = "Title";
        form.tags = " skin,  summer ,";
        form.reviewIntervalMonths = "6";
        form.sectionKey = new ArrayList<>(List.of("a", "b"));
        form.sectionHeading = new ArrayList<>(List.of("A", "B"));
        form.sectionAspect = new ArrayList<>(List.of("", "self-care"));
        form.sectionBody = new ArrayList<>(List.of("First.", "Second."));
        form.citationKey = null;   // a form without citations posts none of their fields
        return form;
    }

    @Test
    void theFormBecomesContentWithAuthorsPerLineAndTagsByComma() {
        ArticleForm form = twoSections();
        form.op = "add-citation";
        form.rearrange();
        form.citationKey.set(0, "lee-2021");
        form.citationAuthors.set(0, "Lee A\n\n  Kim B  \r\n");
        form.citationYear.set(0, "2021");
        ArticleForm.Parsed parsed = form.content();
        ContentInput content = parsed.content();
        assertEquals(List.of(), parsed.unreadable());
        assertEquals(List.of("skin", "summer"), content.tags());
        assertEquals(6, content.reviewIntervalMonths());
        assertNull(content.sections().get(0).aspect());
        assertEquals("self-care", content.sections().get(1).aspect());
        assertEquals(List.of("Lee A", "Kim B"), content.citations().get(0).authors());
        assertEquals("journal-article", content.citations().get(0).kind());
        assertEquals(2021, content.citations().get(0).year());
    }

    @Test
    void audienceDisclosuresAndCredentialsPassAsTypedAndAnEmptyAudienceIsTheDefault() {
        ArticleForm form = twoSections();
        form.audience = "clinicians";
        form.disclosures = "Funded by the Skin Trust.";
        form.authorCredentials = "MRCGP";
        ContentInput content = form.content().content();
        assertEquals("clinicians", content.audience());
        assertEquals("Funded by the Skin Trust.", content.disclosures());
        assertEquals("MRCGP", content.authorCredentials());
        ArticleForm untouched = twoSections();
        assertNull(untouched.content().content().audience());
        assertEquals("", untouched.content().content().disclosures());
        assertEquals("patients", ArticleForm.blank().audience);
    }

    @Test
    void unreadableNumbersAndDatesAreNamedByTheirFieldPaths() {
        ArticleForm form = twoSections();
        form.reviewIntervalMonths = "twelve";
        form.op = "add-citation";
        form.rearrange();
        form.citationYear.set(0, "20x1");
        form.citationAccessedOn.set(0, "yesterday");
        assertEquals(List.of("citations[0].year", "citations[0].accessedOn", "reviewIntervalMonths"),
                form.content().unreadable().stream().map(error -> error.field()).toList());
    }

    @Test
    void sectionsMoveAndGoWithAllTheirFields() {
        ArticleForm form = twoSections();
        form.op = "down-section-0";
        form.rearrange();
        assertEquals(List.of("b", "a"), form.sectionKey);
        assertEquals(List.of("Second.", "First."), form.sectionBody);
        form.op = "remove-section-1";
        form.rearrange();
        assertEquals(List.of("b"), form.sectionKey);
        assertEquals(List.of("self-care"), form.sectionAspect);
        form.op = "remove-section-9";
        assertFalse(form.rearrange(), "a button for a section that is not there changes nothing");
        form.op = "save";
        assertFalse(form.rearrange());
        assertEquals(1, form.sectionCount());
    }
}
