package org.imprimatur.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One recorded action on an article, chained to the article's previous event by hash. */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "article_id")
    public UUID articleId;
    public int seq;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "actor_name")
    public String actorName;
    public String action;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    @Column(name = "version_no")
    public Integer versionNo;
    public String comment;
    @Column(name = "previous_hash")
    public String previousHash;
    public String hash;

    /** The fields the hash covers, in canonical form; the stored hashes themselves are not part of it. */
    Map<String, Object> hashedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("articleId", articleId.toString());
        fields.put("seq", seq);
        fields.put("occurredAt", occurredAt.toString());
        fields.put("actorId", actorId == null ? null : actorId.toString());
        fields.put("actorName", actorName);
        fields.put("action", action);
        fields.put("fromState", fromState);
        fields.put("toState", toState);
        fields.put("versionNo", versionNo);
        fields.put("comment", comment);
        return fields;
    }
}
