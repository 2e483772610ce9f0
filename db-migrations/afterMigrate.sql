-- Runs after every migration run (a Flyway callback), as the owner: gives the service's own role
-- exactly the row privileges the service uses, and nothing else. The role owns no table, so it
-- cannot disable a trigger, alter a table or truncate; it is not a superuser, so it cannot
-- COPY ... PROGRAM. Re-run at each start, so new tables and a role created later are covered.
-- ${service_role} is the datasource user; when the migrations run as that same user, there is no
-- second role to restrict and nothing is granted.
DO $grants$
DECLARE
    service text := '${service_role}';
BEGIN
    IF service = '' OR service = current_user
        OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = service) THEN
        RETURN;
    END IF;
    -- Only the owner creates objects (PostgreSQL 14 and older let everyone create in public).
    EXECUTE 'REVOKE CREATE ON SCHEMA public FROM PUBLIC';
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', service);
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', service);
    -- Written once, never changed: versions, their parts, reviews, comments, the audit trail, keys.
    EXECUTE format('GRANT SELECT, INSERT ON article_versions, version_sections, version_citations, version_tags,
                    review_records, review_comments, audit_events, audit_checkpoints, change_feed,
                    account_events, outbox_events TO %I', service);
    -- Rows that really change: the article's pointers and state, accounts, the open publication
    -- period (its trigger allows closing only), signing keys (retired on rotation), and the
    -- published projection.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON articles, accounts, publications, signing_keys TO %I', service);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON published_articles TO %I', service);
    -- Releases move forward (their trigger allows nothing else); an open release's items are
    -- put, replaced and taken out.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON releases TO %I', service);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON release_items TO %I', service);
    -- Webhook subscriptions and the state of each delivery, mail reminders and preview links
    -- (revoked, never deleted); the service reads its own keys.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON webhooks, webhook_deliveries, mail_deliveries, preview_links TO %I',
                   service);
    EXECUTE format('GRANT SELECT ON service_keys TO %I', service);
    -- Failed sign-ins only count for a while; expired ones are deleted.
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON sign_in_failures TO %I', service);
    -- The specialties admins manage are added and deleted, never changed.
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON specialties TO %I', service);
    -- Studio sessions are touched while used and deleted on sign-out or expiry.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON studio_sessions TO %I', service);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I', service);
    -- Each table is granted above by what the service does with it, so a table that a migration
    -- adds needs its line here; without one the start stops now, naming it, instead of the first
    -- use failing. The migration history is the only table the service never reads.
    IF EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
                 AND NOT has_table_privilege(service, c.oid, 'SELECT')) THEN
        RAISE EXCEPTION 'afterMigrate.sql grants % nothing on %', service,
            (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
               AND NOT has_table_privilege(service, c.oid, 'SELECT'));
    END IF;
END
$grants$;
