package org.imprimatur;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.imprimatur.apiclient.ApiClient;
import org.imprimatur.apiclient.ApiException;
import org.imprimatur.apiclient.ApiResponse;
import org.imprimatur.apiclient.api.AuthenticationApi;
import org.imprimatur.apiclient.api.DeliveryPublicApi;
import org.imprimatur.apiclient.api.EditorialArticlesApi;
import org.imprimatur.apiclient.api.EditorialWorkflowApi;
import org.imprimatur.apiclient.model.ApproveRequest;
import org.imprimatur.apiclient.model.ArticleSummary;
import org.imprimatur.apiclient.model.ArticleView;
import org.imprimatur.apiclient.model.Change;
import org.imprimatur.apiclient.model.ChangePage;
import org.imprimatur.apiclient.model.ChangeType;
import org.imprimatur.apiclient.model.CitationInput;
import org.imprimatur.apiclient.model.CitationKind;
import org.imprimatur.apiclient.model.ContentInput;
import org.imprimatur.apiclient.model.Credentials;
import org.imprimatur.apiclient.model.HealthAspect;
import org.imprimatur.apiclient.model.PageArticleSummary;
import org.imprimatur.apiclient.model.Problem;
import org.imprimatur.apiclient.model.PublishedArticle;
import org.imprimatur.apiclient.model.SectionInput;
import org.imprimatur.apiclient.model.Summary;
import org.imprimatur.apiclient.model.SummaryPage;
import org.imprimatur.apiclient.model.WorkflowState;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's tour, run as a front end runs it: with the Java client that openapi-generator makes
 * from the served API description (pom.xml), against the packaged service. Every answer is read
 * into the client's types, so a field the description calls non-null that comes back null, or a
 * status it does not declare, fails here as it would fail in a strictly typed client. These calls
 * are the one set that {@link org.imprimatur.support.ApiContract} does not see: they do not go
 * through REST Assured, and reading them as the generated client does is what this test is for.
 */
class GeneratedClientIT {

    private static PackagedService services;
    private static String base;

    @BeforeAll
    static void startTheService() throws Exception {
        services = PackagedService.onFreshDatabase();
        base = services.startInstance("generated-client");
    }

    @AfterAll
    static void stopTheService() throws Exception {
        services.close();
    }

