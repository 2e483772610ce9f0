package org.imprimatur.checks;

import org.imprimatur.checks.Words.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one sentence for what it claims (docs/clinical-checks.md, "uncited-claim"): whether it
 * reports research (names a kind of study with a year or with a reporting verb, "according to",
 * "has been shown"), whether it states a figure (a percentage, a rate, "N in M"), which sources it
 * names ("a 2021 review"), whether it refers back to a source named before ("the review authors",
 * "It suggests …") and whether it speaks of current research ("recent studies"). Word lists and
 * fixed windows over the sentence's words: no regular expressions, no backtracking.
 */
final class ClaimReader {

    /** Nouns that name research or its sources, with the kind of source each one names. */
    private static final Map<String, SourceKind> SOURCE_NOUNS = Map.ofEntries(
            Map.entry("review", SourceKind.REVIEW), Map.entry("reviews", SourceKind.REVIEW),
            Map.entry("meta-analysis", SourceKind.META_ANALYSIS), Map.entry("meta-analyses", SourceKind.META_ANALYSIS),
            Map.entry("metaanalysis", SourceKind.META_ANALYSIS), Map.entry("metaanalyses", SourceKind.META_ANALYSIS),
            Map.entry("study", SourceKind.STUDY), Map.entry("studies", SourceKind.STUDY),
            Map.entry("trial", SourceKind.TRIAL), Map.entry("trials", SourceKind.TRIAL),
            Map.entry("guideline", SourceKind.GUIDELINE), Map.entry("guidelines", SourceKind.GUIDELINE),
            Map.entry("guidance", SourceKind.GUIDELINE),
            Map.entry("book", SourceKind.BOOK), Map.entry("textbook", SourceKind.BOOK),
            Map.entry("research", SourceKind.ANY), Map.entry("article", SourceKind.ANY),
            Map.entry("articles", SourceKind.ANY), Map.entry("paper", SourceKind.ANY), Map.entry("papers", SourceKind.ANY),
            Map.entry("report", SourceKind.ANY), Map.entry("reports", SourceKind.ANY), Map.entry("survey", SourceKind.ANY),
            Map.entry("surveys", SourceKind.ANY), Map.entry("analysis", SourceKind.ANY),
            Map.entry("analyses", SourceKind.ANY), Map.entry("data", SourceKind.ANY), Map.entry("evidence", SourceKind.ANY),
            Map.entry("findings", SourceKind.ANY), Map.entry("experiment", SourceKind.ANY),
            Map.entry("experiments", SourceKind.ANY), Map.entry("investigation", SourceKind.ANY),
            Map.entry("researchers", SourceKind.ANY), Map.entry("scientists", SourceKind.ANY),
            Map.entry("experts", SourceKind.ANY), Map.entry("investigators", SourceKind.ANY),
            Map.entry("authors", SourceKind.ANY), Map.entry("scholars", SourceKind.ANY));

    /** Health bodies whose word is a source, known by their acronym in capitals (so "who" stays a pronoun). */
    private static final Set<String> BODIES = Set.of("NHS", "NICE", "WHO", "CDC", "NIH", "FDA", "AAD", "MHRA", "EMA");
    /** Source nouns too common in other senses to count without a year: "the report shows your child's growth". */
    private static final Set<String> ONLY_WITH_A_YEAR = Set.of("report", "reports");
    /** Verbs of doing research that report a study without naming one, with a year or a group counted. */
    private static final Set<String> RESEARCH_ACTIVITIES = Set.of("tested", "trialled", "trialed", "examined",
            "studied", "followed", "compared", "measured", "surveyed", "analysed", "analyzed", "recruited",
            "enrolled");
    /** Words that state a change as a figure: "hospital visits doubled". */
    private static final Set<String> MULTIPLES = Set.of("doubled", "tripled", "trebled", "quadrupled", "halved",
            "twofold", "threefold", "fourfold", "tenfold");

