-- Failed sign-ins, shared by every replica, so that guessing passwords is throttled per username
-- and per client address whichever replica answers (docs/security.md, "Sign-in throttling").
-- Rows older than the window are deleted as they stop counting.
CREATE TABLE sign_in_failures (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text NOT NULL CHECK (char_length(username) <= 200),
    client_address text NOT NULL CHECK (char_length(client_address) <= 100),
    failed_at      timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_by_username ON sign_in_failures (username, failed_at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (client_address, failed_at);