    @Test
    void theReadmeTourRunsThroughTheGeneratedClient() throws Exception {
        ApiClient editor = signedIn("editor");
        ApiClient reviewer = signedIn("reviewer");
        EditorialArticlesApi articles = new EditorialArticlesApi(editor);
        String slug = Fixtures.uniqueSlug("hand-eczema");

        ApiResponse<ArticleView> created = articles.createWithHttpInfo(content(slug, "Hand eczema is common in wet work [@lee-2021]."));
        assertEquals(201, created.getStatusCode());
        ArticleView draft = created.getData();
        assertEquals(WorkflowState.DRAFT, draft.getState());
        assertNull(draft.getPublishedVersion(), "a new article has no published version");
        assertNull(draft.getBasedOn(), "version 1 is based on no earlier version");
        assertNull(draft.getReview(), "a new article has no review");
        String firstEtag = etag(created);

        ApiResponse<ArticleView> saved = articles.saveWithHttpInfo(draft.getId(),
                content(slug, "Hand eczema is common in wet work and in healthcare [@lee-2021]."), firstEtag);
        ArticleView second = saved.getData();
        assertEquals(2, second.getVersion());
        assertEquals(1, second.getBasedOn());

        ApiException stale = assertThrows(ApiException.class, () -> articles.save(draft.getId(),
                content(slug, "A save from an editor who had not seen version 2 [@lee-2021]."), firstEtag));
        Problem preconditionFailed = problem(editor, stale);
        assertEquals(412, stale.getCode());
        assertEquals(412, preconditionFailed.getStatus());
        assertEquals("urn:imprimatur:problem:precondition-failed", preconditionFailed.getType());

        ApiException invalid = assertThrows(ApiException.class, () -> articles.create(content(Fixtures.uniqueSlug("untitled"),
                "A body citing a source [@lee-2021].").title("")));
        Problem validation = problem(editor, invalid);
        assertEquals(422, invalid.getCode());
        assertEquals("urn:imprimatur:problem:validation", validation.getType());
        assertTrue(validation.getErrors().stream().anyMatch(error -> error.getField().equals("title")),
                "the refusal names the title: " + validation.getErrors());

        assertEquals(WorkflowState.IN_REVIEW, new EditorialWorkflowApi(editor).submit(draft.getId()).getState());
        ArticleView published = new EditorialWorkflowApi(reviewer).approve(draft.getId(),
                new ApproveRequest().version(second.getVersion()).contentHash(second.getContentHash())
                        .evidence(java.util.Map.of("lee-2021", "current")));
        assertEquals(WorkflowState.PUBLISHED, published.getState());
        assertEquals(2, published.getPublishedVersion());
        assertNotNull(published.getReview(), "an approval writes the review block");

        // The generated client's Accept names JSON-LD as well as JSON, and JSON-LD wins a tie (docs/delivery.md).
        ApiClient jsonReader = publicClient();
        jsonReader.setRequestInterceptor(request -> request.setHeader("Accept", "application/json"));
        DeliveryPublicApi delivery = new DeliveryPublicApi(jsonReader);
        PublishedArticle live = delivery.article(slug, null, null, null);
        assertEquals(2, live.getVersion());
        assertEquals(HealthAspect.OVERVIEW, live.getSections().get(0).getAspect());
        assertNotNull(live.getReview());

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SummaryPage page = delivery.listPublishedArticles(cursor, "1", null, null);
            page.getItems().stream().map(Summary::getSlug).forEach(listed::add);
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertNull(cursor, "the public list ends, with a null cursor, within 100 pages");
        assertTrue(listed.contains(slug), "the public list holds the new article: " + listed);

        List<ArticleSummary> editorial = new ArrayList<>();
        String editorialCursor = null;
        do {
            PageArticleSummary page = articles.callList(editorialCursor, "2", null, null);
            editorial.addAll(page.getItems());
            editorialCursor = page.getNextCursor();
        } while (editorialCursor != null && editorial.size() < 200);
        assertNull(editorialCursor, "the editorial list ends, with a null cursor");
        assertTrue(editorial.stream().anyMatch(summary -> summary.getId().equals(draft.getId())
                && Integer.valueOf(2).equals(summary.getPublishedVersion())));

        List<Change> changes = new ArrayList<>();
        String after = null;
        ChangePage feed;
        do {
            feed = delivery.listChanges(after, "1", null);
            changes.addAll(feed.getItems());
            after = feed.getNext();
        } while (!feed.getItems().isEmpty() && changes.size() < 100);
        assertTrue(feed.getItems().isEmpty(), "the change feed reaches its end");
        assertNotNull(after, "at its end the feed still says where to continue from");
        assertTrue(changes.stream().anyMatch(change -> change.getSlug().equals(slug) && change.getType() == ChangeType.PUBLISHED
                && change.getVersion() == 2), "the feed holds the publication: " + changes);
    }

    private static ContentInput content(String slug, String body) {
        return new ContentInput().slug(slug).title("Hand eczema").summary("Why hands flare and what helps.")
                .sections(List.of(new SectionInput().key("intro").heading("").aspect(HealthAspect.OVERVIEW).body(body)))
                .citations(List.of(new CitationInput().key("lee-2021").kind(CitationKind.REVIEW)
                        .title("Occupational hand eczema").doi("10.1000/example.1")));
    }

    private static ApiClient publicClient() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        return client;
    }

    /** A client that sends the account's bearer token, as the README's tour gets it. */
    private static ApiClient signedIn(String username) throws ApiException {
        String token = new AuthenticationApi(publicClient())
                .token(new Credentials().username(username).password("demo")).getAccessToken();
        ApiClient client = publicClient();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String etag(ApiResponse<?> response) {
        return response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("ETag"))
                .map(Map.Entry::getValue).map(values -> values.get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("no ETag"));
    }

    /** A refusal read as the description's one problem type. */
    private static Problem problem(ApiClient client, ApiException refusal) throws JsonProcessingException {
        return client.getObjectMapper().readValue(refusal.getResponseBody(), Problem.class);
    }
}
