-- Telling the outside world what happened (docs/integration.md).

-- The outbox: one row per workflow event, appended in the transaction that makes the change, so
-- an event exists exactly when its change committed. Rows never change; what they carried when
-- they were written is what every receiver gets, however often it is sent.
CREATE TABLE outbox_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid NOT NULL UNIQUE,
    type        text NOT NULL CHECK (type IN ('submitted', 'withdrawn', 'changes-requested', 'approved', 'scheduled',
                                              'published', 'retracted', 'reconfirmed', 'review-due-soon',
                                              'review-overdue')),
    article_id  uuid NOT NULL REFERENCES articles (id),
    slug        text NOT NULL,
    version_no  integer,
    -- Reminders only: the review due date they remind of; at most one of each kind per due date,
    -- however many replicas look and however often they restart.
    due_on      date CHECK ((due_on IS NOT NULL) = (type IN ('review-due-soon', 'review-overdue'))),
    occurred_at timestamptz NOT NULL,
    data        jsonb NOT NULL
);
CREATE INDEX outbox_events_occurred_at ON outbox_events (occurred_at);
CREATE UNIQUE INDEX outbox_events_one_reminder_per_due_date ON outbox_events (article_id, type, due_on)
    WHERE due_on IS NOT NULL;

CREATE TRIGGER outbox_events_immutable BEFORE UPDATE OR DELETE ON outbox_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER outbox_events_no_truncate BEFORE TRUNCATE ON outbox_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Webhook subscriptions. The secret signs every delivery (Standard Webhooks); it is shown once,
-- when created or rotated. A deleted subscription keeps its row so that its delivery log stays.
CREATE TABLE webhooks (
    id          uuid PRIMARY KEY,
    url         text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2000),
    events      text[] NOT NULL CHECK (cardinality(events) > 0),
    description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
    secret      text NOT NULL CHECK (secret LIKE 'whsec\_%'),
    enabled     boolean NOT NULL DEFAULT true,
    created_by  uuid REFERENCES accounts (id),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);

-- One row per event and subscription: its state, how often it was tried and the last answer.
CREATE TABLE webhook_deliveries (
    id                uuid PRIMARY KEY,
    webhook_id        uuid NOT NULL REFERENCES webhooks (id),
    event_id          bigint NOT NULL REFERENCES outbox_events (id),
    article_id        uuid NOT NULL,
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- When the relay may take it next: after a backoff, or when a claim lapses.
    next_attempt_at   timestamptz NOT NULL,
    -- Retries stop once this is longer ago than the retry window (a redelivery starts it again).
    retrying_since    timestamptz NOT NULL,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text CHECK (char_length(last_error) <= 1000),
    last_response     text CHECK (char_length(last_response) <= 1000),
    delivered_at      timestamptz,
    UNIQUE (webhook_id, event_id),
    CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- Per-article order: a delivery waits while an earlier one of the same article and subscription is pending.
CREATE INDEX webhook_deliveries_pending_per_article ON webhook_deliveries (webhook_id, article_id, event_id)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, event_id DESC);

-- Each event becomes a delivery for every subscription that wants it, in the same transaction,
-- and the relays of all replicas are woken at commit. Delivery times are the database's own, the
-- clock every relay compares them with.
CREATE FUNCTION fan_out_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_deliveries (id, webhook_id, event_id, article_id, next_attempt_at, retrying_since)
    SELECT gen_random_uuid(), w.id, NEW.id, NEW.article_id, now(), now()
    FROM webhooks w
    WHERE w.enabled AND w.deleted_at IS NULL AND ('org.imprimatur.article.' || NEW.type) = ANY (w.events);
    PERFORM pg_notify('imprimatur_outbox', NEW.id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_events_fan_out AFTER INSERT ON outbox_events
    FOR EACH ROW EXECUTE FUNCTION fan_out_outbox_event();

-- E-mail reminders: one row per event that is mailed, so each is sent once across replicas.
CREATE TABLE mail_deliveries (
    event_id        bigint PRIMARY KEY REFERENCES outbox_events (id),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'no-recipient')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    recipients      text[] NOT NULL DEFAULT '{}',
    last_error      text CHECK (char_length(last_error) <= 1000),
    sent_at         timestamptz
);
CREATE INDEX mail_deliveries_due ON mail_deliveries (next_attempt_at) WHERE status = 'pending';

-- Preview links: a signed, expiring, revocable token for one version. The token carries the link's
-- id and expiry under an HMAC with the key below; the row says whether it was revoked.
CREATE TABLE preview_links (
    id          uuid PRIMARY KEY,
    article_id  uuid NOT NULL,
    version_no  integer NOT NULL,
    expires_at  timestamptz NOT NULL,
    created_by  uuid NOT NULL REFERENCES accounts (id),
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    revoked_by  uuid REFERENCES accounts (id),
    FOREIGN KEY (article_id, version_no) REFERENCES article_versions (article_id, version_no),
    CHECK (expires_at > created_at),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX preview_links_of_article ON preview_links (article_id, created_at DESC);

-- Keys the service signs with that are not JWT signing keys. gen_random_uuid draws from the
-- server's strong random source; two of them hashed give a 256-bit key.
CREATE TABLE service_keys (
    name text PRIMARY KEY,
    key  bytea NOT NULL CHECK (octet_length(key) = 32)
);
INSERT INTO service_keys (name, key)
VALUES ('preview-links', sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')));
