package org.imprimatur.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A webhook subscription; a deleted one keeps its row for its delivery log. */
@Entity
@Table(name = "webhooks")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;
    public String url;
    /** CloudEvents types, e.g. {@code org.imprimatur.article.published}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] events;
    public String description;
    /** {@code whsec_} and the base64 key that signs each delivery (Standard Webhooks). */
    public String secret;
    public boolean enabled;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public static Optional<Webhook> findLive(UUID id) {
        return Webhook.<Webhook>findByIdOptional(id).filter(webhook -> webhook.deletedAt == null);
    }
}
