package org.imprimatur.delivery;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Preview links (docs/integration.md, "Previews"): anyone holding one reads one version in the
 * delivery API's shape, without an account, until it expires or is revoked. Previews are rendered
 * on request and never touch what the public API serves.
 */
@ApplicationScoped
public class PreviewLinks {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final Duration LONGEST_LIFETIME = Duration.ofDays(30);

    private final EntityManager entityManager;
    private final DeliveryRepository repository;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private volatile PreviewTokens tokens;

    public PreviewLinks(EntityManager entityManager, DeliveryRepository repository, Clock clock,
                        PublicUrl publicUrl) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** What the editor is given: the link (shown in full only now), its id for revoking, and its expiry. */
    @TemplateData
    public record IssuedLink(UUID id, String url, int version, Instant expiresAt) {
    }

    /** A link as listed later: no token, only whether it still works. */
    @TemplateData
    public record LinkView(UUID id, int version, Instant createdAt, String createdBy, Instant expiresAt,
                           @Schema(nullable = true) Instant revokedAt, boolean usable) {
    }

    public record LinkRequest(Integer expiresInHours) {
    }

    @Transactional
    public IssuedLink create(UUID articleId, int versionNo, LinkRequest request, Actor actor) {
        ArticleLookup.article(articleId);
        if (ArticleVersion.find(articleId, versionNo).isEmpty()) {
            throw ProblemException.notFound("The article has no version " + versionNo + ".");
        }
        Duration lifetime = DEFAULT_LIFETIME;
        if (request != null && request.expiresInHours() != null) {
            int hours = request.expiresInHours();
            if (hours < 1 || hours > LONGEST_LIFETIME.toHours()) {
                throw ProblemException.invalid("expiresInHours", "must be between 1 and " + LONGEST_LIFETIME.toHours());
            }
            lifetime = Duration.ofHours(hours);
        }
        Instant now = Timestamps.now(clock);
        // Whole seconds: the token carries the expiry in seconds, and the row must say the same.
        Instant expiresAt = now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        INSERT INTO preview_links (id, article_id, version_no, expires_at, created_by, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id)
                .setParameter(2, articleId)
                .setParameter(3, versionNo)
                .setParameter(4, expiresAt.atOffset(ZoneOffset.UTC))
                .setParameter(5, actor.id())
                .setParameter(6, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return new IssuedLink(id, publicUrl.of("/api/v1/preview/" + tokens().issue(id, expiresAt)), versionNo, expiresAt);
    }

    /** The article's links, newest first. */
    @Transactional
    public List<LinkView> list(UUID articleId) {
        ArticleLookup.article(articleId);
        Instant now = Timestamps.now(clock);
        return NativeRows.select(entityManager, """
                        SELECT l.id, l.version_no AS version, l.created_at AS createdAt, a.display_name AS createdBy,
                               l.expires_at AS expiresAt, l.revoked_at AS revokedAt
                        FROM preview_links l JOIN accounts a ON a.id = l.created_by
                        WHERE l.article_id = ?1 ORDER BY l.created_at DESC""", LinkRow.class)
                .setParameter(1, articleId)
                .getResultList().stream()
                .map(row -> new LinkView(row.id(), row.version(), row.createdAt(), row.createdBy(), row.expiresAt(),
                        row.revokedAt(), row.revokedAt() == null && now.isBefore(row.expiresAt())))
                .toList();
    }

    /** A link as its row holds it, with its creator's name. */
    private record LinkRow(UUID id, int version, Instant createdAt, String createdBy, Instant expiresAt,
                           Instant revokedAt) {
    }

    /** Revokes a link of the article at once; revoking it again changes nothing. */
    @Transactional
    public void revoke(UUID articleId, UUID linkId, Actor actor) {
        int found = entityManager.createNativeQuery("""
                        UPDATE preview_links SET revoked_at = coalesce(revoked_at, ?3), revoked_by = coalesce(revoked_by, ?4)
                        WHERE id = ?1 AND article_id = ?2""")
                .setParameter(1, linkId)
                .setParameter(2, articleId)
                .setParameter(3, Timestamps.now(clock).atOffset(ZoneOffset.UTC))
                .setParameter(4, actor.id())
                .executeUpdate();
        if (found == 0) {
            throw ProblemException.notFound("The article has no preview link " + linkId + ".");
        }
    }

    /** The version a token opens, rendered; empty if the token is altered, expired or revoked. */
    @Transactional
    public Optional<Rendition.Live> open(String token) {
        Instant now = clock.instant();
        return tokens().verify(token, now).flatMap(linkId -> {
            return NativeRows.select(entityManager, """
                            SELECT article_id AS articleId, version_no AS version FROM preview_links
                            WHERE id = ?1 AND revoked_at IS NULL AND expires_at > ?2""", OpenLink.class)
                    .setParameter(1, linkId)
                    .setParameter(2, now.atOffset(ZoneOffset.UTC))
                    .getResultList().stream()
                    .findFirst()
                    .map(link -> repository.preview(link.articleId(), link.version()));
        });
    }

    /** The version a link that still works opens. */
    private record OpenLink(UUID articleId, int version) {
    }

    private PreviewTokens tokens() {
        PreviewTokens current = tokens;
        if (current == null) {
            byte[] key = (byte[]) entityManager.createNativeQuery("SELECT key FROM service_keys WHERE name = 'preview-links'")
                    .getSingleResult();
            current = new PreviewTokens(key);
            tokens = current;
        }
        return current;
    }
}
