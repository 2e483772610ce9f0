-- The audit trail: one event per action, written in the action's transaction. Each event stores
-- the hash of the article's previous event and its own hash over that and its content, so an
-- edit made behind the service's back breaks the chain.
CREATE TABLE audit_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    uuid NOT NULL REFERENCES articles (id),
    seq           integer NOT NULL CHECK (seq >= 1),
    occurred_at   timestamptz NOT NULL,
    actor_id      uuid REFERENCES accounts (id),
    actor_name    text NOT NULL,
    action        text NOT NULL,
    from_state    text,
    to_state      text NOT NULL,
    version_no    integer,
    comment       text,
    previous_hash text NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash          text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    UNIQUE (article_id, seq)
);

CREATE TRIGGER audit_events_immutable BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
