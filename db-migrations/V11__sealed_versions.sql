-- A version is sealed when its transaction commits: its sections, citations and tags can be written
-- only by the transaction that created the version row. Otherwise a row slipped into a stored
-- version later would change what it says without changing its contentHash (docs/content-model.md).
-- xmin of the version row is the id of the transaction that inserted it; pg_current_xact_id()
-- carries an epoch in its high 32 bits, which xmin does not.
CREATE FUNCTION require_version_of_this_transaction() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM article_versions v
                   WHERE v.id = NEW.version_id
                     AND v.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296) THEN
        RAISE EXCEPTION 'version % is sealed: % rows are written only with the version itself', NEW.version_id, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER version_sections_sealed BEFORE INSERT ON version_sections
    FOR EACH ROW EXECUTE FUNCTION require_version_of_this_transaction();
CREATE TRIGGER version_citations_sealed BEFORE INSERT ON version_citations
    FOR EACH ROW EXECUTE FUNCTION require_version_of_this_transaction();
CREATE TRIGGER version_tags_sealed BEFORE INSERT ON version_tags
    FOR EACH ROW EXECUTE FUNCTION require_version_of_this_transaction();
