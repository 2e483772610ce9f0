-- When an account's password, roles or enabled state last changed in a way that must end what it
-- could do before: a token issued before this instant is refused, and a studio session started
-- before it no longer resumes (docs/security.md, "Sessions and tokens after a credential change").
-- Null for an account whose credentials never changed since this column exists.
ALTER TABLE accounts ADD COLUMN credentials_changed_at timestamptz;
