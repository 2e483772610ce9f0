-- Ranking reads a small vector (title, summary, headings) instead of the whole text: matching
-- still uses the full document through the GIN index, but ts_rank no longer has to read and
-- decompress every matching article's bodies, which made broad searches slow.
CREATE FUNCTION ranking_document(version_id uuid) RETURNS tsvector
    LANGUAGE sql STABLE AS
$$
SELECT setweight(to_tsvector(cfg, v.title), 'A')
    || setweight(to_tsvector(cfg, v.summary), 'B')
    || setweight(to_tsvector(cfg, coalesce((SELECT string_agg(s.heading, ' ' ORDER BY s.ordinal)
                                            FROM version_sections s WHERE s.version_id = v.id), '')), 'C')
FROM article_versions v,
     LATERAL (SELECT CASE WHEN lower(v.language) LIKE 'en%' THEN 'english'::regconfig
                          ELSE 'simple'::regconfig END AS cfg) config
WHERE v.id = version_id
$$;

ALTER TABLE published_articles ADD COLUMN rank_document tsvector;
UPDATE published_articles p SET rank_document = ranking_document(v.id)
FROM article_versions v WHERE v.article_id = p.article_id AND v.version_no = p.version_no;
ALTER TABLE published_articles ALTER COLUMN rank_document SET NOT NULL;
