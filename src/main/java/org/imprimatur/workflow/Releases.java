package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.Cursor;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.rules.Decision;
import org.imprimatur.rules.ReleaseRules;
import org.imprimatur.rules.ReleaseSlot;
import org.imprimatur.rules.ReleaseState;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creating, filling and reading releases (docs/releases.md); publishing and reverting are their own classes. */
@ApplicationScoped
public class Releases {

    static final int MAX_TITLE_LENGTH = 200;

    private final EntityManager entityManager;
    private final ReleaseItems items;
    private final Clock clock;

    public Releases(EntityManager entityManager, ReleaseItems items, Clock clock) {
        this.entityManager = entityManager;
        this.items = items;
        this.clock = clock;
    }

    @Transactional
    public ReleaseView create(String title, Instant publishAt, Actor actor) {
        require(ReleaseRules.mayEdit(actor));
        Instant now = Timestamps.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "is required"));
        } else if (title.strip().length() > MAX_TITLE_LENGTH) {
            errors.add(new FieldError("title", "is longer than " + MAX_TITLE_LENGTH + " characters"));
        } else {
            ControlCharacters.checkLine(errors, "title", title);
        }
        if (publishAt != null && !publishAt.isAfter(now)) {
            errors.add(new FieldError("publishAt", "must be in the future; leave it out to publish by hand"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Release release = new Release();
        release.id = UUID.randomUUID();
        release.title = title.strip();
        release.state = ReleaseState.OPEN;
        release.publishAt = publishAt == null ? null : publishAt.truncatedTo(ChronoUnit.MICROS);
        release.createdBy = actor.id();
        release.createdAt = now;
        release.persist();
        return view(release);
    }

    @Transactional
    public Page<ReleaseView.Summary> list(String limit, String cursor) {
        int pageSize = Cursor.limit(limit);
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT r.id, r.title, r.state, r.publish_at, (SELECT count(*) FROM release_items i WHERE i.release_id = r.id),
                               r.created_at, r.published_at, r.reverted_at
                        FROM releases r
                        WHERE CAST(?1 AS timestamptz) IS NULL OR r.created_at < ?1 OR (r.created_at = ?1 AND r.id < ?2)
                        ORDER BY r.created_at DESC, r.id DESC LIMIT ?3""")
                .setParameter(1, after == null ? null : after.instant().atOffset(ZoneOffset.UTC))
                .setParameter(2, after == null ? new UUID(0, 0) : after.id())
                .setParameter(3, pageSize + 1)
                .getResultList();
        List<ReleaseView.Summary> summaries = rows.stream().map(row -> (Object[]) row).map(cells -> new ReleaseView.Summary(
                (UUID) cells[0], (String) cells[1], ReleaseState.valueOf((String) cells[2]), instant(cells[3]),
                ((Number) cells[4]).intValue(), instant(cells[5]), instant(cells[6]), instant(cells[7]))).toList();
        if (summaries.size() <= pageSize) {
            return new Page<>(summaries, null);
        }
        List<ReleaseView.Summary> page = summaries.subList(0, pageSize);
        ReleaseView.Summary last = page.get(pageSize - 1);
        return new Page<>(List.copyOf(page), new Cursor(last.createdAt(), last.id()).encode());
    }

    @Transactional
    public ReleaseView get(UUID releaseId) {
        return view(Release.found(releaseId));
    }

    /**
     * Puts {@code versionNo} of the article into the release, or replaces the version its item names.
     * An article that waits for this release keeps its item until the approval is withdrawn.
     */
    @Transactional
    public ReleaseView putItem(UUID releaseId, UUID articleId, Integer versionNo, String contentHash, Actor actor) {
        require(ReleaseRules.mayEdit(actor));
        Release release = Release.locked(releaseId);
        Article article = ArticleLookup.lockedArticle(articleId);
        List<FieldError> errors = new ArrayList<>();
        if (versionNo == null) {
            errors.add(new FieldError("version", "is required"));
        }
        if (contentHash == null || contentHash.isBlank()) {
            errors.add(new FieldError("contentHash", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requireOpen(release);
        ArticleVersion version = ArticleVersion.find(articleId, versionNo)
                .orElseThrow(() -> ProblemException.invalid("version", "article " + article.slug + " has no version " + versionNo));
        if (!version.contentHash.equals(contentHash)) {
            throw conflict("itemNamesTheVersionAndHash", "the item must name version " + versionNo
                    + " with its content hash " + version.contentHash);
        }
        requireNotAwaiting(release, article);
        entityManager.createNativeQuery("""
                        INSERT INTO release_items (release_id, article_id, version_no, content_hash, added_by, added_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (release_id, article_id) DO UPDATE SET version_no = excluded.version_no,
                            content_hash = excluded.content_hash, added_by = excluded.added_by, added_at = excluded.added_at""")
                .setParameter(1, releaseId)
                .setParameter(2, articleId)
                .setParameter(3, versionNo)
                .setParameter(4, contentHash)
                .setParameter(5, actor.id())
                .setParameter(6, Timestamps.now(clock).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return view(release);
    }

    @Transactional
    public ReleaseView removeItem(UUID releaseId, UUID articleId, Actor actor) {
        require(ReleaseRules.mayEdit(actor));
        Release release = Release.locked(releaseId);
        Article article = ArticleLookup.lockedArticle(articleId);
        requireOpen(release);
        requireNotAwaiting(release, article);
        int removed = entityManager.createNativeQuery("DELETE FROM release_items WHERE release_id = ?1 AND article_id = ?2")
                .setParameter(1, releaseId)
                .setParameter(2, articleId)
                .executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("Article " + article.slug + " is not an item of the release " + releaseId + ".");
        }
        return view(release);
    }

    /** The release an approval names, as the rules see it; an unknown release is the request's fault (422). */
    ReleaseSlot slot(UUID releaseId, UUID articleId) {
        Release release = Release.<Release>findByIdOptional(releaseId)
                .orElseThrow(() -> ProblemException.invalid("release", "there is no release " + releaseId));
        List<?> item = entityManager.createNativeQuery(
                        "SELECT version_no, content_hash FROM release_items WHERE release_id = ?1 AND article_id = ?2")
                .setParameter(1, releaseId)
                .setParameter(2, articleId)
                .getResultList();
        Object[] cells = item.isEmpty() ? null : (Object[]) item.get(0);
        return new ReleaseSlot(release.title, release.state == ReleaseState.OPEN,
                cells == null ? null : ((Number) cells[0]).intValue(), cells == null ? null : (String) cells[1]);
    }

    ReleaseView view(Release release) {
        List<ReleaseView.Item> rows = items.of(release.id).stream().map(row -> row.view(release.state)).toList();
        boolean ready = release.state == ReleaseState.OPEN && !rows.isEmpty() && rows.stream().allMatch(item -> item.blocker() == null);
        return new ReleaseView(release.id, release.title, release.state, release.publishAt, release.scheduleMissed,
                ArticleViews.person(release.createdBy), release.createdAt, release.publishedAt, release.revertedAt, ready, rows);
    }

    static void requireOpen(Release release) {
        if (release.state != ReleaseState.OPEN) {
            throw conflict("releaseIsOpen", "the release \"" + release.title + "\" is " + release.state
                    + "; only an open release changes");
        }
    }

    private static void requireNotAwaiting(Release release, Article article) {
        if (release.id.equals(article.awaitsRelease)) {
            throw conflict("itemIsNotAwaitingTheRelease", "article " + article.slug
                    + " is approved for this release; withdraw the approval before changing its item");
        }
    }

    static ProblemException conflict(String rule, String reason) {
        return WorkflowGate.refusal(new Decision.Rejected(rule, reason, Decision.Refusal.CONFLICT));
    }

    static void require(java.util.Optional<Decision.Rejected> refusal) {
        refusal.ifPresent(rejected -> {
            throw WorkflowGate.refusal(rejected);
        });
    }

    private static Instant instant(Object cell) {
        return cell == null ? null : cell instanceof Instant i ? i : cell instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) cell).toInstant();
    }
}
