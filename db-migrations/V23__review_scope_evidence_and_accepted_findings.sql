-- A full review is not an edit approval (docs/workflow.md, "Review scope"): each review record says
-- whether the reviewer checked the change alone or the whole article. Only a full review (every
-- reconfirmation is one) sets new review dates; a change approval carries the dates of the record
-- before it. Records written before were approvals of the whole version, so they count as full.
-- A full review confirms each source as current (evidence: citation key -> 'current'), and a
-- reviewer may accept a clinical-check finding with a reason (docs/clinical-checks.md); both are
-- kept with the record. ADD COLUMN fires no row trigger, so the records stay append-only.
ALTER TABLE review_records
    ADD COLUMN scope text NOT NULL DEFAULT 'full' CHECK (scope IN ('change', 'full')),
    ADD COLUMN evidence jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(evidence) = 'object'),
    ADD COLUMN accepted_findings jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(accepted_findings) = 'array');
ALTER TABLE review_records ALTER COLUMN scope DROP DEFAULT;

-- A reconfirmation re-reviews the whole live version: it is never a change approval.
ALTER TABLE review_records ADD CONSTRAINT review_records_reconfirmation_is_full
    CHECK (kind = 'APPROVAL' OR scope = 'full');

-- The newest full review of an article: what the provenance of its sections names.
CREATE INDEX review_records_full_idx ON review_records (article_id, created_at DESC) WHERE scope = 'full';
