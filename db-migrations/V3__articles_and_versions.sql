-- Articles are the stable identity; every save adds an immutable version with its sections,
-- citations and tags. The column checks repeat the validation rules so that no code path can
-- store content the API would refuse.

CREATE TABLE articles (
    id                     uuid PRIMARY KEY,
    slug                   text NOT NULL UNIQUE
                           CHECK (char_length(slug) BETWEEN 3 AND 120 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    created_at             timestamptz NOT NULL,
    created_by             uuid NOT NULL REFERENCES accounts (id),
    latest_version         integer NOT NULL CHECK (latest_version >= 1),
    published_version      integer CHECK (published_version >= 1 AND published_version <= latest_version),
    state                  text NOT NULL CHECK (state IN
                           ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETRACTED')),
    review_interval_months integer NOT NULL DEFAULT 12 CHECK (review_interval_months BETWEEN 1 AND 60),
    changed_at             timestamptz NOT NULL,
    submitted_at           timestamptz,
    publish_at             timestamptz,
    retraction_reason      text CHECK (char_length(retraction_reason) <= 2000),
    -- A scheduled publication exists exactly while the article is APPROVED.
    CHECK ((state = 'APPROVED') = (publish_at IS NOT NULL)),
    CHECK ((state = 'IN_REVIEW') <= (submitted_at IS NOT NULL))
);

CREATE INDEX articles_changed_idx ON articles (changed_at DESC, id DESC);
CREATE INDEX articles_state_idx ON articles (state);

CREATE TABLE article_versions (
    id                     uuid PRIMARY KEY,
    article_id             uuid NOT NULL REFERENCES articles (id),
    version_no             integer NOT NULL CHECK (version_no >= 1),
    title                  text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    summary                text NOT NULL CHECK (char_length(summary) <= 500),
    language               text NOT NULL CHECK (language ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'),
    review_interval_months integer NOT NULL CHECK (review_interval_months BETWEEN 1 AND 60),
    change_note            text NOT NULL CHECK (char_length(change_note) <= 500),
    based_on               integer CHECK (based_on >= 1 AND based_on < version_no),
    content_hash           text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    author_id              uuid NOT NULL REFERENCES accounts (id),
    created_at             timestamptz NOT NULL,
    UNIQUE (article_id, version_no)
);

-- The article's pointers name real versions; deferred because a new article and its first
-- version are inserted in one transaction.
ALTER TABLE articles
    ADD CONSTRAINT articles_latest_version_fk FOREIGN KEY (id, latest_version)
        REFERENCES article_versions (article_id, version_no) DEFERRABLE INITIALLY DEFERRED,
    ADD CONSTRAINT articles_published_version_fk FOREIGN KEY (id, published_version)
        REFERENCES article_versions (article_id, version_no) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE version_sections (
    version_id uuid NOT NULL REFERENCES article_versions (id),
    ordinal    integer NOT NULL CHECK (ordinal BETWEEN 0 AND 199),
    key        text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 80 AND key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    heading    text NOT NULL CHECK (char_length(heading) <= 200),
    aspect     text CHECK (aspect IN ('allergies', 'benefits', 'causes', 'contagiousness', 'effectiveness', 'getting-access',
               'how-it-works', 'how-or-where', 'ingredients', 'living-with', 'may-treat',
               'misconceptions', 'overview', 'patient-experience', 'pregnancy',
               'prevention', 'prognosis', 'related-topics', 'risks-or-complications',
               'safety', 'screening', 'see-doctor', 'self-care', 'side-effects', 'stages',
               'symptoms', 'treatments', 'types', 'usage-or-schedule')),
    body       text NOT NULL CHECK (char_length(body) <= 100000),
    PRIMARY KEY (version_id, ordinal),
    UNIQUE (version_id, key)
);

CREATE TABLE version_citations (
    version_id  uuid NOT NULL REFERENCES article_versions (id),
    ordinal     integer NOT NULL CHECK (ordinal BETWEEN 0 AND 499),
    key         text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 80 AND key ~ '^[A-Za-z0-9][A-Za-z0-9_:.-]*$'),
    kind        text NOT NULL CHECK (kind IN ('journal-article', 'review', 'systematic-review',
                'meta-analysis', 'clinical-trial', 'guideline', 'book', 'web-page', 'other')),
    title       text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
    authors     text[] NOT NULL CHECK (cardinality(authors) <= 100),
    container   text CHECK (char_length(container) <= 300),
    year        integer CHECK (year BETWEEN 1600 AND 2200),
    doi         text CHECK (doi ~ '^10\.[0-9]{4,9}/\S+$' AND char_length(doi) <= 300),
    pmid        text CHECK (pmid ~ '^[1-9][0-9]{0,9}$'),
    url         text CHECK (url ~* '^https?://[^\s/?#]+' AND char_length(url) <= 2000),
    accessed_on date,
    CHECK (doi IS NOT NULL OR pmid IS NOT NULL OR url IS NOT NULL),
    PRIMARY KEY (version_id, ordinal),
    UNIQUE (version_id, key)
);

CREATE TABLE version_tags (
    version_id uuid NOT NULL REFERENCES article_versions (id),
    ordinal    integer NOT NULL CHECK (ordinal BETWEEN 0 AND 19),
    tag        text NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 50 AND tag ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    PRIMARY KEY (version_id, ordinal),
    UNIQUE (version_id, tag)
);
