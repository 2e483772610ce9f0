-- Releases (docs/releases.md): several approved versions that go live together, in one
-- transaction, at once or at a time, or not at all; and that can be reverted together.

CREATE TABLE releases (
    id            uuid PRIMARY KEY,
    title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    state         text NOT NULL CHECK (state IN ('OPEN', 'PUBLISHED', 'REVERTED')),
    -- When the release goes live by itself; only an open release waits for a time.
    publish_at    timestamptz CHECK (publish_at IS NULL OR state = 'OPEN'),
    -- A scheduled time that came while an item was not ready: nothing went live, and why is kept.
    schedule_missed text CHECK (char_length(schedule_missed) <= 20000),
    created_by    uuid NOT NULL REFERENCES accounts (id),
    created_at    timestamptz NOT NULL,
    published_at  timestamptz,
    published_by  uuid REFERENCES accounts (id),
    reverted_at   timestamptz,
    reverted_by   uuid REFERENCES accounts (id),
    CONSTRAINT releases_published_at_when_live CHECK ((published_at IS NOT NULL) = (state IN ('PUBLISHED', 'REVERTED'))),
    CONSTRAINT releases_reverted_at_when_reverted CHECK ((reverted_at IS NOT NULL) = (state = 'REVERTED')),
    CHECK (published_by IS NULL OR published_at IS NOT NULL),
    CHECK (reverted_by IS NULL OR reverted_at IS NOT NULL),
    CHECK (reverted_at IS NULL OR reverted_at >= published_at)
);
CREATE INDEX releases_created_idx ON releases (created_at DESC, id DESC);
-- What the scheduler looks for every second.
CREATE INDEX releases_due_idx ON releases (publish_at) WHERE state = 'OPEN' AND publish_at IS NOT NULL;

-- A release goes OPEN → PUBLISHED → REVERTED and never back; its title and creation never change.
CREATE FUNCTION release_moves_forward() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a release is never deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id <> OLD.id OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at
        OR (OLD.state <> NEW.state AND NOT (OLD.state = 'OPEN' AND NEW.state = 'PUBLISHED'
                                            OR OLD.state = 'PUBLISHED' AND NEW.state = 'REVERTED'))
        OR (OLD.state <> 'OPEN' AND (NEW.title <> OLD.title OR NEW.published_at <> OLD.published_at)) THEN
        RAISE EXCEPTION 'release % may only move from OPEN to PUBLISHED to REVERTED', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER releases_move_forward BEFORE UPDATE OR DELETE ON releases
    FOR EACH ROW EXECUTE FUNCTION release_moves_forward();
CREATE TRIGGER releases_no_truncate BEFORE TRUNCATE ON releases
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- One item per article and release: the exact version (by its hash) that the release makes live.
-- previous_version is what was live before the release went live (null: the article was new),
-- which a revert makes live again.
CREATE TABLE release_items (
    release_id       uuid NOT NULL REFERENCES releases (id),
    article_id       uuid NOT NULL REFERENCES articles (id),
    version_no       integer NOT NULL,
    content_hash     text NOT NULL,
    added_by         uuid NOT NULL REFERENCES accounts (id),
    added_at         timestamptz NOT NULL,
    previous_version integer CHECK (previous_version >= 1),
    PRIMARY KEY (release_id, article_id),
    -- The hash must be the one that version really has.
    FOREIGN KEY (article_id, version_no, content_hash)
        REFERENCES article_versions (article_id, version_no, content_hash),
    FOREIGN KEY (article_id, previous_version) REFERENCES article_versions (article_id, version_no)
);
CREATE INDEX release_items_article_idx ON release_items (article_id);

