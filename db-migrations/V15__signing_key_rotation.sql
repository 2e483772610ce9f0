-- Signing keys rotate (docs/security.md). A new key is made some seconds before it starts to sign
-- (signs_from), so every replica knows it before the first token it signs reaches them; the key it
-- replaces stops signing then (retired_at) and still verifies the tokens it signed until they
-- have all expired.
ALTER TABLE signing_keys
    ADD COLUMN signs_from timestamptz,
    ADD COLUMN retired_at timestamptz;
UPDATE signing_keys SET signs_from = created_at;
ALTER TABLE signing_keys ALTER COLUMN signs_from SET NOT NULL,
    ALTER COLUMN signs_from SET DEFAULT now(),
    ADD CHECK (retired_at > signs_from);
-- Only the newest key has no retirement; exactly one key signs at any instant.
CREATE UNIQUE INDEX signing_keys_one_unretired ON signing_keys ((true)) WHERE retired_at IS NULL;
