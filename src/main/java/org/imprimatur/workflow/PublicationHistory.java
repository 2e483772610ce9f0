package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.NativeRows;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The periods during which each version was live (table {@code publications}) and the index of
 * what is live now ({@code published_articles}). Changing the live version closes one period and
 * opens the next in the caller's transaction. At commit this replica hears of it at once (a
 * {@link LiveVersionChanged} event, so the caller's next read is already fresh) and every other
 * replica through NOTIFY.
 */
@ApplicationScoped
public class PublicationHistory {

    /** The LISTEN/NOTIFY channel that carries the slug of an article whose live version changed. */
    public static final String CHANNEL = "imprimatur_publications";
    /** The advisory lock key that orders change-feed writers. */
    private static final long CHANGE_FEED_LOCK = 727_271_001L;

    private final EntityManager entityManager;
    private final Event<LiveVersionChanged> liveVersionChanged;

    public PublicationHistory(EntityManager entityManager, Event<LiveVersionChanged> liveVersionChanged) {
        this.entityManager = entityManager;
        this.liveVersionChanged = liveVersionChanged;
    }

    /** A version that goes live from an instant, one of several that may go live in one transaction. */
    public record Publication(UUID articleId, String slug, int versionNo, Instant at) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void goLive(UUID articleId, String slug, int versionNo, Instant at) {
        goLive(List.of(new Publication(articleId, slug, versionNo, at)));
    }

    /**
     * Makes each version live in the caller's transaction with a fixed number of statements, however
     * many there are: an import's batch or a release costs what one publication costs, plus the rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void goLive(List<Publication> publications) {
        if (publications.isEmpty()) {
            return;
        }
        // The rows these statements read and check (the approval, the version) are Hibernate's until flushed.
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            PublicationRows rows = new PublicationRows(connection, publications);
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT 1 FROM pg_advisory_xact_lock(" + CHANGE_FEED_LOCK + ")");
            }
            rows.execute("""
                    INSERT INTO change_feed (article_id, slug, type, version_no, occurred_at)
                    SELECT u.article_id, u.slug, ?, u.version_no, u.at::timestamptz FROM %s ORDER BY u.n""",
                    ChangeType.PUBLISHED.label());
            rows.execute("""
                    UPDATE publications p SET live = tstzrange(lower(p.live), u.at::timestamptz, '[)')
                    FROM %s WHERE p.article_id = u.article_id AND upper_inf(p.live)""");
            rows.execute("""
                    INSERT INTO publications (article_id, version_no, live)
                    SELECT u.article_id, u.version_no, tstzrange(u.at::timestamptz, NULL, '[)') FROM %s ORDER BY u.n""");
            rows.execute("""
                    INSERT INTO published_articles (article_id, slug, version_no, title, summary, tags, published_at, document,
                                                    rank_document)
                    SELECT v.article_id, u.slug, v.version_no, v.title, v.summary,
                           ARRAY(SELECT t.tag FROM version_tags t WHERE t.version_id = v.id ORDER BY t.ordinal),
                           u.at::timestamptz, search_document(v.id), ranking_document(v.id)
                    FROM %s JOIN article_versions v ON v.article_id = u.article_id AND v.version_no = u.version_no
                    ON CONFLICT (article_id) DO UPDATE SET version_no = excluded.version_no, title = excluded.title,
                        summary = excluded.summary, tags = excluded.tags, published_at = excluded.published_at,
                        document = excluded.document, rank_document = excluded.rank_document,
                        slug = excluded.slug""");
            rows.execute("SELECT count(pg_notify(?, u.slug)) FROM %s", CHANNEL);
        });
        publications.forEach(publication -> liveVersionChanged.fire(new LiveVersionChanged(publication.slug())));
    }

    /** The publications as one table {@code u} of a statement, bound as four arrays. */
    private static final class PublicationRows {
        private static final String TABLE = "unnest(?::uuid[], ?::text[], ?::int[], ?::text[]) WITH ORDINALITY"
                + " AS u(article_id, slug, version_no, at, n)";

        private final Connection connection;
        private final Array articleIds;
        private final Array slugs;
        private final Array versionNos;
        private final Array instants;

        PublicationRows(Connection connection, List<Publication> publications) throws SQLException {
            this.connection = connection;
            this.articleIds = connection.createArrayOf("uuid", publications.stream().map(Publication::articleId).toArray());
            this.slugs = connection.createArrayOf("text", publications.stream().map(Publication::slug).toArray());
            this.versionNos = connection.createArrayOf("int4", publications.stream().map(Publication::versionNo).toArray());
            this.instants = connection.createArrayOf("text",
                    publications.stream().map(publication -> micros(publication.at()).toString()).toArray());
        }

