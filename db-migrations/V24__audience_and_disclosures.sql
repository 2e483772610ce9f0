-- Whom a version is written for, what its author declares (funding, sponsorship, conflicts of
-- interest) and the author's credentials: versioned content like the title, reviewed and pinned
-- by the content hash (docs/content-model.md). Versions saved before were written for patients
-- with nothing declared; adding columns with constant defaults rewrites no row, so the trigger
-- that keeps versions immutable has nothing to refuse.
ALTER TABLE article_versions
    ADD COLUMN audience text NOT NULL DEFAULT 'patients'
        CONSTRAINT article_versions_audience_check CHECK (audience IN ('patients', 'clinicians')),
    ADD COLUMN disclosures text NOT NULL DEFAULT ''
        CONSTRAINT article_versions_disclosures_check CHECK (char_length(disclosures) <= 1000),
    ADD COLUMN author_credentials text NOT NULL DEFAULT ''
        CONSTRAINT article_versions_author_credentials_check CHECK (char_length(author_credentials) <= 200);
