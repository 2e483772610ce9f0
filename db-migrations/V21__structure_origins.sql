-- Four-eyes counts as writing what leaves no text behind (docs/workflow.md, content-model.md):
-- taking a section or citation out, changing their order, changing the review interval. Each
-- version records the version that wrote its order and its review interval, and, for every section
-- and citation key it no longer has, the version that took it out; saves carry these forward and
-- restores carry the restored version's, as they do for text.
ALTER TABLE article_versions
    ADD COLUMN order_origin_version integer CHECK (order_origin_version >= 1),
    ADD COLUMN review_interval_origin_version integer CHECK (review_interval_origin_version >= 1),
    ADD COLUMN removed_sections jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(removed_sections) = 'object'),
    ADD COLUMN removed_citations jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(removed_citations) = 'object');

-- Versions saved before: their order and interval count as written in their own version, the
-- reading that refuses more approvals, never fewer (a removal there falls back to the order's
-- version). The rows are otherwise immutable; the trigger steps aside for this one backfill.
ALTER TABLE article_versions DISABLE TRIGGER article_versions_immutable;
UPDATE article_versions SET order_origin_version = version_no, review_interval_origin_version = version_no;
ALTER TABLE article_versions ENABLE TRIGGER article_versions_immutable;

ALTER TABLE article_versions
    ALTER COLUMN order_origin_version SET NOT NULL,
    ALTER COLUMN review_interval_origin_version SET NOT NULL,
    ADD CHECK (order_origin_version <= version_no),
    ADD CHECK (review_interval_origin_version <= version_no);
