-- One row per period during which a version was live. The exclusion constraint is the promise
-- that an article never has two live versions at the same instant; "what was live at T" is a
-- containment query. Publishing closes the open period and opens the next one in one transaction.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE publications (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id uuid NOT NULL,
    version_no integer NOT NULL,
    live       tstzrange NOT NULL CHECK (lower(live) IS NOT NULL AND lower_inc(live) AND NOT upper_inc(live)),
    FOREIGN KEY (article_id, version_no) REFERENCES article_versions (article_id, version_no),
    EXCLUDE USING gist (article_id WITH =, live WITH &&)
);
CREATE UNIQUE INDEX publications_one_open_period ON publications (article_id) WHERE upper_inf(live);

-- Only content a reviewer approved can go live.
CREATE FUNCTION require_approval() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM review_records
                   WHERE article_id = NEW.article_id AND version_no = NEW.version_no AND kind = 'APPROVAL') THEN
        RAISE EXCEPTION 'version % of article % has no approval and cannot be published', NEW.version_no, NEW.article_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER publications_require_approval BEFORE INSERT ON publications
    FOR EACH ROW EXECUTE FUNCTION require_approval();

-- History is not rewritten: the only change allowed is closing a period that is still open.
CREATE FUNCTION allow_only_closing_a_period() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.article_id <> OLD.article_id OR NEW.version_no <> OLD.version_no
        OR NOT upper_inf(OLD.live) OR lower(NEW.live) <> lower(OLD.live) OR upper_inf(NEW.live) THEN
        RAISE EXCEPTION 'publication history is append-only: only an open period may be closed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
    FOR EACH ROW EXECUTE FUNCTION allow_only_closing_a_period();
CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
