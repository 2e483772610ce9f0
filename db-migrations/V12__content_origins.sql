-- Four-eyes by content (docs/workflow.md): each part of a version remembers the version whose
-- author first wrote its current text, like git blame at the grain of a section, a citation and
-- the header (title, summary, language, tags). A save carries the origin of every unchanged part
-- over and gives changed parts its own version; a restore carries the restored version's origins,
-- so restored text keeps its real author. The approver must not have written any part that goes live.
ALTER TABLE article_versions ADD COLUMN header_origin_version integer CHECK (header_origin_version >= 1);
ALTER TABLE version_sections ADD COLUMN origin_version integer CHECK (origin_version >= 1);
ALTER TABLE version_citations ADD COLUMN origin_version integer CHECK (origin_version >= 1);

-- Versions saved before origins were kept: every part counts as written in its own version, the
-- reading that refuses more approvals, never fewer. The rows are otherwise immutable, so their
-- triggers step aside for this one backfill, inside this migration's transaction.
ALTER TABLE article_versions DISABLE TRIGGER article_versions_immutable;
ALTER TABLE version_sections DISABLE TRIGGER version_sections_immutable;
ALTER TABLE version_citations DISABLE TRIGGER version_citations_immutable;
UPDATE article_versions SET header_origin_version = version_no;
UPDATE version_sections s SET origin_version = v.version_no FROM article_versions v WHERE v.id = s.version_id;
UPDATE version_citations c SET origin_version = v.version_no FROM article_versions v WHERE v.id = c.version_id;
ALTER TABLE article_versions ENABLE TRIGGER article_versions_immutable;
ALTER TABLE version_sections ENABLE TRIGGER version_sections_immutable;
ALTER TABLE version_citations ENABLE TRIGGER version_citations_immutable;

ALTER TABLE article_versions ALTER COLUMN header_origin_version SET NOT NULL,
    ADD CHECK (header_origin_version <= version_no);
ALTER TABLE version_sections ALTER COLUMN origin_version SET NOT NULL;
ALTER TABLE version_citations ALTER COLUMN origin_version SET NOT NULL;
