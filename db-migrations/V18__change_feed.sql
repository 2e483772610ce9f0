-- The public change feed (docs/delivery.md, "Change feed"): one row per publication and per
-- retraction, never a draft, appended in the transaction that makes the change. Writers take one
-- transaction-level advisory lock first, so ids are handed out in commit order and a consumer
-- reading "after id N" can never miss a row that commits later with a smaller id.
CREATE TABLE change_feed (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id  uuid NOT NULL REFERENCES articles (id),
    slug        text NOT NULL,
    type        text NOT NULL CHECK (type IN ('published', 'retracted')),
    version_no  integer NOT NULL,
    occurred_at timestamptz NOT NULL
);

CREATE TRIGGER change_feed_immutable BEFORE UPDATE OR DELETE ON change_feed
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER change_feed_no_truncate BEFORE TRUNCATE ON change_feed
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- What happened before the feed existed, from the publication history, oldest first: a period's
-- start is a publication; an end that no other period starts at is a retraction.
INSERT INTO change_feed (article_id, slug, type, version_no, occurred_at)
SELECT article_id, slug, type, version_no, occurred_at FROM (
    SELECT p.article_id, a.slug, 'published' AS type, p.version_no, lower(p.live) AS occurred_at
    FROM publications p JOIN articles a ON a.id = p.article_id
    UNION ALL
    SELECT p.article_id, a.slug, 'retracted', p.version_no, upper(p.live)
    FROM publications p JOIN articles a ON a.id = p.article_id
    WHERE NOT upper_inf(p.live)
      AND NOT EXISTS (SELECT 1 FROM publications n WHERE n.article_id = p.article_id AND lower(n.live) = upper(p.live))
) history ORDER BY occurred_at, type;
