package org.imprimatur.article;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.Cursor;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.WorkflowState;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The editors' list of articles, newest change first, with keyset pagination. */
@ApplicationScoped
public class EditorialListing {

    @Transactional
    public Page<ArticleSummary> list(String state, String q, String limit, String cursor) {
        return list(state, q, null, limit, cursor);
    }

    /** The list filtered by state, a title or slug search, and a tag of the newest version. */
    @Transactional
    public Page<ArticleSummary> list(String state, String q, String tag, String limit, String cursor) {
        int pageSize = Cursor.limit(limit);
        WorkflowState stateFilter = parseState(state);
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        StringBuilder jpql = new StringBuilder("""
                select new org.imprimatur.article.ArticleSummary(a.id, a.slug, v.title, a.state, a.latestVersion,
                       a.publishedVersion, a.changedAt)
                from Article a, ArticleVersion v
                where v.articleId = a.id and v.versionNo = a.latestVersion""");
        if (stateFilter != null) {
            jpql.append(" and a.state = :state");
        }
        if (q != null && !q.isBlank()) {
            jpql.append(" and (lower(v.title) like :q or a.slug like :q)");
        }
        if (tag != null && !tag.isBlank()) {
            jpql.append(" and :tag member of v.tags");
        }
        if (after != null) {
            jpql.append(" and (a.changedAt < :afterInstant or (a.changedAt = :afterInstant and a.id < :afterId))");
        }
        jpql.append(" order by a.changedAt desc, a.id desc");
        TypedQuery<ArticleSummary> query = Panache.getEntityManager().createQuery(jpql.toString(), ArticleSummary.class);
        if (stateFilter != null) {
            query.setParameter("state", stateFilter);
        }
        if (q != null && !q.isBlank()) {
            query.setParameter("q", "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (tag != null && !tag.isBlank()) {
            query.setParameter("tag", tag.strip());
        }
        if (after != null) {
            query.setParameter("afterInstant", after.instant());
            query.setParameter("afterId", after.id());
        }
        List<ArticleSummary> rows = query.setMaxResults(pageSize + 1).getResultList();
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<ArticleSummary> items = rows.subList(0, pageSize);
        ArticleSummary last = items.get(pageSize - 1);
        return new Page<>(List.copyOf(items), new Cursor(last.changedAt(), last.id()).encode());
    }

    private static WorkflowState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return WorkflowState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest("state must be one of " + Arrays.toString(WorkflowState.values()) + ".");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
