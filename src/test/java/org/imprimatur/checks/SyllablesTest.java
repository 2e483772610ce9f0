package org.imprimatur.checks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The syllable counter against words whose spoken syllables dictionaries agree on (docs/clinical-checks.md, "Syllables"). */
class SyllablesTest {

    /**
     * Word and syllables as pronounced, written together with the rules. Words whose count
     * dictionaries disagree on ("every", "family", "bowel", "pneumonia") are left out: they would
     * test a choice, not the counter.
     */
    private static final String KNOWN_WORDS = """
            the 1, cat 1, a 1, and 1, is 1, skin 1, gut 1, health 1, make 1, makes 1, made 1, time 1, times 1,
            hoped 1, wanted 2, needed 2, played 1, stayed 1, asked 1, linked 1, called 1, table 2, tables 2,
            little 2, people 2, simple 2, trouble 2, troubled 2, handled 2, centre 2, fibre 2, fiber 2, boxes 2,
            changes 2, places 2, uses 2, wishes 2, eyes 1, style 1, styles 1, whole 1, are 1, there 1, where 1,
            more 1, care 1, careful 2, carefully 3, lately 2, completely 3, management 3, statement 2, movement 2,
            improvement 3, achievement 3, useful 2, useless 2, safety 2, likely 2, likelihood 3, sometimes 2,
            something 2, lifestyle 2, guideline 2, guidelines 2, therefore 2, homeless 2, baseline 2, beyond 2,
            buying 2, playing 2, trying 2, studying 3, carrying 3, being 2, seeing 2, going 2, doing 2, quiet 2,
            diet 2, science 2, scientist 3, client 2, patient 2, patients 2, efficient 3, ingredient 4,
            experience 4, audience 3, field 1, friend 1, believe 2, believed 2, review 2, reviews 2, studies 2,
            allergies 3, easier 3, healthier 3, earlier 3, happiest 3, variety 4, society 4, anxiety 4, video 3,
            geography 4, surgeon 2, gorgeous 2, courageous 3, spontaneous 4, idea 3, area 3, create 2,
            creative 3, creation 3, ocean 2, increase 2, disease 2, diseases 3, treatment 2, breathe 1, breath 1,
            great 1, reason 2, react 2, reaction 3, reality 4, realize 3, research 2, researchers 3, reuse 2,
            reopen 3, cooperate 4, coordinate 4, coexist 3, cook 1, cooking 2, country 2, could 1, gradual 3,
            individual 5, situation 4, evaluate 4, language 2, quality 3, question 2, guide 1, guess 1, fatigue 2,
            tongue 1, league 1, unique 2, fluid 2, fruit 1, suit 1, juice 1, build 1, cruise 1, ruin 2,
            genuine 3, intuitive 4, suicide 3, fluent 2, influenza 4, continue 3, continued 3, issue 2, tissue 2,
            value 2, nation 2, vision 2, decision 3, religion 3, union 2, million 2, onion 2, opinion 3,
            behavior 3, behaviour 3, junior 2, senior 2, period 3, previous 3, obvious 3, various 3, serious 3,
            curious 3, delicious 3, anxious 2, infectious 3, conscious 2, nutritious 3, ratio 2, radio 3, audio 3,
            biology 4, violence 3, champion 3, prior 2, superior 4, social 2, special 2, especially 4, initial 3,
            financial 3, christian 2, physician 3, dietitian 4, trial 2, trials 2, giant 2, media 3, asia 2,
            associate 4, associated 5, appreciate 4, initiate 4, celiac 3, poem 2, poet 2, heroic 3, steroid 2,
            steroids 2, organism 4, organisms 4, rhythm 2, autism 3, spasm 2, enthusiasm 5, queue 1, beauty 2,
            sauerkraut 3, yogurt 2, kimchi 2, kombucha 3, tempeh 2, yeast 1, yeasts 1, fungi 2, bacteria 4,
            bacterial 4, microbial 4, microbes 2, microorganisms 6, trillions 2, probiotic 4, probiotics 4,
            prebiotic 4, antibiotic 5, antibiotics 5, antioxidant 5, autoimmune 4, immune 2, immunity 4,
            allergic 3, allergy 3, asthma 2, symptoms 2, symptom 2, diagnosis 4, diagnose 3, chronic 2, atopic 3,
            dermatitis 4, eczema 3, psoriasis 4, acne 2, dysbiosis 4, microbiome 4, gastrointestinal 6,
            gastroesophageal 7, inflammatory 5, inflammation 4, ulcerative 4, colitis 3, irritable 4, syndrome 2,
            reflux 2, crohn 1, remission 3, severity 4, onset 2, composition 4, intervention 4, supplements 3,
            fermented 3, alcohol 3, consumption 3, diversity 4, diversifying 5, moisturiser 4, ointment 2,
            corticosteroid 5, hydrocortisone 5, topical 3, dermatologist 5, infection 3, infections 3, viral 2,
            fungal 2, histamine 3, antihistamine 5, prescription 3, medication 4, medicine 3, vaccine 2,
            vaccination 4, pregnancy 3, infant 2, infants 2, newborn 2, breastfeeding 3, breastfed 2, cesarean 4,
            vaginal 3, delivery 4, formula 3, nutrient 3, nutrients 3, nutrition 3, obesity 4, cholesterol 4,
            cardiovascular 6, hypertension 4, insulin 3, glucose 2, diabetes 4, arthritis 3, osteoporosis 6,
            osteoarthritis 6, anemia 4, leukemia 4, virus 2, coronavirus 5, ibuprofen 4, paracetamol 5, aspirin 3,
            thyroid 2, migraine 2, headache 2, nausea 3, vomiting 3, diarrhea 4, constipation 4, dehydration 4,
            insomnia 4, depression 3, therapy 3, therapist 3, counselor 3, psychologist 4, psychiatrist 4,
            hospital 3, emergency 4, ambulance 3, surgery 3, dementia 3, anesthesia 4, hygiene 2, rabies 2,
            scabies 2, species 2, nucleus 3, museum 3, european 4, mediterranean 6, cereal 3, pancreas 3,
            pancreatic 4, esophagus 4, urea 3, apnea 3, cornea 3, placebo 3, randomised 3, randomized 3,
            controlled 2, systematic 4, meta-analysis 6, analysis 4, evidence 3, suggests 2, indicates 3,
            indicated 4, reported 3, embryo 3, polyunsaturated 7, hyaluronic 5, dialysis 4, anyone 3, menstrual 3,
            water 2, doctor 2, children 2, adults 2, important 3, information 4, understand 3, develop 3,
            development 4, environment 4, environmental 5, genetic 3, factors 2, combination 4, condition 3,
            common 2, unclear 2, involve 2, interactions 4, complex 2, network 2, balanced 2, communicate 4,
            connections 3, understanding 4, worldwide 2, exact 2, causes 2, restoring 3, support 2, better 2,
            role 1, early 2, life 1, risk 1, section 2, diverse 2, prevent 2, healthy 2, balance 2, aspects 2,
            age 1, frequency 3, flares 1, necessary 4, fully 2, changing 2, improve 2, beneficial 4, digestive 3,
            tract 1, overpopulation 6, harmful 2, tailor 2, specific 3, focus 2, fostering 3, stronger 2,
            community 4, boost 1, eating 2, beans 1, grains 1, seeds 1, contain 2, stress 1, exercises 4,
            guidance 2, reducing 3, contribute 3, levels 2, drinking 2, microscopic 4, primarily 4, axis 2,
            response 2, destroy 2, barrier 3, itchy 2, scratching 2, upset 2, alter 2, key 1, sensitivities 5
            """;

