-- pgbench: the database's own floor for one save, on the service's real tables and triggers:
-- lock the article, read its newest audit event, insert the version, its 20 sections, 8 citations
-- and 2 tags, append the audit event, move the article's pointer; one durable commit.
-- Each pgbench client works on its own article (bench_targets, made by bench/save.sh).
BEGIN;
SELECT a.id AS aid, a.latest_version + 1 AS next, a.created_by AS author
  FROM articles a JOIN bench_targets t ON t.article_id = a.id
 WHERE t.client = :client_id FOR UPDATE OF a \gset
SELECT coalesce(max(seq), 0) + 1 AS seq FROM audit_events WHERE article_id = CAST(:aid AS uuid) \gset
INSERT INTO article_versions (id, article_id, version_no, title, summary, language, review_interval_months,
                              change_note, based_on, content_hash, author_id, created_at, header_origin_version,
                              order_origin_version, review_interval_origin_version, removed_sections, removed_citations)
VALUES (gen_random_uuid(), CAST(:aid AS uuid), :next, 'Gut health and eczema', repeat('A summary sentence. ', 8), 'en', 12,
        'bench', :next - 1, encode(sha256(convert_to(CAST(:aid AS text) || CAST(:next AS text), 'UTF8')), 'hex'), CAST(:author AS uuid), now(), 1,
        1, 1, '{}', '{}')
RETURNING id AS vid \gset
INSERT INTO version_sections (version_id, ordinal, key, heading, aspect, body, origin_version)
SELECT CAST(:vid AS uuid), g, 'part-' || (g + 1), 'A heading of some forty characters here', NULL,
       repeat('Words of a sentence about skin and gut bacteria. ', 8) || ' [@source-' || (g % 8 + 1) || ']', :next
  FROM generate_series(0, 19) g;
INSERT INTO version_citations (version_id, ordinal, key, kind, title, authors, container, year, doi, origin_version)
SELECT CAST(:vid AS uuid), g, 'source-' || (g + 1), 'review', 'A study of the skin and the gut', ARRAY['Author A', 'Author B'],
       'Journal of Skin Research', 2021, '10.1000/bench.' || (g + 1), :next
  FROM generate_series(0, 7) g;
INSERT INTO version_tags (version_id, ordinal, tag) VALUES (CAST(:vid AS uuid), 0, 'eczema'), (CAST(:vid AS uuid), 1, 'microbiome');
INSERT INTO audit_events (article_id, seq, occurred_at, actor_id, actor_name, action, from_state, to_state, version_no,
                          comment, previous_hash, hash)
VALUES (CAST(:aid AS uuid), :seq, now(), CAST(:author AS uuid), 'Erin Editor', 'save', 'DRAFT', 'DRAFT', :next, 'bench',
        repeat('0', 64), encode(sha256(convert_to(CAST(:vid AS text), 'UTF8')), 'hex'));
UPDATE articles SET latest_version = :next, changed_at = now(), state = 'DRAFT', submitted_at = NULL WHERE id = CAST(:aid AS uuid);
COMMIT;
