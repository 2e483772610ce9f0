package org.imprimatur.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.ReleaseState;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Several versions that go live together, at once or at a time, and can be reverted together (docs/releases.md). */
@Entity
@Table(name = "releases")
public class Release extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    @Enumerated(EnumType.STRING)
    public ReleaseState state;
    @Column(name = "publish_at")
    public Instant publishAt;
    /** Why nothing went live when the scheduled time came, or null. */
    @Column(name = "schedule_missed")
    public String scheduleMissed;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public UUID publishedBy;
    @Column(name = "reverted_at")
    public Instant revertedAt;
    @Column(name = "reverted_by")
    public UUID revertedBy;

    static Release found(UUID id) {
        return Optional.ofNullable(Release.<Release>findById(id))
                .orElseThrow(() -> ProblemException.notFound("There is no release " + id + "."));
    }

    /** The release with its row locked until the transaction ends: its items and state change one at a time. */
    static Release locked(UUID id) {
        return Optional.ofNullable(Release.<Release>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("There is no release " + id + "."));
    }
}
