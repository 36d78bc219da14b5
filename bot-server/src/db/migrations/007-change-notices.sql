-- A class change announced to those already reminded (docs/API.md "PATCH
-- /api/v1/classes/:classId"): the outbox gets a fifth kind, 'change', keyed
--   change:<class>:<date>:<group, TDP or resident>:<n>
-- and a cancellation notice may now be repeated (cancel, restore, cancel again):
--   cancellation:<class>:<date>:<group …>       the first, as before
--   cancellation:<class>:<date>:<group …>:<n>   the n-th (n ≥ 2)
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt the way its
-- manual says (sqlite.org/lang_altertable.html "Making Other Kinds Of Table Schema Changes"):
-- create the new table, copy every row with its id, drop the old one, rename the new one, and
-- create the indexes again. It runs inside migrate.ts's transaction, so a crash leaves the old
-- table whole. No table refers to outbox, so dropping it (with foreign keys on) removes nothing
-- elsewhere; outbox's own references are declared again unchanged, and every copied row
-- already satisfied them.
CREATE TABLE outbox_007 (
  id                  INTEGER PRIMARY KEY,
  dedupe_key          TEXT NOT NULL UNIQUE,
  kind                TEXT NOT NULL CHECK (kind IN ('reminder', 'cancellation', 'change', 'broadcast', 'reply')),
  channel             TEXT NOT NULL CHECK (channel IN ('oa-group', 'oa-user', 'miniapp-notify', 'share', 'sandbox')),
  -- the Zalo group id, the OA-scoped user id, or the app-scoped user id; NULL for 'share'
  recipient           TEXT,
  tdp_id              TEXT REFERENCES residential_groups (id),
  announcement_id     INTEGER REFERENCES announcements (id) ON DELETE CASCADE,
  class_id            TEXT REFERENCES weekly_classes (id) ON DELETE CASCADE,
  occurrence_date     TEXT,
  -- {text, buttons?} as the channel sends it: NFC, at most 2,000 characters
  message             TEXT NOT NULL CHECK (json_valid(message)),
  urgent              INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  state               TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'expired', 'cancelled', 'manual')),
  -- 1 when a call may have reached Zalo without us hearing the answer (a crash, a timeout):
  -- the sender checks the group's conversation before sending again
  in_doubt            INTEGER NOT NULL DEFAULT 0 CHECK (in_doubt IN (0, 1)),
  attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- when it was planned to go; next_attempt_at moves on with quiet hours and backoff
  due_at              TEXT NOT NULL,
  next_attempt_at     TEXT NOT NULL,
  -- not sent after this (a reminder's class start); NULL = no deadline
  expires_at          TEXT,
  lease_until         TEXT,
  sent_at             TEXT,
  -- Zalo's message id; NULL for a message shared by hand
  provider_message_id TEXT,
  -- why it failed, expired or was cancelled, in words a facilitator reads (Vietnamese)
  failure             TEXT,
  -- the last transient error: a Zalo code or HTTP status and the endpoint, never message text
  last_error          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK ((state = 'sending') = (lease_until IS NOT NULL)),
  CHECK (state <> 'sent' OR sent_at IS NOT NULL),
  CHECK (state NOT IN ('failed', 'expired', 'cancelled') OR failure IS NOT NULL)
);

INSERT INTO outbox_007 (
  id, dedupe_key, kind, channel, recipient, tdp_id, announcement_id, class_id, occurrence_date, message, urgent,
  state, in_doubt, attempts, due_at, next_attempt_at, expires_at, lease_until, sent_at, provider_message_id,
  failure, last_error, created_at, updated_at
)
SELECT
  id, dedupe_key, kind, channel, recipient, tdp_id, announcement_id, class_id, occurrence_date, message, urgent,
  state, in_doubt, attempts, due_at, next_attempt_at, expires_at, lease_until, sent_at, provider_message_id,
  failure, last_error, created_at, updated_at
FROM outbox ORDER BY id;

DROP TABLE outbox;
ALTER TABLE outbox_007 RENAME TO outbox;

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_leased ON outbox (lease_until) WHERE state = 'sending';
CREATE INDEX outbox_announcement ON outbox (announcement_id) WHERE announcement_id IS NOT NULL;
CREATE INDEX outbox_class_date ON outbox (class_id, occurrence_date) WHERE class_id IS NOT NULL;
CREATE INDEX outbox_recipient ON outbox (recipient);
