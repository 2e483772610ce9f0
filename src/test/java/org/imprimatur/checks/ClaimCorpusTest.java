package org.imprimatur.checks;

import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.Citation;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.Section;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uncited-claim} over sentences written for this test (docs/clinical-checks.md,
 * "uncited-claim"): claims of research and figures, and false friends that name research or
 * numbers without claiming anything. Precision and recall are printed and held to a floor.
 */
class ClaimCorpusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** Sentences that report research or state a figure: each must be found while it cites nothing. */
    private static final List<String> CLAIMS = List.of(
            "A 2019 review of twelve trials found that emollients reduce flares in babies.",
            "A 2020 meta-analysis concluded that daily bathing does not worsen eczema.",
            "Studies show that children with eczema are more likely to develop hay fever.",
            "Researchers believe the skin barrier is damaged before the rash appears.",
            "According to a 2017 survey, most parents apply cream less often than advised.",
            "Around 20% of children in the UK have eczema at some point.",
            "Eczema affects roughly 1 in 5 children and 1 in 10 adults.",
            "The condition is diagnosed in about 300 per 100,000 adults each year.",
            "Research from 2016 links early antibiotic use with later eczema.",
            "Evidence suggests that wet wrapping helps severe flares in some children.",
            "A 2022 systematic review reported no benefit from evening primrose oil.",
            "Scientists have found changes in skin bacteria before a flare starts.",
            "Experts say that scratching makes the itch worse over time.",
            "Data from 2015 show that hospital visits for eczema doubled in ten years.",
            "A randomised trial in 2018 tested a new cream against a placebo.",
            "Children with eczema are three times more likely to have food allergies.",
            "It has been shown that fragrance-free products irritate the skin less.",
            "About half of all children with eczema grow out of it by their teens.",
            "Roughly 15 million people in the country live with eczema.",
            "Recent studies suggest that vitamin D may ease symptoms in winter.",
            "A 2021 study of 400 families noted that dust mites worsen symptoms.",
            "Rates of eczema rose by 40 percent between 1990 and 2010.",
            "New research indicates that stress hormones can trigger flares.",
            "One in three adults with eczema reports poor sleep.",
            "A 2014 guideline recommends emollients as the first treatment.",
            "The 2019 trial found fewer flares in the treated group.",
            "Investigators observed that bleach baths lowered infection rates.",
            "A Cochrane review published in 2020 found too little evidence for probiotics.",
            "In 2012, researchers reported a gene that weakens the skin barrier.",
            "Nearly 30% of adults with eczema say it affects their work.",
            "Girls are twice as likely as boys to develop hand eczema.",
            "Several studies have linked hard water with eczema in infants.",
            "A large 2023 cohort study suggests breastfeeding does not prevent eczema.",
            "Surveys show that many patients stop treatment too early.",
            "The number of flares was 12 out of 100 in the treated group.",
            "Research has shown that moisturising twice a day helps.",
            "Probiotics were tested in 2019 on 200 babies.",
            "A Danish team followed 5,000 children for ten years.",
            "The NHS recommends emollients for everyone with eczema.",
            "Researchers at the clinic examined 30 patients and saw fewer flares.",
            "A study in mice showed that scratching spreads inflammation.",
            "The prevalence of eczema has tripled since the 1970s.",
            "A 2018 paper by Lee and colleagues describes the gene in detail.",
            "Findings from a large 2020 study point to a role for pollution.",
            // known misses: research named by no source noun, reporting verb or year
            "Most trials of probiotics have been small and short.",
            "Work published last year suggests that sleep loss worsens itch.");

    /** Sentences that claim no research and no figure, though many name research words or numbers. */
    private static final List<String> NOT_CLAIMS = List.of(
            "Review your symptoms with your GP before changing treatment.",
            "Leave the cream on for 15 minutes before dressing.",
            "Take 2 tablets with water after a meal.",
            "Further research is necessary before this can be recommended.",
            "Use a 1% hydrocortisone cream for no more than a week.",
            "Apply moisturiser twice a day, even when the skin looks clear.",
            "Bathe in lukewarm water for 5 to 10 minutes.",
            "Ask your pharmacist to review your medicines once a year.",
            "Report any side effects to your doctor.",
            "Wear loose clothes made of 100% cotton.",
            "Children under 2 should see a doctor for any new rash.",
            "Take one in the morning and one at night.",
            "Study the label before you buy a new soap.",
            "Keep nails short to limit damage from scratching.",
            "Eczema is not contagious, so it cannot pass from one person to another.",
            "More research is needed to show whether diet plays a part.",
            "No study has shown that special diets cure eczema.",
            "This article explains what the research says about diet.",
            "Your doctor will review your treatment plan at each visit.",
            "Try a trial of a new cream on a small patch of skin first.",
            "Flares often start in autumn when the heating goes on.",
            "Use the cream according to the instructions on the tube.",
            "Dose changes follow the child's weight, according to the leaflet.",
            "Cut the tablet in half if your doctor tells you to.",
            "Drink twice as much water on hot days.",
            "Apply the ointment 3 times a day.",
            "Wash bedding at 60 degrees to kill dust mites.",
            "Your nurse may ask how many nights a week itching wakes your child.",
            "The rash can look darker on brown and black skin.",
            "Recent weight loss is not a sign of eczema.",
            "In 2 weeks the skin should look calmer.",
            "Read what studies say before buying supplements.",
            "Keep a diary of what you eat and when flares start.",
            "Steroid creams come in different strengths, from mild to very strong.",
            "Apply a thin layer, about the size of 2 fingertips.",
            "There is little evidence that special diets help adults.",
            "Some people find that cotton gloves help at night.",
            "Experts at the charity answer questions by phone.",
            "If you find a new patch, show it to your doctor.",
            "The report shows your child's growth over the year.",
            "Your test results show a low iron level.",
            "Survey your home for things that trigger flares.",
            "Research shows up in the news a lot.",
            "Studies at school can suffer when itching keeps a child awake.",
            "Give 5 ml of the liquid every 4 hours.",
            "A 2-week course of antibiotics may be needed.",
            "Reviews from other parents can help you choose a cream.",
            "About 1 in every tube is enough for a week.");

    private static final double MINIMUM_PRECISION = 0.95;
    /** Two claims above name their research by no word the rules know; the floor leaves room for them and no more. */
    private static final double MINIMUM_RECALL = 0.90;

    @Test
    void findsUncitedClaimsWithPrecisionAndRecall() {
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        int found = 0;
        for (String claim : CLAIMS) {
            if (firesUncited(claim)) {
                found++;
            } else {
                missed.add(claim);
            }
        }
        for (String sentence : NOT_CLAIMS) {
            if (firesUncited(sentence)) {
                falseAlarms.add(sentence);
            }
        }
        double precision = (double) found / (found + falseAlarms.size());
        double recall = (double) found / CLAIMS.size();
        System.out.printf("uncited-claim over %d sentences: precision %.3f, recall %.3f%n  missed: %s%n"
                        + "  false alarms: %s%n", CLAIMS.size() + NOT_CLAIMS.size(), precision, recall, missed,
                falseAlarms);
        assertTrue(CLAIMS.size() + NOT_CLAIMS.size() >= 60);
        assertTrue(precision >= MINIMUM_PRECISION, "precision " + precision + ", false alarms " + falseAlarms);
        assertTrue(recall >= MINIMUM_RECALL, "recall " + recall + ", missed " + missed);
    }

    /** The same claims with a marker before or after their full stop cite a source: none of them fires. */
    @Test
    void aMarkerInOrRightAfterTheSentenceSilencesIt() {
        List<String> stillFiring = new ArrayList<>();
        for (String claim : CLAIMS) {
            String inside = claim.substring(0, claim.length() - 1) + " [@source].";
            String after = claim + " [@source]";
            if (firesUncited(inside) || firesUncited(after)) {
                stillFiring.add(claim);
            }
        }
        assertEquals(List.of(), stillFiring);
    }

    /** A marker of the sentence before does not cite for the next one. */
    @Test
    void aMarkerCitesOnlyItsOwnSentence() {
        List<Finding> findings = uncited("Eczema is common [@source]. Around 20% of children have it at some point.");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("Around 20% of children have it at some point.", findings.get(0).sentence());
    }

    private static boolean firesUncited(String sentence) {
        return !uncited(sentence).isEmpty();
    }

    private static List<Finding> uncited(String body) {
        Citation source = new Citation("source", CitationKind.JOURNAL_ARTICLE, "A source", List.of("Lee A"), "Journal",
                2024, "10.1000/x", null, null, null);
        ArticleContent content = new ArticleContent("corpus", "Corpus", "", "en", List.of(), null, null,
                List.of(new Section("s", "", null, body)), List.of(source));
        return ClinicalChecks.of(content, CheckSettings.defaults(), TODAY).findings().stream()
                .filter(finding -> finding.rule() == CheckRule.UNCITED_CLAIM).toList();
    }
}