-- Items change only while their release is open; once it went live, its items are history. The
-- version live before the release is written once, in the transaction that publishes it.
CREATE FUNCTION release_items_only_while_open() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    release_state text;
BEGIN
    SELECT state INTO release_state FROM releases WHERE id = COALESCE(NEW.release_id, OLD.release_id);
    IF TG_OP = 'UPDATE' AND release_state = 'PUBLISHED' AND OLD.previous_version IS NULL
        AND NEW.previous_version IS NOT NULL AND NEW.release_id = OLD.release_id AND NEW.article_id = OLD.article_id
        AND NEW.version_no = OLD.version_no AND NEW.content_hash = OLD.content_hash THEN
        RETURN NEW;
    END IF;
    IF release_state IS DISTINCT FROM 'OPEN' THEN
        RAISE EXCEPTION 'the items of release % can change only while it is open', COALESCE(NEW.release_id, OLD.release_id)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.previous_version IS NOT NULL THEN
        RAISE EXCEPTION 'the version live before a release is written when it goes live'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    -- The approval the article waits with is for this item's version: the item stays as it is until withdrawn.
    IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM articles a WHERE a.id = OLD.article_id AND a.awaits_release = OLD.release_id)
        AND (TG_OP = 'DELETE' OR NEW.article_id <> OLD.article_id OR NEW.version_no <> OLD.version_no
             OR NEW.content_hash <> OLD.content_hash) THEN
        RAISE EXCEPTION 'article % is approved for release %: its item stays until the approval is withdrawn',
            OLD.article_id, OLD.release_id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$;
CREATE TRIGGER release_items_only_while_open BEFORE INSERT OR UPDATE OR DELETE ON release_items
    FOR EACH ROW EXECUTE FUNCTION release_items_only_while_open();
CREATE TRIGGER release_items_no_truncate BEFORE TRUNCATE ON release_items
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- An approval for a release: the review record names the release it approves for. The article then
-- waits for that release (APPROVED, with no time of its own) instead of going live.
ALTER TABLE review_records ADD COLUMN release_id uuid REFERENCES releases (id);
ALTER TABLE review_records ADD CONSTRAINT review_records_release_is_an_approval
    CHECK (release_id IS NULL OR kind = 'APPROVAL');

ALTER TABLE articles ADD COLUMN awaits_release uuid REFERENCES releases (id);
DO $$
DECLARE
    name text;
BEGIN
    SELECT k.conname INTO name FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
    WHERE t.relname = 'articles' AND k.contype = 'c'
      AND pg_get_constraintdef(k.oid) = 'CHECK (((state = ''APPROVED''::text) = (publish_at IS NOT NULL)))';
    EXECUTE format('ALTER TABLE articles DROP CONSTRAINT %I', name);
END
$$;
-- An approved article waits for its time or for its release, never both.
ALTER TABLE articles ADD CONSTRAINT articles_approved_waits_for_a_time_or_a_release
    CHECK ((state = 'APPROVED') = (publish_at IS NOT NULL OR awaits_release IS NOT NULL)
           AND (publish_at IS NULL OR awaits_release IS NULL));

-- An article waits only for an open release that has it as an item.
CREATE FUNCTION article_awaits_an_open_release() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.awaits_release IS NOT NULL AND NEW.awaits_release IS DISTINCT FROM OLD.awaits_release
        AND NOT EXISTS (SELECT 1 FROM release_items i JOIN releases r ON r.id = i.release_id
                        WHERE i.release_id = NEW.awaits_release AND i.article_id = NEW.id AND r.state = 'OPEN') THEN
        RAISE EXCEPTION 'article % can wait only for an open release it belongs to', NEW.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER articles_await_an_open_release BEFORE UPDATE OF awaits_release ON articles
    FOR EACH ROW EXECUTE FUNCTION article_awaits_an_open_release();

-- The audit names the two new actions; the outbox the release's own event, which is about no
-- single article (its data lists them).
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN ('create', 'save', 'restore',
    'submit', 'withdraw', 'request-changes', 'approve', 'reconfirm', 'retract', 'publish-scheduled', 'imported',
    'publish-release', 'revert-release'));

ALTER TABLE outbox_events DROP CONSTRAINT outbox_events_type_check;
ALTER TABLE outbox_events ADD CONSTRAINT outbox_events_type_check CHECK (type IN ('submitted', 'withdrawn',
    'changes-requested', 'approved', 'scheduled', 'published', 'retracted', 'reconfirmed', 'review-due-soon',
    'review-overdue', 'translation-outdated', 'release-published', 'release-reverted'));
ALTER TABLE outbox_events ALTER COLUMN article_id DROP NOT NULL;
ALTER TABLE outbox_events ALTER COLUMN slug DROP NOT NULL;
ALTER TABLE outbox_events ADD CONSTRAINT outbox_events_release_events_name_no_article
    CHECK ((article_id IS NULL) = (type IN ('release-published', 'release-reverted'))
           AND (slug IS NULL) = (article_id IS NULL));
ALTER TABLE webhook_deliveries ALTER COLUMN article_id DROP NOT NULL;
