package org.imprimatur.workflow;

import org.imprimatur.article.ArticleViews;

import org.imprimatur.article.Article;
import org.imprimatur.article.ContentInput;
import org.imprimatur.article.ArticleView;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * On the embedded default, publishes one demo article through the real workflow: the demo editor
 * writes and submits it, the demo reviewer approves it.
 */
@ApplicationScoped
public class DemoArticleSeeder {

    private static final Logger LOG = Logger.getLogger(DemoArticleSeeder.class);
    private static final String RESOURCE = "/demo/eczema-and-the-gut.json";

    private final EditingService articles;
    private final ArticleViews views;
    private final Submitting submitting;
    private final Approving approving;
    private final ObjectMapper mapper;
    private final boolean seedDemo;

    public DemoArticleSeeder(EditingService articles, ArticleViews views, Submitting submitting, Approving approving,
                             ObjectMapper mapper, org.imprimatur.security.DemoSettings demo) {
        this.articles = articles;
        this.views = views;
        this.submitting = submitting;
        this.approving = approving;
        this.mapper = mapper;
        this.seedDemo = demo.seed();
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!seedDemo || demoExists()) {
            return;
        }
        try (InputStream json = getClass().getResourceAsStream(RESOURCE)) {
            ContentInput content = mapper.readValue(json, ContentInput.class);
            Actor editor = actor("editor");
            Actor reviewer = actor("reviewer");
            UUID id = articles.create(content, editor).view().id();
            submitting.submit(id, editor);
            ArticleView submitted = views.latest(id).view();
            // A first publication is a full review: the demo reviewer confirms each source as current.
            java.util.Map<String, String> evidence = new java.util.TreeMap<>();
            submitted.citations().forEach(citation -> evidence.put(citation.key(), org.imprimatur.rules.EvidenceConfirmation.CURRENT));
            approving.approve(id, submitted.version(), submitted.contentHash(), null,
                    new ReviewConfirmation("full", evidence, java.util.List.of()), null, reviewer);
            LOG.infof("Published the demo article /api/v1/articles/%s", content.slug());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException alreadyThere) {
            // another replica seeded it at the same moment
            LOG.debugf("Demo article not seeded: %s", alreadyThere.getMessage());
        }
    }

    @jakarta.transaction.Transactional
    boolean demoExists() {
        return Article.count() > 0;
    }

    @jakarta.transaction.Transactional
    Actor actor(String username) {
        return Account.findByUsername(username).map(Account::toActor)
                .orElseThrow(() -> new IllegalStateException("Demo account " + username + " is missing"));
    }
}
