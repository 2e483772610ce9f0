package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.imprimatur.article.Article;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.Problem;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.ReleaseRules;
import org.imprimatur.rules.ReleaseState;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes every item of a release live in one transaction, or nothing (docs/releases.md,
 * "Publishing"): by hand, or at the release's time on exactly one replica.
 */
@ApplicationScoped
public class ReleasePublishing {

    static final String EVERY_ITEM_IS_READY = "everyItemIsReady";

    private final EntityManager entityManager;
    private final ReleaseItems items;
    private final Releases releases;
    private final GoingLive goingLive;
    private final WorkflowEventRecorder recorder;
    private final Outbox outbox;
    private final Clock clock;

    public ReleasePublishing(EntityManager entityManager, ReleaseItems items, Releases releases, GoingLive goingLive,
                             WorkflowEventRecorder recorder, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.items = items;
        this.releases = releases;
        this.goingLive = goingLive;
        this.recorder = recorder;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Publishes the release now; 409 listing every item that is not ready, and then nothing is published. */
    @Transactional
    public ReleaseView publish(UUID releaseId, Actor actor) {
        Releases.require(ReleaseRules.mayPublish(actor, "publishing"));
        Release release = Release.locked(releaseId);
        Releases.requireOpen(release);
        List<FieldError> blockers = publishLocked(release, actor);
        if (!blockers.isEmpty()) {
            throw notReady("the release \"" + release.title + "\" cannot go live: " + blockers.size()
                    + " item(s) are not ready, and nothing was published", blockers);
        }
        return releases.view(release);
    }

    /**
     * Publishes releases whose time has come, each at most once across replicas: the row is claimed
     * with SKIP LOCKED and is no longer OPEN when the claim ends. A release that is not ready at its
     * time publishes nothing; it stays open, without its time, and says why.
     */
    @Transactional
    public int publishDue() {
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM releases WHERE state = 'OPEN' AND publish_at <= ?1
                        ORDER BY publish_at LIMIT 10 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
                .getResultList();
        int published = 0;
        for (UUID releaseId : due) {
            Release release = Release.findById(releaseId);
            entityManager.refresh(release);
            List<FieldError> blockers = publishLocked(release, null);
            if (blockers.isEmpty()) {
                published++;
            } else {
                release.scheduleMissed = "Not published at " + release.publishAt + ": "
                        + blockers.stream().map(FieldError::message).collect(Collectors.joining("; "));
                if (release.scheduleMissed.length() > 20_000) {
                    release.scheduleMissed = release.scheduleMissed.substring(0, 19_999) + "…";
                }
                release.publishAt = null;
            }
        }
        return published;
    }

    /** With the release's row locked: every item live and recorded, or the reason of each item that is not ready. */
    private List<FieldError> publishLocked(Release release, Actor actor) {
        List<Article> articles = items.lockArticles(release.id);
        if (articles.isEmpty()) {
            return List.of(new FieldError("items", "the release has no items"));
        }
        // Read again under the articles' locks: what is checked is what goes live.
        List<ReleaseItems.Row> rows = items.of(release.id);
        List<FieldError> blockers = blockers(rows, release.state);
        if (!blockers.isEmpty()) {
            return blockers;
        }
        Instant now = Timestamps.now(clock);
        Map<UUID, Article> byId = articles.stream().collect(Collectors.toMap(article -> article.id, Function.identity()));
        Map<Article, Integer> live = new LinkedHashMap<>();
        Map<UUID, Integer> previous = new LinkedHashMap<>();
        List<WorkflowEvent> events = new ArrayList<>();
        List<Map<String, Object>> announced = new ArrayList<>();
        for (ReleaseItems.Row row : rows) {
            Article article = byId.get(row.articleId());
            WorkflowState to = WorkflowGate.require(Attempt.of(WorkflowAction.PUBLISH_RELEASE, actor)
                    .article(article.state, article.latestVersion, row.latestHash(), article.publishedVersion)
                    .awaitingRelease(release.id.equals(article.awaitsRelease))
                    .at(now).build());
            Transition transition = new Transition(article.id, article.slug, row.version(), row.contentHash(), article.state,
                    to, actor, now);
            previous.put(article.id, article.publishedVersion);
            article.state = to;
            article.changedAt = now;
            article.awaitsRelease = null;
            live.put(article, row.version());
            events.add(new WorkflowEvent.PublishedWithRelease(transition, release.id, release.title));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("articleId", article.id.toString());
            item.put("slug", article.slug);
            item.put("version", row.version());
            item.put("contentHash", row.contentHash());
            announced.add(item);
        }
        release.state = ReleaseState.PUBLISHED;
        release.publishedAt = now;
        release.publishedBy = actor == null ? null : actor.id();
        release.publishAt = null;
        // The release is PUBLISHED before its items record what was live before it (V28's trigger).
        entityManager.flush();
        rememberPrevious(release.id, previous);
        goingLive.versions(live, now);
        events.forEach(recorder::record);
        outbox.appendForRelease(ArticleEventType.RELEASE_PUBLISHED, release.id, release.title, announced, now);
        return List.of();
    }

    static List<FieldError> blockers(List<ReleaseItems.Row> rows, ReleaseState state) {
        List<FieldError> blockers = new ArrayList<>();
        for (ReleaseItems.Row row : rows) {
            String blocker = row.verdict(state).blocker();
            if (blocker != null) {
                blockers.add(new FieldError("items." + row.articleId(), row.slug() + ": " + blocker));
            }
        }
        return blockers;
    }

    static ProblemException notReady(String detail, List<FieldError> blockers) {
        return new ProblemException(Problem.of(409, "workflow", "Refused by the workflow rule " + EVERY_ITEM_IS_READY, detail)
                .withRule(EVERY_ITEM_IS_READY).withErrors(blockers));
    }

    private void rememberPrevious(UUID releaseId, Map<UUID, Integer> previous) {
        List<Map.Entry<UUID, Integer>> known = previous.entrySet().stream().filter(entry -> entry.getValue() != null).toList();
        if (known.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE release_items i SET previous_version = u.version_no
                    FROM unnest(?::uuid[], ?::int[]) AS u(article_id, version_no)
                    WHERE i.release_id = ? AND i.article_id = u.article_id""")) {
                update.setArray(1, connection.createArrayOf("uuid", known.stream().map(Map.Entry::getKey).toArray()));
                update.setArray(2, connection.createArrayOf("int4", known.stream().map(Map.Entry::getValue).toArray()));
                update.setObject(3, releaseId);
                update.executeUpdate();
            }
        });
    }
}
