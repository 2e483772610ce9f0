-- Reviewer scopes (docs/workflow.md, "Reviewer scope"): the specialties an account reviews and the
-- languages it reads, and the specialty an article needs its reviewer to have.

-- The specialties the admins manage; a name is slug-like (dermatology, infectious-diseases) and never
-- changes. One in use by an account or an article cannot be deleted.
CREATE TABLE specialties (
    name       text PRIMARY KEY CHECK (char_length(name) BETWEEN 2 AND 60 AND name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    created_at timestamptz NOT NULL
);

-- Whether every tag of a list is a BCP 47 language tag of the shape article versions store.
CREATE FUNCTION language_tags_are_valid(tags text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(bool_and(tag ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'), true) FROM unnest(tags) AS tag
$$;

-- An empty list of languages reads the service's default language (imprimatur.default-language):
-- accounts seeded or first seen through an identity provider need no language of their own.
ALTER TABLE accounts
    ADD COLUMN specialties text[] NOT NULL DEFAULT '{}' CHECK (cardinality(specialties) <= 50),
    ADD COLUMN languages   text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(languages) <= 20 AND language_tags_are_valid(languages));

-- Every specialty of an account is one of the list. Arrays cannot carry a foreign key, so a trigger
-- checks it, holding a key-share lock on the rows it names so that a concurrent delete waits for it.
-- A lock needs more than the service's SELECT on the list, so the check runs as the owner.
CREATE FUNCTION account_specialties_exist() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    known integer;
BEGIN
    SELECT count(*) INTO known FROM (SELECT 1 FROM specialties s WHERE s.name = ANY (NEW.specialties) FOR KEY SHARE) k;
    IF known <> cardinality(ARRAY(SELECT DISTINCT unnest(NEW.specialties))) THEN
        RAISE EXCEPTION 'account % names a specialty that is not in the list: %', NEW.username, NEW.specialties
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER accounts_specialties_exist BEFORE INSERT OR UPDATE OF specialties ON accounts
    FOR EACH ROW EXECUTE FUNCTION account_specialties_exist();

-- A specialty an account still has cannot be deleted (articles are held by their foreign key).
CREATE FUNCTION specialty_not_held_by_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM accounts a WHERE OLD.name = ANY (a.specialties)) THEN
        RAISE EXCEPTION 'specialty % is held by an account', OLD.name USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER specialties_not_held_by_accounts BEFORE DELETE ON specialties
    FOR EACH ROW EXECUTE FUNCTION specialty_not_held_by_accounts();

-- The specialty whose reviewer an article needs; none: any reviewer. It belongs to the article, not
-- to a version: it says who reviews, not what readers read (docs/content-model.md).
ALTER TABLE articles ADD COLUMN specialty text REFERENCES specialties (name);
CREATE INDEX articles_specialty_idx ON articles (specialty) WHERE specialty IS NOT NULL;

-- The scope of the reviewer when they approved or reconfirmed: {"specialties": [...], "languages": [...]}.
-- Records made before scopes existed, and imported ones, have none.
ALTER TABLE review_records ADD COLUMN reviewer_scope jsonb
    CHECK (reviewer_scope IS NULL OR (jsonb_typeof(reviewer_scope -> 'specialties') = 'array'
                                      AND jsonb_typeof(reviewer_scope -> 'languages') = 'array'));

-- Before scopes, every reviewer could approve every language: existing accounts keep that for the
-- languages the library has now (their primary subtags), so no approval possible yesterday is refused
-- today. Accounts of a library with no article keep the empty list, the default language.
UPDATE accounts SET languages = coalesce((SELECT array_agg(DISTINCT lower(split_part(v.language, '-', 1)) ORDER BY lower(split_part(v.language, '-', 1)))
                                          FROM article_versions v), '{}');