        /** Runs {@code sql}, whose {@code %s} stands for the table, with {@code leading} bound before the arrays. */
        void execute(String sql, String... leading) throws SQLException {
            String text = sql.formatted(TABLE);
            try (PreparedStatement statement = connection.prepareStatement(text)) {
                int index = 1;
                // A leading parameter comes before the table in every statement that has one.
                for (String value : leading) {
                    statement.setString(index++, value);
                }
                statement.setArray(index++, articleIds);
                statement.setArray(index++, slugs);
                statement.setArray(index++, versionNos);
                statement.setArray(index, instants);
                statement.execute();
            }
        }

        /** PostgreSQL keeps microseconds; rounded half up as the driver rounds a bound instant. */
        private static Instant micros(Instant instant) {
            return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void takeOffline(UUID articleId, String slug, Instant at) {
        liveAtThisMoment(articleId).ifPresent(version -> appendToChangeFeed(articleId, slug, ChangeType.RETRACTED, version, at));
        closeOpenPeriod(articleId, at);
        entityManager.createNativeQuery("DELETE FROM published_articles WHERE article_id = ?1")
                .setParameter(1, articleId)
                .executeUpdate();
        notifyReplicas(slug);
    }

    /** One period during which a version was live, and whether a retraction ended it. */
    public record LivePeriod(int versionNo, boolean endedInRetraction) {
    }

    /**
     * The period live at an instant, if any. A period ended by a publication is followed at once by
     * the next; one ended by a retraction is followed by nothing.
     */
    public Optional<LivePeriod> periodAt(UUID articleId, Instant instant) {
        return NativeRows.select(entityManager, """
                        SELECT p.version_no AS versionNo, NOT upper_inf(p.live) AND NOT EXISTS (
                                   SELECT 1 FROM publications n WHERE n.article_id = p.article_id AND lower(n.live) = upper(p.live))
                               AS endedInRetraction
                        FROM publications p WHERE p.article_id = ?1 AND p.live @> CAST(?2 AS timestamptz)""", LivePeriod.class)
                .setParameter(1, articleId)
                .setParameter(2, offset(instant))
                .getResultList().stream().findFirst();
    }

    /** Version numbers that went live, oldest publication first. */
    public List<Integer> publishedVersions(UUID articleId) {
        return entityManager.createNativeQuery(
                        "SELECT version_no FROM publications WHERE article_id = ?1 ORDER BY lower(live)")
                .setParameter(1, articleId)
                .getResultList().stream().map(row -> ((Number) row).intValue()).toList();
    }

    /**
     * One entry of the public change feed. The advisory lock, held until commit, makes feed ids
     * follow commit order across replicas (db-migrations/V18__change_feed.sql).
     */
    private void appendToChangeFeed(UUID articleId, String slug, ChangeType type, int versionNo, Instant at) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(" + CHANGE_FEED_LOCK + ")").getSingleResult();
        entityManager.createNativeQuery(
                        "INSERT INTO change_feed (article_id, slug, type, version_no, occurred_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, articleId)
                .setParameter(2, slug)
                .setParameter(3, type.label())
                .setParameter(4, versionNo)
                .setParameter(5, offset(at))
                .executeUpdate();
    }

    private Optional<Integer> liveAtThisMoment(UUID articleId) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT version_no FROM publications WHERE article_id = ?1 AND upper_inf(live)")
                .setParameter(1, articleId)
                .getResultList();
        return rows.stream().findFirst().map(row -> ((Number) row).intValue());
    }

    private void closeOpenPeriod(UUID articleId, Instant at) {
        entityManager.createNativeQuery(
                        "UPDATE publications SET live = tstzrange(lower(live), ?2, '[)') WHERE article_id = ?1 AND upper_inf(live)")
                .setParameter(1, articleId)
                .setParameter(2, offset(at))
                .executeUpdate();
    }

    /**
     * A live translation's source published a newer version (docs/translations.md): a change-feed
     * entry for the translation, and what is served of it is stale from the commit on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void translationOutdated(UUID articleId, String slug, int liveVersion, Instant at) {
        appendToChangeFeed(articleId, slug, ChangeType.TRANSLATION_OUTDATED, liveVersion, at);
        notifyReplicas(slug);
    }

    /**
     * What an article says of its source or its translations changed (docs/translations.md): what
     * is served of it is stale here and on every replica from the commit on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void translationLinksChanged(String slug) {
        notifyReplicas(slug);
    }

    /**
     * The live version's review changed without a new live version (a reconfirmation): what is
     * served of it is stale here and on every replica from the commit on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewChanged(String slug) {
        notifyReplicas(slug);
    }

    private void notifyReplicas(String slug) {
        liveVersionChanged.fire(new LiveVersionChanged(slug));
        entityManager.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, slug)
                .getSingleResult();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
