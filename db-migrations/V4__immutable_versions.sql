-- Nothing that was saved is ever lost: versions and everything they hold are written once.
-- The refusal is the database's own, so it binds every client, not only this service.
CREATE FUNCTION refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% rows are immutable: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER article_versions_immutable BEFORE UPDATE OR DELETE ON article_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_sections_immutable BEFORE UPDATE OR DELETE ON version_sections
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_citations_immutable BEFORE UPDATE OR DELETE ON version_citations
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_tags_immutable BEFORE UPDATE OR DELETE ON version_tags
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
-- TRUNCATE bypasses row triggers, so it is refused per statement.
CREATE TRIGGER article_versions_no_truncate BEFORE TRUNCATE ON article_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_sections_no_truncate BEFORE TRUNCATE ON version_sections
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_citations_no_truncate BEFORE TRUNCATE ON version_citations
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_tags_no_truncate BEFORE TRUNCATE ON version_tags
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Version numbers are gapless: version n+1 may only follow an existing version n. Together with
-- UNIQUE (article_id, version_no) this makes 1, 2, 3, ... the only possible sequence.
CREATE FUNCTION require_previous_version() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.version_no > 1 AND NOT EXISTS (
        SELECT 1 FROM article_versions WHERE article_id = NEW.article_id AND version_no = NEW.version_no - 1) THEN
        RAISE EXCEPTION 'version % of article % would leave a gap', NEW.version_no, NEW.article_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER article_versions_gapless BEFORE INSERT ON article_versions
    FOR EACH ROW EXECUTE FUNCTION require_previous_version();
