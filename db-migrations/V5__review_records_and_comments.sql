-- A review record certifies one version by its content hash: written by an approval or a
-- reconfirmation, never by an editor. Records are append-only; an article's review block is its
-- newest record.
ALTER TABLE article_versions ADD CONSTRAINT article_versions_hash_key UNIQUE (article_id, version_no, content_hash);

CREATE TABLE review_records (
    id                   uuid PRIMARY KEY,
    article_id           uuid NOT NULL,
    version_no           integer NOT NULL,
    content_hash         text NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('APPROVAL', 'RECONFIRMATION')),
    reviewer_id          uuid NOT NULL REFERENCES accounts (id),
    reviewer_name        text NOT NULL,
    reviewer_credentials text NOT NULL,
    last_reviewed_on     date NOT NULL,
    next_review_due      date NOT NULL CHECK (next_review_due > last_reviewed_on),
    created_at           timestamptz NOT NULL,
    -- The certified hash must be the hash that version really has.
    FOREIGN KEY (article_id, version_no, content_hash)
        REFERENCES article_versions (article_id, version_no, content_hash)
);
CREATE INDEX review_records_article_idx ON review_records (article_id, created_at DESC);

CREATE TABLE review_comments (
    id          uuid PRIMARY KEY,
    article_id  uuid NOT NULL,
    version_no  integer NOT NULL,
    section_key text,
    text        text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 5000),
    author_id   uuid NOT NULL REFERENCES accounts (id),
    created_at  timestamptz NOT NULL,
    FOREIGN KEY (article_id, version_no) REFERENCES article_versions (article_id, version_no)
);
CREATE INDEX review_comments_version_idx ON review_comments (article_id, version_no);

CREATE TRIGGER review_records_immutable BEFORE UPDATE OR DELETE ON review_records
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER review_records_no_truncate BEFORE TRUNCATE ON review_records
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER review_comments_immutable BEFORE UPDATE OR DELETE ON review_comments
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER review_comments_no_truncate BEFORE TRUNCATE ON review_comments
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
