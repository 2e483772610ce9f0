-- Staff accounts. Built-in accounts log in with a password (bcrypt hash); accounts of an external
-- OpenID Connect issuer are recorded on first use so that versions and reviews can name them.
CREATE TABLE accounts (
    id              uuid PRIMARY KEY,
    username        text NOT NULL UNIQUE CHECK (char_length(username) BETWEEN 1 AND 200),
    display_name    text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    credentials     text NOT NULL DEFAULT '' CHECK (char_length(credentials) <= 200),
    email           text CHECK (email IS NULL OR char_length(email) <= 320),
    password_hash   text,
    roles           text[] NOT NULL DEFAULT '{}'
                    CHECK (roles <@ ARRAY['editor', 'medical-reviewer', 'admin']::text[]),
    external_issuer text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- A built-in account has a password; an external one is identified by its issuer.
    CHECK ((password_hash IS NOT NULL) <> (external_issuer IS NOT NULL))
);
