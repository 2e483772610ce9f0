-- Translations (docs/translations.md): an article may be the translation of a source article into
-- one language, and every version of a translation names the source version and content hash it
-- renders. What protects readers is held here, whoever writes: a translation never changes what it
-- translates, never goes backward, and once live never renders source text no reviewer published.

-- The source and language of a translation; both or neither. A translation's language is a BCP 47
-- tag of the shape versions store, and one language has at most one translation per source.
ALTER TABLE articles
    ADD COLUMN translation_of       uuid REFERENCES articles (id),
    ADD COLUMN translation_language text CHECK (translation_language ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'
                                                AND char_length(translation_language) <= 35),
    ADD CONSTRAINT articles_translation_has_a_language CHECK ((translation_of IS NULL) = (translation_language IS NULL)),
    ADD CONSTRAINT articles_translation_not_of_itself CHECK (translation_of <> id);
CREATE UNIQUE INDEX articles_one_translation_per_language ON articles (translation_of, lower(translation_language))
    WHERE translation_of IS NOT NULL;

-- A translation is made once and stays the translation it was made as: no chains (a source is no
-- translation), not into the source's own language, and no moving it to another source or language.
CREATE FUNCTION translation_is_well_formed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source_language text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.translation_of IS DISTINCT FROM OLD.translation_of
            OR NEW.translation_language IS DISTINCT FROM OLD.translation_language THEN
            RAISE EXCEPTION 'article % cannot change the source or language it translates', NEW.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.translation_of IS NULL THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM articles s WHERE s.id = NEW.translation_of AND s.translation_of IS NOT NULL) THEN
        RAISE EXCEPTION 'article % is a translation and cannot be the source of another', NEW.translation_of
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT v.language INTO source_language FROM articles s
        JOIN article_versions v ON v.article_id = s.id AND v.version_no = s.latest_version
        WHERE s.id = NEW.translation_of;
    IF lower(source_language) = lower(NEW.translation_language) THEN
        RAISE EXCEPTION 'article % is written in %: a translation is into another language', NEW.translation_of, source_language
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER articles_translation_is_well_formed BEFORE INSERT OR UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION translation_is_well_formed();

-- The source version a version of a translation renders: the source article, its version number
-- and that version's content hash, all three or none.
ALTER TABLE article_versions
    ADD COLUMN translated_from_article uuid,
    ADD COLUMN translated_from_version integer,
    ADD COLUMN translated_from_hash    text CHECK (translated_from_hash ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT article_versions_translated_from_complete CHECK (
        (translated_from_article IS NULL) = (translated_from_version IS NULL)
        AND (translated_from_version IS NULL) = (translated_from_hash IS NULL)),
    ADD CONSTRAINT article_versions_translated_from_fk FOREIGN KEY (translated_from_article, translated_from_version)
        REFERENCES article_versions (article_id, version_no);
CREATE INDEX article_versions_translated_from_idx ON article_versions (translated_from_article)
    WHERE translated_from_article IS NOT NULL;

-- Every version of a translation, and only those, names a version of its own source with that
-- version's hash, in the translation's language; a version never names an older source version
-- than the one before it; and once the translation has been live, only a source version that has
-- been live itself (a reviewer approved and published it).
CREATE FUNCTION translated_version_is_honest() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    translation articles%ROWTYPE;
    previous integer;
BEGIN
    SELECT * INTO translation FROM articles WHERE id = NEW.article_id;
    IF translation.translation_of IS NULL THEN
        IF NEW.translated_from_article IS NOT NULL THEN
            RAISE EXCEPTION 'article % is no translation: its versions translate nothing', NEW.article_id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.translated_from_article IS DISTINCT FROM translation.translation_of THEN
        RAISE EXCEPTION 'version % of translation % must name the version of its source % it translates',
            NEW.version_no, NEW.article_id, translation.translation_of USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM article_versions s WHERE s.article_id = NEW.translated_from_article
                   AND s.version_no = NEW.translated_from_version AND s.content_hash = NEW.translated_from_hash) THEN
        RAISE EXCEPTION 'version % of the source has another content hash than %', NEW.translated_from_version,
            NEW.translated_from_hash USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF lower(NEW.language) <> lower(translation.translation_language) THEN
        RAISE EXCEPTION 'translation % is in %, not %', NEW.article_id, translation.translation_language, NEW.language
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT p.translated_from_version INTO previous FROM article_versions p
        WHERE p.article_id = NEW.article_id AND p.version_no = NEW.version_no - 1;
    IF previous IS NOT NULL AND NEW.translated_from_version < previous THEN
        RAISE EXCEPTION 'version % of translation % goes back from source version % to %', NEW.version_no, NEW.article_id,
            previous, NEW.translated_from_version USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM publications p WHERE p.article_id = NEW.article_id)
        AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.article_id = NEW.translated_from_article
                        AND p.version_no = NEW.translated_from_version) THEN
        RAISE EXCEPTION 'translation % has been live: it can only translate a published version of its source, not %',
            NEW.article_id, NEW.translated_from_version USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER article_versions_translated_honestly BEFORE INSERT ON article_versions
    FOR EACH ROW EXECUTE FUNCTION translated_version_is_honest();

-- A source publication that leaves a live translation behind is an event of that translation, for
-- webhooks and the change feed alike.
ALTER TABLE outbox_events DROP CONSTRAINT outbox_events_type_check;
ALTER TABLE outbox_events ADD CONSTRAINT outbox_events_type_check CHECK (type IN ('submitted', 'withdrawn',
    'changes-requested', 'approved', 'scheduled', 'published', 'retracted', 'reconfirmed', 'review-due-soon',
    'review-overdue', 'translation-outdated'));
ALTER TABLE change_feed DROP CONSTRAINT change_feed_type_check;
ALTER TABLE change_feed ADD CONSTRAINT change_feed_type_check CHECK (type IN ('published', 'retracted',
    'translation-outdated'));
