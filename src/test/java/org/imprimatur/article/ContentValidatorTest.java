package org.imprimatur.article;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** docs/content-model.md, "Checking the rules": what a client wrote becomes content with named values, or is refused whole. */
class ContentValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void acceptedContentNamesItsAspectsAndSourceKinds() {
        ArticleContent content = ContentValidator.validate(input("see-doctor", "web-page"), true, TODAY, ImageSources.siteOnly());
        assertEquals(HealthAspect.SEE_DOCTOR, content.sections().get(0).aspect());
        assertNull(content.sections().get(1).aspect());
        assertEquals(CitationKind.WEB_PAGE, content.citations().get(0).kind());
    }

    @Test
    void anUnknownAspectAndAnUnknownKindAreBothReportedAgainstTheirFields() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ContentValidator.validate(input("gossip", "rumour"), true, TODAY, ImageSources.siteOnly()));
        assertEquals(422, refused.problem().status());
        assertEquals(List.of("sections[0].aspect", "citations[0].kind"),
                refused.problem().errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theHashOfAcceptedContentUsesTheNamesClientsWrite() {
        ArticleContent content = ContentValidator.validate(input("self-care", "meta-analysis"), true, TODAY, ImageSources.siteOnly());
        Map<?, ?> section = (Map<?, ?>) ((List<?>) content.hashedContent().get("sections")).get(0);
        Map<?, ?> citation = (Map<?, ?>) ((List<?>) content.hashedContent().get("citations")).get(0);
        assertEquals("self-care", section.get("aspect"));
        assertEquals("meta-analysis", citation.get("kind"));
    }

    private static ContentInput input(String aspect, String kind) {
        return new ContentInput("sunburn", "Sunburn", "", null, List.of(), null, null,
                List.of(new ContentInput.SectionInput("doctor", "When to see a doctor", aspect, "See a doctor [@nhs]."),
                        new ContentInput.SectionInput("intro", "", null, "Cool the skin.")),
                List.of(new ContentInput.CitationInput("nhs", kind, "Sunburn", List.of(), null, null, null, null,
                        "https://www.nhs.uk/conditions/sunburn/", null)));
    }
}
