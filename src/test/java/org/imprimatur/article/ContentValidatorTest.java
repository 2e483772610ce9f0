package org.imprimatur.article;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @Test
    void contentIsForPatientsWithNothingDisclosedUnlessItSaysOtherwise() {
        ArticleContent plain = ContentValidator.validate(input("self-care", "review"), true, TODAY, ImageSources.siteOnly());
        assertEquals(Audience.PATIENTS, plain.audience());
        assertEquals("", plain.disclosures());
        assertEquals("", plain.authorCredentials());
        ArticleContent declared = ContentValidator.validate(input("clinicians", "Funded by the Skin Trust; no conflicts.",
                " MRCGP "), true, TODAY, ImageSources.siteOnly());
        assertEquals(Audience.CLINICIANS, declared.audience());
        assertEquals("Funded by the Skin Trust; no conflicts.", declared.disclosures());
        assertEquals("MRCGP", declared.authorCredentials());
    }

    @Test
    void anUnknownAudienceAndOverlongDisclosuresAndCredentialsAreReportedAgainstTheirFields() {
        ProblemException refused = assertThrows(ProblemException.class, () -> ContentValidator.validate(
                input("nurses", "d".repeat(1_001), "c".repeat(201)), true, TODAY, ImageSources.siteOnly()));
        assertEquals(List.of("audience", "disclosures", "authorCredentials"),
                refused.problem().errors().stream().map(FieldError::field).toList());
        assertEquals("must be one of patients, clinicians", refused.problem().errors().get(0).message());
        // At the limits, counted in characters as the database counts them.
        ContentValidator.validate(input("patients", "\uD83D\uDE23".repeat(1_000), "c".repeat(200)), true, TODAY,
                ImageSources.siteOnly());
    }

    @Test
    void disclosuresAndCredentialsAreOneLineWithoutControlCharacters() {
        ProblemException refused = assertThrows(ProblemException.class, () -> ContentValidator.validate(
                input("patients", "Funding: none.\nConflicts: none.", "MRCGP\u202E"), true, TODAY, ImageSources.siteOnly()));
        assertEquals(List.of("disclosures", "authorCredentials"),
                refused.problem().errors().stream().map(FieldError::field).toList());
    }

    /** docs/content-model.md, "Content hash": what readers are told is certified; versions saved before keep their hash. */
    @Test
    void theHashCoversAudienceDisclosuresAndCredentialsOnlyWhenTheySaySomething() {
        ArticleContent plain = ContentValidator.validate(input("self-care", "review"), true, TODAY, ImageSources.siteOnly());
        ArticleContent asBefore = new ArticleContent(plain.slug(), plain.title(), plain.summary(), plain.language(),
                plain.tags(), plain.reviewIntervalMonths(), plain.changeNote(), plain.sections(), plain.citations());
        assertEquals(asBefore.contentHash(), plain.contentHash());
        assertEquals(Set.of("title", "summary", "language", "tags", "sections", "citations"), plain.hashedContent().keySet());
        Set<String> hashes = new HashSet<>();
        hashes.add(plain.contentHash());
        hashes.add(ContentValidator.validate(input("clinicians", "", ""), true, TODAY, ImageSources.siteOnly()).contentHash());
        hashes.add(ContentValidator.validate(input("patients", "Funded by Acme.", ""), true, TODAY, ImageSources.siteOnly())
                .contentHash());
        hashes.add(ContentValidator.validate(input("patients", "", "MRCGP"), true, TODAY, ImageSources.siteOnly()).contentHash());
        assertEquals(4, hashes.size());
    }

    private static ContentInput input(String audience, String disclosures, String authorCredentials) {
        ContentInput base = input("self-care", "review");
        return new ContentInput(base.slug(), base.title(), base.summary(), base.language(), base.tags(), audience,
                disclosures, authorCredentials, null, null, base.sections(), base.citations());
    }

    private static ContentInput input(String aspect, String kind) {
        return new ContentInput("sunburn", "Sunburn", "", null, List.of(), null, null, null, null, null,
                List.of(new ContentInput.SectionInput("doctor", "When to see a doctor", aspect, "See a doctor [@nhs]."),
                        new ContentInput.SectionInput("intro", "", null, "Cool the skin.")),
                List.of(new ContentInput.CitationInput("nhs", kind, "Sunburn", List.of(), null, null, null, null,
                        "https://www.nhs.uk/conditions/sunburn/", null)));
    }
}
