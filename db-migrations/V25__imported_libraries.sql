-- Importing a library from an earlier system (docs/operations.md, "Importing a library").

-- An imported approval was given in the old system by a reviewer who has no account here: it names
-- them as that system did, carries no account id, and says it was imported. It is a record of the
-- past, not a four-eyes approval made here; every approval made here still names its account.
ALTER TABLE review_records ADD COLUMN imported boolean NOT NULL DEFAULT false;
ALTER TABLE review_records ALTER COLUMN reviewer_id DROP NOT NULL;
ALTER TABLE review_records ADD CONSTRAINT review_records_reviewer_account_check
    CHECK (imported OR reviewer_id IS NOT NULL);
ALTER TABLE review_records ADD CONSTRAINT review_records_imported_reviewer_check
    CHECK (NOT imported OR (reviewer_id IS NULL AND char_length(reviewer_name) BETWEEN 1 AND 200));

-- Who wrote an imported version in the old system, as it named them; the version's author_id is the
-- account that imported it.
ALTER TABLE article_versions ADD COLUMN imported_author text CHECK (char_length(imported_author) BETWEEN 1 AND 200);

-- The audit trail's actions are WorkflowAction's audit names (EnumConstraintsTest compares them),
-- now with "imported", the first event of an imported article.
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN ('create', 'save', 'restore',
    'submit', 'withdraw', 'request-changes', 'approve', 'reconfirm', 'retract', 'publish-scheduled', 'imported'));
