package org.imprimatur.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends workflow events to the outbox in the caller's transaction (docs/integration.md): an
 * event exists exactly when its change committed, and nothing is sent from inside a transaction.
 * A trigger turns each row into webhook deliveries and wakes the relays at commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public Outbox(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** What an event says about its article, frozen when it is written. */
    public record EventFacts(UUID articleId, String slug, Integer version, String contentHash, String state,
                             Instant occurredAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(ArticleEventType type, EventFacts facts, Map<String, Object> extra) {
        insert(type, facts, null, extra, false);
    }

    /**
     * A review reminder, at most one of each kind per article and due date, whoever asks and
     * however often. Returns whether this call wrote it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean appendReminder(ArticleEventType type, EventFacts facts, LocalDate dueOn) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reviewDue", dueOn.toString());
        return insert(type, facts, dueOn, extra, true);
    }

    /**
     * An event about a release as a whole (docs/releases.md): it names no single article; its data
     * carries the release and every article it moved, after each article's own event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendForRelease(ArticleEventType type, UUID releaseId, String title, List<Map<String, Object>> articles,
                                 Instant occurredAt) {
        if (!type.aboutARelease()) {
            throw new IllegalArgumentException(type + " is about one article");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("releaseId", releaseId.toString());
        data.put("title", title);
        data.put("occurredAt", occurredAt.toString());
        data.put("articles", articles);
        entityManager.createNativeQuery(
                        "INSERT INTO outbox_events (event_id, type, occurred_at, data) VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, type.wireName())
                .setParameter(3, occurredAt.atOffset(ZoneOffset.UTC))
                .setParameter(4, json(data))
                .executeUpdate();
    }

    private boolean insert(ArticleEventType type, EventFacts facts, LocalDate dueOn, Map<String, Object> extra,
                           boolean onlyOnce) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("articleId", facts.articleId().toString());
        data.put("slug", facts.slug());
        data.put("version", facts.version());
        data.put("contentHash", facts.contentHash());
        data.put("state", facts.state());
        data.put("occurredAt", facts.occurredAt().toString());
        data.putAll(extra);
        int written = entityManager.createNativeQuery("""
                        INSERT INTO outbox_events (event_id, type, article_id, slug, version_no, due_on, occurred_at, data)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb))""" + (onlyOnce ? """
                         ON CONFLICT (article_id, type, due_on) WHERE due_on IS NOT NULL DO NOTHING""" : ""))
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, type.wireName())
                .setParameter(3, facts.articleId())
                .setParameter(4, facts.slug())
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.INTEGER, facts.version()))
                .setParameter(6, new TypedParameterValue<>(StandardBasicTypes.LOCAL_DATE, dueOn))
                .setParameter(7, facts.occurredAt().atOffset(ZoneOffset.UTC))
                .setParameter(8, json(data))
                .executeUpdate();
        return written == 1;
    }

    private String json(Map<String, Object> data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox event could not be written as JSON", e);
        }
    }
}