    /**
     * Words written after the rules were done and never tuned for: how the counter does on words
     * it has not seen. Its first run missed "eyelid" alone, and the miss is kept.
     */
    private static final String UNSEEN_WORDS = """
            abdomen 3, absorb 2, accident 3, ache 1, adolescent 4, advice 2, advise 2, airway 2, allergen 3,
            amount 2, ankle 2, appetite 3, appointment 3, artery 3, awake 2, bandage 2, benefit 3, bladder 2,
            bleeding 2, blister 2, blood 1, bloating 2, breakfast 2, bruise 1, calcium 3, calm 1, cancer 2,
            capsule 2, cartilage 3, cell 1, chemical 3, chest 1, circulation 4, clinic 2, clinical 3, collagen 3,
            complication 4, confusion 3, contagious 3, cough 1, cramp 1, cure 1, cycle 2, damage 2, deficiency 4,
            dentist 2, diagnostic 4, dizzy 2, dosage 2, dose 1, eardrum 2, elderly 3, energy 3, enzyme 2,
            exercise 3, exhausted 3, fever 2, flexible 3, fracture 2, gallbladder 3, gene 1, genes 1, gland 1,
            hormone 2, hormones 2, hydrated 3, immunisation 5, injury 3, inhaler 3, iodine 3, itching 2, joint 1,
            kidney 2, lactose 2, lifetime 2, liver 2, lotion 2, lung 1, lymph 1, measles 2, metabolism 5,
            moisture 2, muscle 2, nerve 1, nostril 2, obstetric 3, oral 2, organ 2, oxygen 3, painful 2,
            pediatric 4, pharmacy 3, pharmacist 3, physical 3, pill 1, pimple 2, plasma 2, pollen 2, protein 2,
            pulse 1, rash 1, relapse 2, relief 2, remedy 3, routine 2, saliva 3, seizure 2, sinus 2, sleepiness 3,
            sneeze 1, sodium 3, spine 1, sterile 2, stomach 2, swallow 2, swelling 2, tablet 2, tendon 2,
            thermometer 4, tonsils 2, toxic 2, trigger 2, tumour 2, ultrasound 3, urine 2, vitamin 3, wheeze 1,
            wound 1, zinc 1, caffeine 2, sunscreen 2, fragrance 2, irritant 3, flaky 2, cracked 1, soothing 2,
            sweating 2, humid 2, woollen 2, detergent 3, eyelid 2, cheekbone 2, scalp 1, patchy 2, oozing 2,
            weeping 2, crusty 2, thickened 2, infected 3, receptor 3, cytokine 3, interleukin 4, biologic 4,
            dupilumab 4, tacrolimus 4, pimecrolimus 5, methotrexate 4, ciclosporin 4, phototherapy 5,
            immunosuppressant 6, wet 1, wrap 1, bleach 1, bath 1, oatmeal 2, colloidal 3, petroleum 4, jelly 2,
            paraffin 3, glycerin 3, ceramide 3, shea 1, emulsion 3, greasy 2, sparingly 3, fingertip 3, unit 2,
            potency 3, thinning 2, stretch 1, marks 1
            """;

