-- Every change to an account, appended and never changed: who changed which account and which
-- fields (docs/security.md, "Accounts"). A password change is recorded as the word "password",
-- never its value or hash.
CREATE TABLE account_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    uuid REFERENCES accounts (id),
    account_id  uuid NOT NULL REFERENCES accounts (id),
    action      text NOT NULL CHECK (action IN ('created', 'changed', 'disabled', 'enabled',
                                                 'password-reset', 'password-changed')),
    changes     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX account_events_by_account ON account_events (account_id, id);
CREATE TRIGGER account_events_immutable BEFORE UPDATE OR DELETE ON account_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER account_events_no_truncate BEFORE TRUNCATE ON account_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Studio sign-ins. The cookie holds a random token; only its SHA-256 is stored, so a copy of the
-- database cannot be used to sign in. A session ends on sign-out, after inactivity, or when its
-- account is disabled (docs/studio.md).
CREATE TABLE studio_sessions (
    token_hash   bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    account_id   uuid NOT NULL REFERENCES accounts (id),
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
CREATE INDEX studio_sessions_by_account ON studio_sessions (account_id);
