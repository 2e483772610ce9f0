-- An account can be disabled instead of deleted (its name stays on the versions and reviews it
-- made): a disabled account cannot sign in, and its tokens are refused (docs/security.md).
ALTER TABLE accounts ADD COLUMN disabled boolean NOT NULL DEFAULT false;
