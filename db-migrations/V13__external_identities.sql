-- An external account is the issuer's stable subject (sub), not a user name the user may be able
-- to change at the identity provider: keyed on the name, a renamed user could take over another
-- account's history (docs/security.md). Accounts recorded before this keep a null subject until
-- their next sign-in adopts it.
ALTER TABLE accounts ADD COLUMN external_subject text
    CHECK (char_length(external_subject) BETWEEN 1 AND 255),
    ADD CHECK (external_subject IS NULL OR external_issuer IS NOT NULL);
CREATE UNIQUE INDEX accounts_external_identity ON accounts (external_issuer, external_subject)
    WHERE external_subject IS NOT NULL;