    /** The share of the list counted right below which the counter is not fit for SMOG's polysyllable count. */
    private static final double REQUIRED_ACCURACY = 0.95;

    @Test
    void countsKnownWordsAccurately() {
        assertAccurate("words written with the rules", knownWords(KNOWN_WORDS));
    }

    @Test
    void countsUnseenWordsAccurately() {
        assertAccurate("words never tuned for", knownWords(UNSEEN_WORDS));
    }

    /** A count found again in memory is the count the rules make, whichever words shared its slot meanwhile. */
    @Test
    void aWordCountedBeforeIsCountedTheSameAgain() {
        Map<String, Integer> first = new java.util.LinkedHashMap<>();
        for (String word : knownWords(KNOWN_WORDS).keySet()) {
            first.put(word, Syllables.inWord(word));
        }
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, Integer> counted : first.entrySet()) {
                assertEquals(counted.getValue(), Syllables.inWord(counted.getKey()), counted.getKey());
                assertEquals(counted.getValue(), Syllables.inWord(new String(counted.getKey())), counted.getKey());
            }
        }
        assertEquals(Syllables.inWord("dermatitis"), Syllables.inWord("Dermatitis"));
    }

    private static void assertAccurate(String list, Map<String, Integer> known) {
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : known.entrySet()) {
            int counted = Syllables.inWord(entry.getKey());
            if (counted != entry.getValue()) {
                misses.add(entry.getKey() + " " + counted + " (should be " + entry.getValue() + ")");
            }
        }
        double accuracy = 1 - (double) misses.size() / known.size();
        System.out.printf("Syllables, %s: %d of %d right (%.1f%%); misses: %s%n",
                list, known.size() - misses.size(), known.size(), 100 * accuracy, misses);
        assertTrue(known.size() >= 150, "the list must hold at least 150 words, holds " + known.size());
        assertTrue(accuracy >= REQUIRED_ACCURACY, "accuracy " + accuracy + ", misses: " + misses);
    }

    /** Polysyllables decide SMOG: whether a word has three syllables or more matters more than its exact count. */
    @Test
    void tellsPolysyllablesApartAlmostAlways() {
        Map<String, Integer> known = knownWords(KNOWN_WORDS);
        known.putAll(knownWords(UNSEEN_WORDS));
        List<String> wrongSide = new ArrayList<>();
        known.forEach((word, syllables) -> {
            if ((Syllables.inWord(word) >= 3) != (syllables >= 3)) {
                wrongSide.add(word);
            }
        });
        System.out.println("Syllables: polysyllable decided wrongly for " + wrongSide);
        assertTrue(wrongSide.size() <= known.size() / 50, "wrong side of three syllables: " + wrongSide);
    }

    @Test
    void readsNumeralsAndAcronymsAsTheyAreSaid() {
        assertEquals(7, Syllables.inWord("15–30%"), "fif-teen to thir-ty per cent");
        assertEquals(3, Syllables.inWord("10%"), "ten per cent");
        assertEquals(5, Syllables.inWord("2021"), "twen-ty twen-ty-one");
        assertEquals(4, Syllables.inWord("2008"), "two thou-sand eight");
        assertEquals(5, Syllables.inWord("1998"), "nine-teen nine-ty-eight");
        assertEquals(5, Syllables.inWord("100,000"), "one hun-dred thou-sand");
        assertEquals(3, Syllables.inWord("2.5"), "two point five");
        assertEquals(2, Syllables.inWord("AD"), "A-D");
        assertEquals(2, Syllables.inWord("AD’s"), "a possessive adds no syllable");
        assertEquals(3, Syllables.inWord("IBS"));
        assertEquals(1, Syllables.inWord("GERD"), "said as a word");
        assertEquals(4, Syllables.inWord("ADHD"));
        assertEquals(5, Syllables.inWord("WHO"), "dou-ble-u aitch oh");
        assertEquals(1, Syllables.inWord("NOT"), "a word in capitals for emphasis is still a word");
        assertEquals(2, Syllables.inWord("gut-skin"));
        assertEquals(4, Syllables.inWord("formula-fed"));
        assertEquals(2, Syllables.inWord("person’s"));
        assertEquals(3, Syllables.inWord("mg"), "mil-li-grams");
    }

    @Test
    void bothListsTogetherHoldMoreThanTwoHundredDistinctWords() {
        Map<String, Integer> all = knownWords(KNOWN_WORDS);
        Map<String, Integer> unseen = knownWords(UNSEEN_WORDS);
        unseen.keySet().forEach(word -> assertTrue(!all.containsKey(word), "in both lists: " + word));
        all.putAll(unseen);
        assertTrue(all.size() >= 200, "distinct words: " + all.size());
    }

    private static Map<String, Integer> knownWords(String list) {
        Map<String, Integer> known = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            String[] parts = entry.strip().split(" ");
            if (known.put(parts[0], Integer.parseInt(parts[1])) != null) {
                throw new IllegalStateException("listed twice: " + parts[0]);
            }
        }
        return known;
    }
}
