-- Witnessed audit heads (docs/security.md, "Verifying the audit trail"). A checkpoint records the
-- head (last sequence number and hash) of every article's audit chain and one root hash over all
-- of them, signed with the service's key. Whoever keeps a published root can later prove that no
-- chain was rewritten since: a rewritten chain, even re-hashed so that it verifies on its own,
-- no longer reaches the head the checkpoint recorded. Checkpoints are append-only.
CREATE TABLE audit_checkpoints (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issued_at     timestamptz NOT NULL,
    article_count integer NOT NULL CHECK (article_count >= 0),
    root          text NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
    heads         jsonb NOT NULL,
    key_id        text NOT NULL,
    signature     text NOT NULL
);

CREATE TRIGGER audit_checkpoints_immutable BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
