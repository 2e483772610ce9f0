-- The delivery API's index of what is live: one row per article with a live version, written in
-- the transaction that publishes or retracts, so lists and search never show anything else.
-- It is derived data: rebuilt from versions and publications at any time.
CREATE TABLE published_articles (
    article_id   uuid PRIMARY KEY REFERENCES articles (id),
    slug         text NOT NULL UNIQUE,
    version_no   integer NOT NULL,
    title        text NOT NULL,
    summary      text NOT NULL,
    tags         text[] NOT NULL,
    published_at timestamptz NOT NULL,
    document     tsvector NOT NULL,
    FOREIGN KEY (article_id, version_no) REFERENCES article_versions (article_id, version_no)
);

CREATE INDEX published_articles_newest_idx ON published_articles (published_at DESC, article_id DESC);
CREATE INDEX published_articles_search_idx ON published_articles USING gin (document);
CREATE INDEX published_articles_tags_idx ON published_articles USING gin (tags);

-- Title weighs most, then summary, then headings and bodies. English stemming for English
-- articles, plain word matching for other languages.
CREATE FUNCTION search_document(version_id uuid) RETURNS tsvector
    LANGUAGE sql STABLE AS
$$
SELECT setweight(to_tsvector(cfg, v.title), 'A')
    || setweight(to_tsvector(cfg, v.summary), 'B')
    || setweight(to_tsvector(cfg, coalesce((SELECT string_agg(s.heading || ' ' || s.body, ' ' ORDER BY s.ordinal)
                                            FROM version_sections s WHERE s.version_id = v.id), '')), 'C')
FROM article_versions v,
     LATERAL (SELECT CASE WHEN lower(v.language) LIKE 'en%' THEN 'english'::regconfig
                          ELSE 'simple'::regconfig END AS cfg) config
WHERE v.id = version_id
$$;

CREATE INDEX publications_article_idx ON publications (article_id, lower(live));