    /** Source nouns that are also verbs of advice: "Review your symptoms", "Report any side effects". */
    private static final Set<String> ALSO_VERBS = Set.of("review", "reviews", "study", "research", "report",
            "reports", "survey", "trial");
    /** Words before such a noun that make it a verb: "to review", "you can report", "please study". */
    private static final Set<String> VERB_BEFORE = Set.of("to", "you", "we", "they", "i", "can", "could", "will", "would",
            "should", "may", "might", "must", "please", "you'll", "you’ll", "we'll", "we’ll", "then", "don't", "don’t");
    /** Words after a sentence-opening "Review …" or "… and review …" that make it a command. */
    private static final Set<String> OBJECT_AFTER = Set.of("your", "the", "a", "an", "any", "all", "this", "these",
            "those", "their", "his", "her", "its", "our", "my", "what", "how", "whether", "with", "each", "every",
            "them", "it");

    /** Verbs by which a sentence reports what research found or what its authors think. */
    private static final Set<String> REPORTING_VERBS = Set.of(
            "suggest", "suggests", "suggested", "show", "shows", "showed", "shown", "find", "finds", "found",
            "indicate", "indicates", "indicated", "note", "notes", "noted", "report", "reports", "reported",
            "associate", "associates", "associated", "link", "links", "linked", "conclude", "concludes", "concluded",
            "demonstrate", "demonstrates", "demonstrated", "reveal", "reveals", "revealed", "confirm", "confirms",
            "confirmed", "estimate", "estimates", "estimated", "believe", "believes", "believed", "say", "says",
            "said", "state", "states", "stated", "observe", "observes", "observed", "propose", "proposes", "proposed",
            "recommend", "recommends", "recommended", "advise", "advises", "advised", "argue", "argues", "argued",
            "claim", "claims", "claimed",
            "think", "thinks", "thought", "agree", "agrees", "agreed", "warn", "warns", "warned", "predict",
            "predicts", "predicted", "discover", "discovers", "discovered", "identify", "identifies", "identified",
            "highlight", "highlights", "highlighted", "support", "supports", "supported", "prove", "proves", "proved",
            "proven", "hint", "hints", "hinted", "imply", "implies", "implied", "point", "points", "pointed");
    /** Before a verb, these make it a wish or a plan rather than a report: "research is needed to show". */
    private static final Set<String> NOT_YET = Set.of("to", "may", "might", "could", "would", "will", "should", "can",
            "cannot", "must", "can't", "can’t", "won't", "won’t");
    /** A noun after these states that research is missing, not what it found: "no research indicates". */
    private static final Set<String> NEGATIONS = Set.of("no", "not", "few", "little", "insufficient", "lack",
            "without", "nor", "neither", "none", "isn't", "isn’t", "aren't", "aren’t", "hasn't", "hasn’t", "haven't",
            "haven’t");
    /** A noun after these is part of a question, not a report: "… what research suggests about …". */
    private static final Set<String> EMBEDDERS = Set.of("what", "whether", "how", "if", "why");
    /** A reporting verb past these belongs to another clause. */
    private static final Set<String> CLAUSE_BREAKS = Set.of("but", "although", "though", "whereas", "while", "so",
            "because", "if", "when", "until", "unless", "however");
    /** After "according to", these make it an instruction: "according to the label". */
    private static final Set<String> INSTRUCTIONS = Set.of("instructions", "directions", "label", "leaflet", "packet",
            "package", "prescription", "advice", "plan", "schedule", "recipe", "taste", "need", "needs", "preference",
            "preferences", "size", "weight", "age", "severity", "type", "manufacturer's", "manufacturer’s");
    /** After a percentage, these make it a strength or a material, not a finding: "a 1% hydrocortisone cream". */
    private static final Set<String> PRODUCTS = Set.of("cream", "creams", "ointment", "ointments", "gel", "lotion",
            "solution", "shampoo", "wash", "spray", "drops", "strength", "concentration", "alcohol", "hydrocortisone",
            "zinc", "urea", "off", "sure", "proof", "cotton", "silk", "wool", "juice");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
            "million");
    private static final Set<String> FRACTIONS = Set.of("half", "third", "thirds", "quarter", "quarters", "fifth",
            "fifths", "tenth", "tenths");
    private static final Set<String> POPULATIONS = Set.of("people", "children", "adults", "infants", "babies",
            "patients", "women", "men", "cases", "those", "americans", "population", "teenagers", "adolescents", "girls",
            "boys", "users", "participants", "sufferers", "families", "volunteers", "mothers", "twins");
    private static final Set<String> COMPARISONS = Set.of("more", "less", "as", "higher", "lower", "greater");
    private static final Set<String> PASSIVE_FINDINGS = Set.of("shown", "found", "demonstrated", "proven", "proved",
            "reported", "linked", "associated");
    private static final Set<String> CURRENCY = Set.of("recent", "recently", "latest", "new", "newer", "newest",
            "emerging", "growing", "current", "currently", "modern");
    private static final Set<String> BACK_REFERENCES = Set.of("this", "that", "these", "those", "same", "such");
    private static final Set<String> PRONOUNS = Set.of("it", "they", "this", "these");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "one");
    private static final Set<String> ARTICLES_OR_THIS = Set.of("a", "an", "the", "one", "this");
    /** After "the", these name a particular source even though they name no kind: "the authors", "the report". */
    private static final Set<String> PARTICULAR_SOURCES = Set.of("authors", "researchers", "report", "paper",
            "article", "survey");
    /** "Twice as much water" is advice, "twice as likely" a finding. */
    private static final Set<String> AMOUNTS = Set.of("much", "many", "often", "long");
    private static final Set<String> SELF_REFERENCES = Set.of("article", "articles", "paper", "report", "guide");

    private static final int VERB_WINDOW = 6;
    private static final int CURRENCY_WINDOW = 5;
    private static final int PHRASE_LIMIT = 60;
    /** A sentence naming more sources than this is a list; the first ones are checked. */
    private static final int MOST_NAMED = 8;

    private ClaimReader() {
    }

    /** A source the sentence names: its year and kind, either of which may be unnamed (null, {@link SourceKind#ANY}). */
    record NamedSource(Integer year, SourceKind kind, String phrase) {
    }

    /**
     * What a sentence claims. {@code researchPhrase} and {@code figurePhrase} quote the words that
     * make it a claim, or are null; {@code opensWithPronounReport} ("It suggests …") makes it a claim
     * only after one.
     */
    record Reading(String researchPhrase, String figurePhrase, List<NamedSource> namedSources, boolean refersBack,
                   boolean opensWithPronounReport, String currentResearchPhrase) {

        boolean reportsResearch() {
            return researchPhrase != null;
        }

        boolean isClaim() {
            return researchPhrase != null || figurePhrase != null;
        }
    }

    static Reading read(String sentence) {
        List<Word> words = Words.of(sentence);
        int n = words.size();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = words.get(i).lower();
        }
        String research = null;
        List<NamedSource> named = new ArrayList<>();
        boolean refersBack = false;
        String current = null;

        for (int i = 0; i < n; i++) {
            SourceKind kind = BODIES.contains(words.get(i).text()) ? SourceKind.ANY : kindAt(lower, i);
            if (kind == null || isVerbHere(lower, i) || isSelfReference(lower, i)) {
                continue;
            }
            if (current == null) {
                for (int k = Math.max(0, i - CURRENCY_WINDOW); k < i; k++) {
                    if (CURRENCY.contains(lower[k])) {
                        current = phrase(sentence, words, k, i);
                        break;
                    }
                }
            }
            if (isNegated(lower, i) || isEmbedded(lower, i)) {
                continue;
            }
            int yearAt = yearIndex(words, lower, i);
            Integer year = yearAt < 0 ? null : Integer.valueOf(words.get(yearAt).text());
            int verb = reportingVerbAfter(sentence, words, lower, i);
            boolean afterAccordingTo = i >= 2 && lower[i - 2].equals("according") && lower[i - 1].equals("to")
                    || i >= 3 && lower[i - 3].equals("according") && lower[i - 2].equals("to");
            if (year == null && (verb < 0 || ONLY_WITH_A_YEAR.contains(lower[i]))) {
                continue;
            }
            if (research == null) {
                // "A 2021 review suggests", "Research in a 2021 review suggests", "research has indicated"
                research = phrase(sentence, words, Math.min(i, yearPhraseStart(words, lower, i)),
                        verb >= 0 ? verb : Math.max(i, yearAt));
            }
            refersBack |= refersBack(words, lower, i, kind);
            boolean describesTheSource = !isObjectOfOf(lower, i);
            boolean namesIt = year != null || kind != SourceKind.ANY && (verb >= 0 || afterAccordingTo);
            if (named.size() < MOST_NAMED && describesTheSource && namesIt) {
                named.add(new NamedSource(year, kind, phrase(sentence, words, yearPhraseStart(words, lower, i), i)));
            }
        }
        if (research == null) {
            research = accordingTo(sentence, words, lower);
        }
        if (research == null) {
            research = passiveFinding(sentence, words, lower);
        }
        if (research == null) {
            research = researchActivity(sentence, words, lower);
        }
        if (research != null && n >= 2 && lower[0].equals("in") && words.get(1).isYear() && named.size() < MOST_NAMED
                && named.stream().noneMatch(source -> source.year() != null)) {
            named.add(new NamedSource(Integer.parseInt(words.get(1).text()), SourceKind.ANY, phrase(sentence, words, 0, 1)));
        }
        accordingToSource(sentence, words, lower, named);
        return new Reading(research, figure(sentence, words, lower), List.copyOf(named), refersBack,
                opensWithPronounReport(lower), current);
    }

    private static SourceKind kindAt(String[] lower, int i) {
        if (lower[i].equals("analysis") && i > 0 && lower[i - 1].equals("meta")) {
            return SourceKind.META_ANALYSIS;
        }
        SourceKind kind = SOURCE_NOUNS.get(lower[i]);
        if (kind == SourceKind.REVIEW && i > 0 && lower[i - 1].equals("systematic")) {
            return SourceKind.SYSTEMATIC_REVIEW;
        }
        return kind;
    }

    private static boolean isVerbHere(String[] lower, int i) {
        if (!ALSO_VERBS.contains(lower[i])) {
            return false;
        }
        if (i > 0 && VERB_BEFORE.contains(lower[i - 1])) {
            return true;
        }
        boolean opensClause = i == 0 || lower[i - 1].equals("and") || lower[i - 1].equals("or");
        return opensClause && i + 1 < lower.length && OBJECT_AFTER.contains(lower[i + 1]);
    }

    /** "This article explains …" is the page speaking of itself. */
    private static boolean isSelfReference(String[] lower, int i) {
        return SELF_REFERENCES.contains(lower[i]) && i > 0 && lower[i - 1].equals("this");
    }

    private static boolean isNegated(String[] lower, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (NEGATIONS.contains(lower[k]) && !(lower[k].equals("few") && k > 0 && lower[k - 1].equals("a"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmbedded(String[] lower, int i) {
        return i >= 1 && EMBEDDERS.contains(lower[i - 1]) || i >= 2 && EMBEDDERS.contains(lower[i - 2]);
    }

    /** Where the year of the noun stands, or -1: "a 2021 review", "a 2023 literature review", "research from 2018". */
    private static int yearIndex(List<Word> words, String[] lower, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            if (words.get(k).isYear()) {
                return k;
            }
            if (SOURCE_NOUNS.containsKey(lower[k]) || lower[k].equals("of")) {
                break;
            }
        }
        for (int k = i + 1; k <= Math.min(words.size() - 1, i + 3); k++) {
            if (words.get(k).isYear()) {
                return k;
            }
            if (SOURCE_NOUNS.containsKey(lower[k])) {
                break;
            }
        }
        return -1;
    }

    /** The first word of "a 2021 review" for a noun at {@code i}: its article, or the year, or the noun. */
    private static int yearPhraseStart(List<Word> words, String[] lower, int i) {
        int start = i;
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            if (words.get(k).isYear()) {
                start = k;
                break;
            }
            if (SOURCE_NOUNS.containsKey(lower[k]) || lower[k].equals("of")) {
                break;
            }
        }
        if (start > 0 && ARTICLES.contains(lower[start - 1])) {
            start--;
        }
        return start;
    }

    /** The index of a reporting verb within a few words after the noun, in the same clause and not a wish; or -1. */
    private static int reportingVerbAfter(String sentence, List<Word> words, String[] lower, int i) {
        for (int k = i + 1; k < Math.min(lower.length, i + 1 + VERB_WINDOW); k++) {
            if (CLAUSE_BREAKS.contains(lower[k]) || contains(sentence, words.get(k - 1).end(), words.get(k).start(), ';')) {
                return -1;
            }
            if (REPORTING_VERBS.contains(lower[k]) && !NOT_YET.contains(lower[k - 1]) && isReportingUse(lower, k)) {
                return k;
            }
        }
        return -1;
    }

    /** "points to" reports; "shows up" does not. */
    private static boolean isReportingUse(String[] lower, int k) {
        boolean hasNext = k + 1 < lower.length;
        if (lower[k].startsWith("point")) {
            return hasNext && lower[k + 1].equals("to");
        }
        return !(lower[k].startsWith("show") && hasNext && lower[k + 1].equals("up"));
    }

    private static boolean contains(String text, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /** "the review authors", "this study", "the 2021 review", "the researchers": a source named before. */
    private static boolean refersBack(List<Word> words, String[] lower, int i, SourceKind kind) {
        int k = i - 1;
        while (k >= Math.max(0, i - 3)
                && (words.get(k).isYear() || SOURCE_NOUNS.containsKey(lower[k]) || lower[k].equals("also"))) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        if (BACK_REFERENCES.contains(lower[k])) {
            return true;
        }
        boolean specific = kind != SourceKind.ANY || k < i - 1
                || PARTICULAR_SOURCES.contains(lower[i]);
        return lower[k].equals("the") && specific;
    }

    /** In "a review of 20 trials" the trials describe the review; they are not the source. */
    private static boolean isObjectOfOf(String[] lower, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
            if (lower[k].equals("of")) {
                return !lower[Math.max(0, k - 1)].equals("body"); // "a body of research" is the research itself
            }
            if (SOURCE_NOUNS.containsKey(lower[k])) {
                return false;
            }
        }
        return false;
    }

    private static String accordingTo(String sentence, List<Word> words, String[] lower) {
        for (int i = 0; i + 1 < lower.length; i++) {
            if (lower[i].equals("according") && lower[i + 1].equals("to")) {
                for (int k = i + 2; k < Math.min(lower.length, i + 5); k++) {
                    if (INSTRUCTIONS.contains(lower[k])) {
                        return null;
                    }
                }
                return phrase(sentence, words, i, Math.min(lower.length - 1, i + 3));
            }
        }
        return null;
    }

    /** "According to a meta-analysis [@x]" names a meta-analysis even with no verb after it. */
    private static void accordingToSource(String sentence, List<Word> words, String[] lower, List<NamedSource> named) {
        for (int i = 0; i + 2 < lower.length; i++) {
            if (lower[i].equals("according") && lower[i + 1].equals("to")) {
                int k = i + 2;
                if (ARTICLES_OR_THIS.contains(lower[k]) && k + 1 < lower.length) {
                    k++;
                }
                SourceKind kind = kindAt(lower, k);
                boolean alreadyNamed = named.stream().anyMatch(source -> source.kind() == kind);
                if (kind != null && kind != SourceKind.ANY && !alreadyNamed && named.size() < MOST_NAMED) {
                    named.add(new NamedSource(null, kind, phrase(sentence, words, i + 2, k)));
                }
            }
        }
    }

    /** "It has been shown that …", "… have been linked to …". */
    private static String passiveFinding(String sentence, List<Word> words, String[] lower) {
        for (int i = 1; i + 1 < lower.length; i++) {
            boolean perfect = lower[i - 1].equals("has") || lower[i - 1].equals("have") || lower[i - 1].equals("had");
            if (perfect && lower[i].equals("been") && PASSIVE_FINDINGS.contains(lower[i + 1])) {
                return phrase(sentence, words, i - 1, i + 1);
            }
        }
        return null;
    }

    /** "Probiotics were tested in 2019 on 200 babies", "A team followed 5,000 children": a study, unnamed. */
    private static String researchActivity(String sentence, List<Word> words, String[] lower) {
        for (int i = 0; i < lower.length; i++) {
            if (!RESEARCH_ACTIVITIES.contains(lower[i]) || i > 0 && NOT_YET.contains(lower[i - 1])) {
                continue;
            }
            for (int k = i + 1; k < Math.min(lower.length, i + 5); k++) {
                boolean group = isCount(words, lower, k) && k + 1 < lower.length && POPULATIONS.contains(lower[k + 1]);
                if (words.get(k).isYear() || group) {
                    return phrase(sentence, words, i, group ? k + 1 : k);
                }
            }
        }
        return null;
    }

    /** A percentage, a rate ("per 100,000"), "N in M", "N out of M", "three times more likely", "half of all adults". */
    private static String figure(String sentence, List<Word> words, String[] lower) {
        int n = lower.length;
        for (int i = 0; i < n; i++) {
            Word word = words.get(i);
            boolean numeric = word.isNumber() && !word.isYear() || NUMBER_WORDS.contains(lower[i]);
            if (word.isPercentage() || word.isNumber() && i + 1 < n && isPerCent(lower, i + 1)) {
                if (!isProductStrength(lower, i + (word.isPercentage() ? 1 : lower[i + 1].equals("per") ? 3 : 2))) {
                    return phrase(sentence, words, i, word.isPercentage() ? i : Math.min(n - 1, i + 1));
                }
                continue;
            }
            if (lower[i].equals("per") && i + 1 < n && !lower[i + 1].equals("cent")
                    && (words.get(i + 1).isNumber() || NUMBER_WORDS.contains(lower[i + 1]))) {
                return phrase(sentence, words, i, i + 1);
            }
            if (numeric && i + 2 < n && lower[i + 1].equals("in") && isCount(words, lower, i + 2)) {
                return phrase(sentence, words, i, i + 2);
            }
            if (numeric && i + 3 < n && lower[i + 1].equals("out") && lower[i + 2].equals("of")
                    && isCount(words, lower, i + 3)) {
                return phrase(sentence, words, i, i + 3);
            }
            boolean times = numeric && i + 2 < n && lower[i + 1].equals("times") && COMPARISONS.contains(lower[i + 2]);
            boolean twice = (lower[i].equals("twice") || lower[i].equals("half")) && i + 2 < n && lower[i + 1].equals("as")
                    && !AMOUNTS.contains(lower[i + 2]);
            if (times || twice) {
                return phrase(sentence, words, i, i + 2);
            }
            if (MULTIPLES.contains(lower[i])) {
                return phrase(sentence, words, i, i);
            }
            if (numeric && i + 1 < n && (lower[i + 1].equals("million") || lower[i + 1].equals("billion"))) {
                return phrase(sentence, words, i, i + 1);
            }
            if (FRACTIONS.contains(lower[i]) && i + 1 < n && lower[i + 1].equals("of")) {
                for (int k = i + 2; k < Math.min(n, i + 5); k++) {
                    if (POPULATIONS.contains(lower[k])) {
                        return phrase(sentence, words, i, k);
                    }
                }
            }
        }
        return null;
    }

    private static boolean isPerCent(String[] lower, int i) {
        return lower[i].equals("percent") || lower[i].equals("per-cent")
                || lower[i].equals("per") && i + 1 < lower.length && lower[i + 1].equals("cent");
    }

    private static boolean isProductStrength(String[] lower, int after) {
        for (int k = after; k < Math.min(lower.length, after + 2); k++) {
            if (PRODUCTS.contains(lower[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCount(List<Word> words, String[] lower, int i) {
        return words.get(i).isNumber() && !words.get(i).isYear() || NUMBER_WORDS.contains(lower[i]);
    }

    /** "It suggests …", "They found …", "This suggests …": a report whose source is the one named just before. */
    private static boolean opensWithPronounReport(String[] lower) {
        if (lower.length < 2 || !PRONOUNS.contains(lower[0])) {
            return false;
        }
        for (int k = 1; k < Math.min(lower.length, 4); k++) {
            if (REPORTING_VERBS.contains(lower[k]) && !NOT_YET.contains(lower[k - 1]) && isReportingUse(lower, k)) {
                return true;
            }
        }
        return false;
    }

    private static String phrase(String sentence, List<Word> words, int from, int to) {
        String phrase = sentence.substring(words.get(from).start(), words.get(Math.max(from, to)).end());
        return phrase.length() <= PHRASE_LIMIT ? phrase : phrase.substring(0, PHRASE_LIMIT - 1) + "…";
    }
}
