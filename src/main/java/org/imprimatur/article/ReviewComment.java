package org.imprimatur.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reviewer's comment on one version, optionally on one section of it. */
@Entity
@Immutable
@Table(name = "review_comments")
public class ReviewComment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "version_no")
    public int versionNo;
    @Column(name = "section_key")
    public String sectionKey;
    public String text;
    @Column(name = "author_id")
    public UUID authorId;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<ReviewComment> of(UUID articleId, int versionNo) {
        return list("articleId = ?1 and versionNo = ?2 order by createdAt, id", articleId, versionNo);
    }
}
