package org.imprimatur.studio;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio in a real browser (Debian's Chromium driven by Playwright), as editors and reviewers
 * use it (docs/studio.md). Every page visited is checked with axe-core and saved as a screenshot
 * under target/screenshots.
 */
@QuarkusTest
class StudioBrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("imprimatur.chromium", "/usr/bin/chromium")))
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type());
            dialog.accept();
        });
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void signIn(Page on, String username) {
        on.navigate(url("/studio/sign-in"));
        on.getByLabel("Username").fill(username);
        on.getByLabel("Password").fill(username.equals(Api.EDITOR_REVIEWER) ? Api.EDITOR_REVIEWER_PASSWORD : "demo");
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(on.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Desk"))).isVisible();
    }

    private void signOut(Page on) {
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(on.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    }

    /** No serious or critical accessibility violation, and a screenshot to look at. */
    private void check(Page on, String name) {
        on.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        AxeResults results = new AxeBuilder(on).analyze();
        List<String> serious = results.getViolations().stream()
                .filter(violation -> "serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact()))
                .map(violation -> violation.getId() + ": " + violation.getHelp() + " " + violation.getNodes().stream()
                        .map(node -> node.getHtml()).limit(3).toList())
                .toList();
        assertEquals(List.of(), serious, "accessibility violations on " + name);
    }

    /** A close-up of one part of a page, to look at beside the whole page's screenshot. */
    private static void detail(Locator part, String name) {
        part.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private void button(Page on, String name) {
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    @Test
    void anArticleGoesFromDraftToPublishedThroughTheStudioAlone() {
        String slug = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(page, "editor");
        check(page, "desk-editor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New article").setExact(true)).click();
        page.getByLabel("Title").fill("Sunburn: first aid at home");
        page.getByLabel("Slug").fill(slug);
        page.getByLabel("Summary").fill("How to cool and soothe sunburnt skin, and when to see a doctor.");
        page.getByLabel("Tags").fill("skin, summer");
        page.getByLabel("Audience").selectOption("clinicians");
        page.getByLabel("Author credentials").fill("MRCGP");
        page.getByLabel("Disclosures").fill("Written without funding; the author declares no conflicts of interest.");
        page.locator("#section-0-key").fill("cool");
        page.locator("#section-0-heading").fill("Cool the skin");
        page.locator("#section-0-aspect").selectOption("self-care");
        page.locator("#section-0-body").fill("Cool the skin with lukewarm water for ten minutes [@nhs-sunburn].");
        button(page, "Add section");
        page.locator("#section-1-key").fill("drink");
        page.locator("#section-1-heading").fill("Drink water");
        page.locator("#section-1-body").fill("Drink plenty of water to avoid dehydration [@aad-sunburn].");
        button(page, "Add section");
        page.locator("#section-2-key").fill("doctor");
        page.locator("#section-2-heading").fill("When to see a doctor");
        page.locator("#section-2-aspect").selectOption("see-doctor");
        page.locator("#section-2-body").fill("See a doctor if blisters cover a large area.");
        button(page, "Add citation");
        page.locator("#citation-0-key").fill("nhs-sunburn");
        page.locator("#citation-0-kind").selectOption("web-page");
        page.locator("#citation-0-title").fill("Sunburn");
        page.locator("#citation-0-url").fill("https://www.nhs.uk/conditions/sunburn/");
        button(page, "Add citation");
        page.locator("#citation-1-key").fill("aad-sunburn");
        page.locator("#citation-1-kind").selectOption("guideline");
        page.locator("#citation-1-title").fill("How to treat sunburn");
        page.locator("#citation-1-doi").fill("not a doi");
        page.getByLabel("Change note").fill("First draft");
        button(page, "Save");
        // The error sits beside its field, and everything typed is still there.
        assertThat(page.locator("#citation-1-doi-error")).containsText("DOI");
        assertThat(page.locator("#citation-1-doi")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#section-2-body")).hasValue("See a doctor if blisters cover a large area.");
        assertThat(page.getByLabel("Audience")).hasValue("clinicians");
        assertThat(page.getByLabel("Disclosures")).hasValue("Written without funding; the author declares no conflicts of interest.");
        check(page, "editor-validation-error");
        page.locator("#citation-1-doi").fill("10.1000/sunburn.2024");
        button(page, "Save");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 1");
        page.locator("#section-2-body").fill("See a doctor if blisters cover a large area or you feel unwell.");
        page.getByLabel("Change note").fill("Clearer advice");
        button(page, "Save");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 2");
        // A saved version shows what it stores: the audience, the credentials and the disclosures.
        assertThat(page.getByLabel("Audience")).hasValue("clinicians");
        assertThat(page.getByLabel("Author credentials")).hasValue("MRCGP");
        assertThat(page.getByLabel("Disclosures")).hasValue("Written without funding; the author declares no conflicts of interest.");
        check(page, "editor");
        button(page, "Submit for review");
        assertThat(page.locator(".lead .state")).containsText("In review");
        String articlePath = page.url().replaceAll("^.*(/studio/articles/[0-9a-f-]+)/.*$", "$1");
        signOut(page);

        signIn(page, "reviewer2");
        check(page, "desk-reviewer");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sunburn: first aid at home")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review “Sunburn: first aid at home”"))).isVisible();
        assertThat(page.getByText("First publication: the whole article is new.")).isVisible();
        assertThat(page.locator("a[href='https://doi.org/10.1000/sunburn.2024']")).isVisible();
        check(page, "review-first-publication");
        page.getByLabel("Comment", new Page.GetByLabelOptions().setExact(false)).first().fill("Please name a water temperature.");
        page.getByText("Comments on single sections").click();
        page.getByLabel("Comment on “Cool the skin”").fill("Say how long to cool.");
        button(page, "Request changes");
        assertThat(page.locator(".lead .state")).containsText("Changes requested");
        signOut(page);

        signIn(page, "editor");
        assertThat(page.getByText("Say how long to cool.")).isVisible();
        assertThat(page.getByText("Please name a water temperature.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sunburn: first aid at home")).first().click();
        page.locator("#section-0-body").fill("Cool the skin with lukewarm (not cold) water for ten minutes [@nhs-sunburn].");
        page.getByLabel("Change note").fill("Water temperature and time");
        button(page, "Save");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 3");
        button(page, "Submit for review");
        signOut(page);

        signIn(page, "reviewer2");
        page.navigate(url(articlePath + "/review"));
        assertThat(page.getByText("First publication: the whole article is new.")).isVisible();
        assertThat(page.locator("#rendered-cool")).containsText("lukewarm (not cold)");
        // Aspects and source kinds are named as a reader would name them, not by their JSON names.
        assertThat(page.locator("p.aspect")).hasText(new String[] {"Self-care", "When to see a doctor"});
        assertThat(page.locator("ol.sources .meta")).hasText(new String[] {"Web page", "Guideline"});
        // The reviewer approves what readers are told of audience, author and interests with the text.
        assertThat(page.locator("article.rendered")).containsText("Written for: Clinicians");
        assertThat(page.locator("article.rendered")).containsText(", MRCGP");
        assertThat(page.locator("article.rendered p.disclosures")).hasText(
                "Written without funding; the author declares no conflicts of interest.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What changed since version 2 was sent back")).click();
        assertThat(page.locator("ins").first()).containsText("(not");
        page.goBack();
        assertThat(page.getByLabel("Full review")).isChecked();
        assertEquals(0, page.getByLabel("Change approval").count(), "a first publication is a full review");
        confirmEverySource(page);
        button(page, "Approve");
        assertThat(page.locator(".lead .state")).containsText("Published");
        check(page, "review");
        page.navigate(url(articlePath + "/history"));
        check(page, "history");
        page.navigate(url(articlePath + "/compare?from=1&to=3"));
        assertThat(page.locator("ins").first()).isVisible();
        check(page, "compare");
        page.navigate(url(articlePath + "/audit"));
        assertThat(page.getByText("Chain intact.")).isVisible();
        check(page, "audit");
        page.navigate(url("/studio/articles?q=sunburn"));
        check(page, "articles");

        given().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("version", equalTo(3))
                .body("audience", equalTo("clinicians"))
                .body("authorCredentials", equalTo("MRCGP"))
                .body("disclosures", equalTo("Written without funding; the author declares no conflicts of interest."))
                .body("sections[0].body", equalTo("Cool the skin with lukewarm (not cold) water for ten minutes [@nhs-sunburn]."));
    }

    /** A full review's evidence: every source of the version confirmed as current. */
    private static void confirmEverySource(Page on) {
        Locator rows = on.locator("select[name=evidence]");
        for (int i = 0; i < rows.count(); i++) {
            rows.nth(i).selectOption("current");
        }
    }

    @Test
    void aReviewerChoosesBetweenAChangeApprovalAndAFullReviewThatConfirmsTheSources() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("scope"));
        String id = Workflow.published(content);
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Eczema is very common [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        signIn(page, "reviewer2");
        page.navigate(url("/studio/articles/" + id + "/review"));
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Scope of this review"))).isVisible();
        assertThat(page.getByLabel("Change approval")).isChecked();
        assertThat(page.locator("#scope-change-hint")).containsText("stays the day of the last full review");
        assertThat(page.locator("#scope-full-hint")).containsText("becomes today");
        assertThat(page.locator("select[name=evidence]")).hasCount(2);
        assertThat(page.getByLabel("A study called lee-2021")).hasValue("");

        page.getByLabel("Full review").check();
        page.locator("select[name=evidence]").first().selectOption("current");
        button(page, "Approve");
        assertThat(page.locator("#refusal")).containsText("kim-2022");
        assertThat(page.getByLabel("Full review")).isChecked(); // the choices made stay
        assertThat(page.locator("select[name=evidence]").first()).hasValue("current");
        page.locator("select[name=evidence]").nth(1).selectOption("replace");
        button(page, "Approve");
        assertThat(page.locator("#refusal")).containsText("Replace the source first");
        check(page, "review-scope");

        page.getByLabel("Change approval").check();
        button(page, "Approve");
        assertThat(page.locator(".lead .state")).containsText("Published");
        assertThat(page.locator("#history-heading + ul")).containsText("Change approval: review dates kept");
        Api.latest(id).then().body("publishedVersion", equalTo(2));
    }

    private static final String UNCITED = "Studies show it often runs in families.";

    /** An article the checks have something to say about: an uncited claim, a source of another year, a hard section. */
    private static Map<String, Object> checkedArticle(String slug) {
        Map<String, Object> content = Fixtures.article(slug);
        content.put("title", "Eczema in children");
        content.put("sections", new java.util.ArrayList<>(List.of(
                Fixtures.section("intro", "", "overview", "Eczema makes skin dry and itchy. " + UNCITED),
                Fixtures.section("diet", "Diet", "self-care",
                        "A 2019 review found that fibre feeds gut bacteria [@lee-2021; @kim-2022]. Eat fruit and nuts."),
                Fixtures.section("treatment", "Treatment", "treatments",
                        "Emollients should be applied liberally and frequently, particularly following bathing, because the "
                                + "epidermal barrier dysfunction characteristic of atopic dermatitis considerably increases "
                                + "transepidermal water loss and susceptibility to environmental irritants [@lee-2021]. "
                                + "Topical corticosteroids remain the established first-line anti-inflammatory intervention "
                                + "for moderate exacerbations [@kim-2022]."))));
        return content;
    }

    /** docs/studio.md, "Checks": each finding beside its sentence, the reading level per section, accepting with a reason. */
    @Test
    void theReviewScreenShowsEachFindingBesideItsSentenceAndTheReviewerAcceptsOneWithAReason() {
        String id = Api.createdId(checkedArticle(Fixtures.uniqueSlug("checked")));
        Workflow.submit("editor", id).then().statusCode(200);
        Map<String, Object> uncited = Api.as("reviewer").get(Api.ARTICLES + "/" + id + "/checks").then().statusCode(200)
                .extract().path("findings.find { it.rule == 'uncited-claim' }");
        signIn(page, "reviewer");
        page.navigate(url("/studio/articles/" + id + "/review"));
        assertThat(page.locator("#checks-heading + p")).containsText("3 findings");

        Locator mark = page.locator("#rendered-intro mark");
        assertThat(mark).hasText(UNCITED);
        assertThat(page.locator("#" + mark.getAttribute("aria-describedby"))).hasText((String) uncited.get("message"));
        assertThat(page.locator("#rendered-diet mark")).containsText("A 2019 review found that fibre feeds gut bacteria");
        assertThat(page.locator("#rendered-diet .finding")).containsText("Claim and source disagree");
        assertThat(page.locator("#rendered-treatment .finding")).containsText("Reading level");
        assertThat(page.locator("#rendered-treatment .reading")).containsText("over target");
        assertThat(page.locator("#rendered-treatment .reading")).containsText("target grade 8");
        assertThat(page.locator("#rendered-diet .reading")).containsText("within target");
        assertThat(page.locator("#rendered-intro .reading")).containsText("too short for SMOG");

        // ticked without a reason: the workflow's rule refuses it, and what was chosen stays
        page.locator("#rendered-intro summary").click();
        page.getByLabel("Accept finding 1 when I approve").check();
        confirmEverySource(page);
        check(page, "review-checks");
        detail(page.locator("#checks-heading").locator(".."), "review-checks-summary");
        detail(page.locator("#rendered-intro"), "review-checks-accept");
        detail(page.locator("#rendered-treatment"), "review-checks-reading");
        button(page, "Approve");
        assertThat(page.locator("#refusal")).containsText("needs a reason");
        assertThat(page.getByLabel("Accept finding 1 when I approve")).isChecked();
        page.locator("#rendered-intro textarea[name=findingReason]").fill("The family history of eczema is common knowledge in dermatology.");
        confirmEverySource(page);
        button(page, "Approve");
        assertThat(page.locator(".lead .state")).containsText("Published");
        String accepted = "Accepted finding uncited-claim in intro at " + uncited.get("start") + "–" + uncited.get("end")
                + ": The family history of eczema is common knowledge in dermatology.";
        assertThat(page.locator("#history-heading + ul")).containsText(accepted);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then()
                .body("events.find { it.action == 'approve' }.comment", org.hamcrest.Matchers.containsString(accepted));
    }

    /** docs/studio.md, "Provenance": the public provenance of the live version, laid out per section. */
    @Test
    void theProvenancePageShowsWhoWroteAndApprovedEachSectionAndItsSources() {
        String slug = Fixtures.uniqueSlug("provenance");
        String id = Workflow.published(checkedArticle(slug));
        io.restassured.response.Response provenance = given().get("/api/v1/articles/" + slug + "/provenance");
        provenance.then().statusCode(200);
        signIn(page, "editor");
        page.navigate(url("/studio/articles/" + id + "/review"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Provenance of the live version")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Provenance of");
        Locator diet = page.locator("section.provenance").nth(1);
        assertThat(diet.locator("h2")).containsText("Diet");
        assertThat(diet.locator("code.hash")).hasText(provenance.<String>path("sections[1].sha256"));
        assertThat(diet).containsText("version 1 by " + provenance.<String>path("sections[1].firstWritten.author"));
        assertThat(diet).containsText(provenance.<String>path("sections[1].approval.clinician.name"));
        assertThat(diet).containsText("full review");
        assertThat(diet.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("DOI 10.1000/kim.2022")))
                .hasAttribute("href", "https://doi.org/10.1000/kim.2022");
        check(page, "provenance");
    }

    /** docs/studio.md, "Checks": the editor's previews read the form as a save would, before anything is saved. */
    @Test
    void theEditorsPreviewShowsTheFindingsBesideTheirSentencesAndTheReadingLevel() {
        String id = Api.createdId(checkedArticle(Fixtures.uniqueSlug("editor-checks")));
        signIn(page, "editor");
        page.navigate(url("/studio/articles/" + id + "/edit"));
        button(page, "Preview all sections");
        assertThat(page.locator("#section-0-preview mark")).hasText(UNCITED);
        assertThat(page.locator("#section-0-preview .finding")).containsText("Uncited claim");
        assertThat(page.locator("#section-2-preview .reading")).containsText("over target");
        assertThat(page.locator("#section-2-preview .finding")).containsText("Reading level");
        assertThat(page.locator("#section-0-preview details")).hasCount(0); // accepting is the reviewer's
        check(page, "editor-checks");
        detail(page.locator("#section-1"), "editor-checks-section");

        page.locator("#section-0-body").fill("Eczema makes skin dry and itchy. Research shows it often runs in families [@lee-2021].");
        page.locator("#section-0").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#section-0-preview .reading")).containsText("within target");
        assertThat(page.locator("#section-0-preview mark")).hasCount(0);
        // content that could not be saved (a year that is no number) gets no checks, and the preview says why
        page.locator("#citation-0-year").fill("soon");
        page.locator("#section-0").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#section-0-preview")).containsText("The checks read the article once it could be saved");
    }

    /** docs/workflow.md, "Reviewer scope", through the studio: the list, an account's scope, the article's specialty. */
    @Test
    void anAdminGivesAReviewerASpecialtyAndAReviewerOfAnotherIsToldWhyTheyCannotApprove() {
        String specialty = "dermatology-" + UUID.randomUUID().toString().substring(0, 8);
        String username = "derm-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", username, "displayName", "Dr Derm", "roles", List.of("medical-reviewer"),
                "password", "a dermatologist's password")).post("/api/v1/accounts").then().statusCode(201);
        signIn(page, "admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Specialties")).click();
        page.getByLabel("Name").fill("Not A Slug");
        button(page, "Add specialty");
        assertThat(page.locator("#name-error")).containsText("lower-case letters");
        page.getByLabel("Name").fill(specialty);
        button(page, "Add specialty");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Added " + specialty + ".");
        check(page, "specialties");

        page.navigate(url("/studio/accounts/" + username));
        page.getByLabel(specialty).check();
        page.getByLabel("Languages").fill("en, es");
        button(page, "Save");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(page.locator("table")).containsText("languages: en → en, es; specialties: none → " + specialty);
        check(page, "account-scope");
        signOut(page);

        Map<String, Object> content = new java.util.HashMap<>(org.imprimatur.support.Fixtures.article(
                org.imprimatur.support.Fixtures.uniqueSlug("scoped")));
        String id = Api.createdId(content);
        signIn(page, "editor");
        page.navigate(url("/studio/articles/" + id + "/edit"));
        page.getByLabel("Specialty").selectOption(specialty);
        page.getByLabel("Change note").fill("For dermatologists");
        button(page, "Save");
        assertThat(page.getByLabel("Specialty")).hasValue(specialty);
        check(page, "editor-specialty");
        signOut(page);
        Api.as("editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);

        signIn(page, "reviewer2");
        page.navigate(url("/studio/articles/" + id + "/review"));
        assertThat(page.locator("#approve-refusal")).hasText(
                "Approving a " + specialty + " article needs a reviewer of " + specialty + ".");
        check(page, "review-other-specialty");
    }

    @Test
    void theReviewScreenOfTheReviewersOwnChangeSaysWhyItCannotApprove() {
        String id = Api.createdId(Map.of("slug", "own-" + UUID.randomUUID().toString().substring(0, 8), "title", "Own change",
                "sections", List.of(Map.of("key", "a", "heading", "A", "body", "Text."))));
        // A clinician who also writes saves the next version and submits it, then looks at it as a reviewer.
        String etag = Api.etag(id);
        Api.save(Api.EDITOR_REVIEWER, id, etag, Map.of("title", "Own change", "sections", List.of(Map.of("key", "a",
                "heading", "A", "body", "Text written by the reviewer."))));
        Api.as(Api.EDITOR_REVIEWER).post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
        signIn(page, Api.EDITOR_REVIEWER);
        page.navigate(url("/studio/articles/" + id + "/review"));
        assertThat(page.locator("#approve-refusal")).hasText("You wrote part of this change, so another reviewer must approve it.");
        assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).count());
        check(page, "review-four-eyes");
    }

    @Test
    void aConflictingSaveKeepsTheTextAndShowsWhatTheOtherSaveChanged() {
        String id = Api.createdId(Map.of("slug", "conflict-" + UUID.randomUUID().toString().substring(0, 8), "title", "Conflict",
                "sections", List.of(Map.of("key", "a", "heading", "A", "body", "Original text."))));
        signIn(page, "editor");
        page.navigate(url("/studio/articles/" + id + "/edit"));
        page.locator("#section-0-body").fill("My careful rewrite.");
        Api.save("admin", id, Api.etag(id), Map.of("title", "Conflict", "sections",
                List.of(Map.of("key", "a", "heading", "A", "body", "Their quick fix."))));
        button(page, "Save");
        assertThat(page.locator("#conflict")).containsText("saved version 2 while you were editing");
        assertThat(page.locator("#conflict ins").first()).containsText("Their");
        assertThat(page.locator("#section-0-body")).hasValue("My careful rewrite.");
        check(page, "editor-conflict");
        button(page, "Save on top of their version");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 3");
        Api.latest(id).then().body("sections[0].body", equalTo("My careful rewrite."));
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndEndsAtSignOut() {
        signIn(page, "editor");
        Cookie session = context.cookies().stream().filter(cookie -> cookie.name.equals("imprimatur_session")).findFirst().orElseThrow();
        assertTrue(session.httpOnly);
        assertEquals("Strict", session.sameSite.toString().substring(0, 1) + session.sameSite.toString().substring(1).toLowerCase());
        assertEquals("/studio", session.path);
        String stolen = session.value;
        signOut(page);
        page.navigate(url("/studio"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        // The old cookie value no longer opens anything, and the cookie is not a bearer token for the API.
        given().redirects().follow(false).cookie("imprimatur_session", stolen).get("/studio").then().statusCode(303);
        given().filter(ApiContract.answerOnly()).cookie("imprimatur_session", stolen).get("/api/v1/editorial/articles").then().statusCode(401);
        check(page, "sign-in");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        signIn(page, "editor");
        Cookie session = context.cookies().stream().filter(cookie -> cookie.name.equals("imprimatur_session")).findFirst().orElseThrow();
        String slug = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        given().redirects().follow(false).cookie("imprimatur_session", session.value)
                .formParams(Map.of("op", "save", "title", "Forged", "slug", slug, "sectionKey", "a", "sectionHeading", "A",
                        "sectionBody", "Forged text."))
                .post("/studio/articles/new").then().statusCode(403);
        given().redirects().follow(false).cookie("imprimatur_session", session.value).cookie("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .formParams(Map.of("csrf-token", "BBBBBBBBBBBBBBBBBBBBBB", "op", "save", "title", "Forged", "slug", slug,
                        "sectionKey", "a", "sectionHeading", "A", "sectionBody", "Forged text."))
                .post("/studio/articles/new").then().statusCode(403);
        Api.as("editor").queryParam("q", slug).get(Api.ARTICLES).then().body("items.size()", equalTo(0));
    }

    @Test
    void aDisabledAccountIsSignedOutOfTheStudio() {
        String username = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").contentType("application/json").body(Map.of("username", username, "displayName", "Temp Editor",
                "roles", List.of("editor"), "password", "a long password")).post("/api/v1/accounts").then().statusCode(201);
        page.navigate(url("/studio/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("a long password");
        button(page, "Sign in");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Desk"))).isVisible();

        Page admin = context.browser().newContext().newPage();
        signIn(admin, "admin");
        admin.navigate(url("/studio/accounts/" + username));
        check(admin, "account");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable")).click();
        assertThat(admin.getByText("Disabled", new Page.GetByTextOptions().setExact(true))).isVisible();
        admin.navigate(url("/studio/accounts"));
        check(admin, "accounts");
        admin.context().close();

        page.navigate(url("/studio/articles"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertFalse(page.content().contains("Temp Editor"));
    }

    @Test
    void aReviewerApprovesWithTheKeyboardAlone() {
        String slug = Fixtures.uniqueSlug("keyboard");
        String id = Api.createdId(Fixtures.article(slug));
        Workflow.submit("editor", id).then().statusCode(200);
        signIn(page, "reviewer2");
        page.navigate(url("/studio/articles/" + id + "/review"));
        page.keyboard().press("Tab");
        assertEquals("Skip to content", page.evaluate("document.activeElement.textContent"));
        String focused = "";
        for (int presses = 0; presses < 60 && !focused.equals("Approve"); presses++) {
            page.keyboard().press("Tab");
            if ("SELECT".equals(page.evaluate("document.activeElement.tagName"))) {
                page.keyboard().press("ArrowDown"); // from "Choose…" to "Current"
                assertEquals("current", page.evaluate("document.activeElement.value"), "a source is confirmed with the keyboard");
            }
            focused = String.valueOf(page.evaluate("document.activeElement.textContent")).strip();
        }
        assertEquals("Approve", focused, "Approve is reachable with Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator(".lead .state")).containsText("Published");
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
    }

    @Test
    void leavingTheEditorWithUnsavedChangesAsksFirst() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("unsaved")));
        signIn(page, "editor");
        page.navigate(url("/studio/articles/" + id + "/edit"));
        page.locator("#section-0-body").click();
        page.keyboard().type(" More text.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Desk").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Desk"))).isVisible();
        assertEquals(List.of("beforeunload"), dialogs);
        // A page left without changes does not ask.
        page.navigate(url("/studio/articles/" + id + "/edit"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Desk").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Desk"))).isVisible();
        assertEquals(List.of("beforeunload"), dialogs);
    }

    @Test
    void aSectionPreviewRendersInPlaceAndSectionsMoveAndGo() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("preview")));
        signIn(page, "editor");
        page.navigate(url("/studio/articles/" + id + "/edit"));
        page.evaluate("window.stillTheSamePage = true");
        page.locator("#section-1-body").fill("Fibre is **good** for gut bacteria [@kim-2022].");
        page.locator("#section-1").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#section-1-preview strong")).hasText("good");
        assertThat(page.locator("#section-1-preview a")).hasText("2");
        assertEquals(true, page.evaluate("window.stillTheSamePage === true"), "the preview came without reloading the page");
        check(page, "editor-preview");

        button(page, "Move down");
        assertThat(page.locator("#section-0-key")).hasValue("diet");
        assertThat(page.locator("#section-1-key")).hasValue("intro");
        assertThat(page.locator("#section-0-body")).hasValue("Fibre is **good** for gut bacteria [@kim-2022].");
        button(page, "Add section");
        button(page, "Remove section 3");
        assertEquals(2, page.locator("textarea[name=sectionBody]").count());
        page.getByLabel("Change note").fill("Diet first");
        button(page, "Save");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 2");
        Api.latest(id).then().body("sections.key", equalTo(List.of("diet", "intro")));
    }

    @Test
    void aReviewerSchedulesReconfirmsAndRetractsInTheStudio() {
        String scheduledSlug = Fixtures.uniqueSlug("scheduled");
        String scheduled = Api.createdId(Fixtures.article(scheduledSlug));
        Workflow.submit("editor", scheduled).then().statusCode(200);
        String liveSlug = Fixtures.uniqueSlug("live");
        String live = Workflow.published(Fixtures.article(liveSlug));
        signIn(page, "reviewer2");

        page.navigate(url("/studio/articles/" + scheduled + "/review"));
        String inTwoDays = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(2)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        page.getByLabel("Publish at").fill(inTwoDays);
        confirmEverySource(page);
        button(page, "Approve");
        assertThat(page.locator(".notice")).containsText("goes live at");
        given().get("/api/v1/articles/" + scheduledSlug).then().statusCode(404);

        page.navigate(url("/studio/articles/" + live + "/review"));
        confirmEverySource(page);
        button(page, "Reconfirm");
        assertThat(page.locator("#history-heading + ul")).containsText("reconfirm by Dr. Sam Second");
        page.getByText("Retract the live version").click();
        page.getByLabel("Reason").fill("Superseded by new guidance");
        button(page, "Retract");
        assertThat(page.locator(".notice")).containsText("Superseded by new guidance");
        given().get("/api/v1/articles/" + liveSlug).then().statusCode(410);
    }

    @Test
    void anAdminCreatesAnAccountInTheStudio() {
        String username = "clin-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(page, "admin");
        page.navigate(url("/studio/accounts"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Display name").fill("Dr. New Clinician");
        page.getByLabel("Credentials").fill("MD, FAAD");
        page.getByLabel("medical-reviewer").check();
        page.getByLabel("Initial password").fill("too short");
        button(page, "Create account");
        assertThat(page.locator("#new-password-error")).containsText("at least 12 characters");
        assertThat(page.getByLabel("Display name")).hasValue("Dr. New Clinician");
        page.getByLabel("medical-reviewer").check();
        page.getByLabel("Initial password").fill("a long enough password");
        button(page, "Create account");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Account created.");
        signOut(page);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("a long enough password");
        button(page, "Sign in");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review queue"))).isVisible();
    }

    /** docs/studio.md and docs/integration.md: an admin adds a webhook, reads its log and redelivers. */
    @Test
    void anAdminAddsAWebhookReadsItsLogAndRedelivers() throws Exception {
        try (org.imprimatur.support.WebhookReceiver receiver = new org.imprimatur.support.WebhookReceiver()) {
            signIn(page, "admin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();
            page.getByLabel("URL").fill(receiver.url("/studio-hook"));
            page.getByLabel("Description").fill("Search index");
            page.getByLabel("retracted").uncheck();
            page.getByLabel("submitted", new Page.GetByLabelOptions().setExact(true)).check();
            button(page, "Add webhook");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Webhook created.");
            String secret = page.getByLabel("Signing secret: copy it now, it is not shown again").inputValue();
            assertTrue(secret.startsWith("whsec_"));

            String slug = org.imprimatur.support.Fixtures.uniqueSlug("studio-hooked");
            org.imprimatur.support.Workflow.submit("editor",
                    org.imprimatur.support.Api.createdId(org.imprimatur.support.Fixtures.article(slug))).then().statusCode(200);
            receiver.await(r -> r.body().contains(slug), java.time.Duration.ofSeconds(5));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All webhooks")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(receiver.url("/studio-hook"))).click();
            assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(slug + " · v1"))).isVisible();
            check(page, "webhook");
            button(page, "Redeliver submitted of " + slug);
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Queued for delivery again");
            receiver.await(r -> r.body().contains(slug) && receiver.received().stream()
                    .filter(x -> x.body().contains(slug)).count() == 2, java.time.Duration.ofSeconds(5));

            page.getByLabel("Delete: nothing more is sent, what waits is given up").check();
            button(page, "Delete webhook");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Webhook deleted.");
            check(page, "webhooks");
        }
    }

    /** docs/integration.md, "Previews": an editor creates a link, anyone opens it, the editor revokes it. */
    @Test
    void anEditorSharesAPreviewLinkAndRevokesIt() {
        String slug = org.imprimatur.support.Fixtures.uniqueSlug("studio-preview");
        String id = org.imprimatur.support.Api.createdId(org.imprimatur.support.Fixtures.article(slug));
        signIn(page, "editor");
        page.navigate(url("/studio/articles/" + id + "/edit"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview links")).click();
        page.getByLabel("Valid for").selectOption("24");
        button(page, "Create preview link");
        String link = page.locator("#issued-url").inputValue();
        assertTrue(link.contains("/api/v1/preview/"), link);
        check(page, "previews");
        String path = link.substring(link.indexOf("/api/v1/preview/"));
        given().get(path).then().statusCode(200).body("slug", equalTo(slug)).header("X-Robots-Tag", "noindex, nofollow");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("works"))).isVisible();
        button(page, "Revoke the link to version 1 created " + page.locator("tbody tr td").nth(1).innerText()
                .replaceAll(" by .*", ""));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Revoked");
        given().get(path).then().statusCode(404);
    }
}
