-- The key pair that signs our own access tokens. It lives in the database so that every replica
-- signs and verifies with the same key; it is generated once, on the first start.
CREATE TABLE signing_keys (
    key_id      text PRIMARY KEY,
    algorithm   text NOT NULL CHECK (algorithm = 'RS256'),
    private_key bytea NOT NULL,
    public_key  bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
