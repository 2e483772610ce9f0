package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rolls a published release back in one transaction (docs/releases.md, "Reverting"): the version
 * live before the release is live again for every item, and an article that was new in the
 * release is taken off, as a retraction naming the release.
 */
@ApplicationScoped
public class ReleaseReverting {

    static final String EVERY_ITEM_IS_STILL_LIVE = "everyItemIsStillTheReleasesVersion";

    private final ReleaseItems items;
    private final Releases releases;
    private final GoingLive goingLive;
    private final PublicationHistory publications;
    private final WorkflowEventRecorder recorder;
    private final Outbox outbox;
    private final OutdatedTranslations outdatedTranslations;
    private final Clock clock;

    public ReleaseReverting(ReleaseItems items, Releases releases, GoingLive goingLive, PublicationHistory publications,
                            WorkflowEventRecorder recorder, Outbox outbox, OutdatedTranslations outdatedTranslations, Clock clock) {
        this.items = items;
        this.releases = releases;
        this.goingLive = goingLive;
        this.publications = publications;
        this.recorder = recorder;
        this.outbox = outbox;
        this.outdatedTranslations = outdatedTranslations;
        this.clock = clock;
    }

    @Transactional
    public ReleaseView revert(UUID releaseId, Actor actor) {
        Releases.require(ReleaseRules.mayPublish(actor, "reverting"));
        Release release = Release.locked(releaseId);
        if (release.state != ReleaseState.PUBLISHED) {
            throw Releases.conflict("releaseIsLive", "only a published release can be reverted; the release \""
                    + release.title + "\" is " + release.state);
        }
        Map<UUID, Article> byId = items.lockArticles(release.id).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        List<ReleaseItems.Row> rows = items.of(release.id);
        List<FieldError> blockers = new ArrayList<>();
        for (ReleaseItems.Row row : rows) {
            Integer live = byId.get(row.articleId()).publishedVersion;
            if (live == null || live.intValue() != row.version()) {
                blockers.add(new FieldError("items." + row.articleId(), row.slug() + ": "
                        + (live == null ? "nothing of it is live now" : "version " + live + " is live now")
                        + ", not the release's version " + row.version() + "; revert it by hand"));
            }
        }
        if (!blockers.isEmpty()) {
            throw new ProblemException(Problem.of(409, "workflow", "Refused by the workflow rule " + EVERY_ITEM_IS_STILL_LIVE,
                    "the release \"" + release.title + "\" cannot be reverted: " + blockers.size()
                            + " item(s) changed since it went live, and nothing was reverted")
                    .withRule(EVERY_ITEM_IS_STILL_LIVE).withErrors(blockers));
        }
        Instant now = Timestamps.now(clock);
        Map<Article, Integer> restored = new LinkedHashMap<>();
        List<WorkflowEvent> events = new ArrayList<>();
        List<Map<String, Object>> announced = new ArrayList<>();
        for (ReleaseItems.Row row : rows) {
            Article article = byId.get(row.articleId());
            Integer previous = row.previousVersion();
            WorkflowState to = WorkflowGate.require(Attempt.of(WorkflowAction.REVERT_RELEASE, actor)
                    .article(article.state, article.latestVersion, row.latestHash(), article.publishedVersion)
                    .names(previous, row.previousHash())
                    .at(now).build());
            Transition transition = new Transition(article.id, article.slug, article.latestVersion, row.latestHash(),
                    article.state, to, actor, now);
            article.state = to;
            article.changedAt = now;
            if (previous != null) {
                restored.put(article, previous);
            } else {
                article.publishedVersion = null;
                article.retractionReason = WorkflowEvent.RevertedWithRelease.reason(release.title);
                publications.takeOffline(article.id, article.slug, now);
                // Taken off as a retraction is: its translations and its source are told alike.
                outdatedTranslations.retracted(article);
            }
            events.add(new WorkflowEvent.RevertedWithRelease(transition, release.id, release.title, row.version(),
                    row.contentHash(), previous, row.previousHash()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("articleId", article.id.toString());
            item.put("slug", article.slug);
            item.put("version", previous);
            announced.add(item);
        }
        release.state = ReleaseState.REVERTED;
        release.revertedAt = now;
        release.revertedBy = actor.id();
        goingLive.versions(restored, now);
        events.forEach(recorder::record);
        outbox.appendForRelease(ArticleEventType.RELEASE_REVERTED, release.id, release.title, announced, now);
        return releases.view(release);
    }
}
