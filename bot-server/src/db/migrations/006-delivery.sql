-- Reminders, broadcasts and everything else the server sends (DESIGN.md "Delivery
-- guarantees"), the staff who may send, and the OA's rotating tokens.

-- Who may manage classes and send to groups (DESIGN.md "Identity, roles, privacy"). A row
-- here makes a signed-in user staff; a learner has none. Checks are named policies in
-- lib/policies.ts, never role tests in routes.
CREATE TABLE staff (
  user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'facilitator')),
  granted_at TEXT NOT NULL,
  -- the admin who granted it; NULL when granted on the command line (the first admin)
  granted_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);

-- A facilitator's TDPs (tổ dân phố): their classes and groups are what they may touch.
-- An admin's scope is the whole ward and has no rows here.
CREATE TABLE staff_tdps (
  -- users, not staff: every user_id column follows the account's deletion (a tested rule);
  -- removing someone's staff role deletes these rows in the same transaction (db/staff.ts)
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tdp_id  TEXT NOT NULL REFERENCES residential_groups (id),
  PRIMARY KEY (user_id, tdp_id)
) WITHOUT ROWID;
CREATE INDEX staff_tdps_tdp ON staff_tdps (tdp_id);

-- The ward's reminder times and quiet hours: seeded once from content/ward.yaml, then
-- admins change them through the API (a restart does not undo their change).
CREATE TABLE ward_settings (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  -- HH:MM on the day before a class
  day_before_at TEXT NOT NULL CHECK (day_before_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  -- whole hours before a class starts; 0 = no same-day reminder
  hours_before  INTEGER NOT NULL CHECK (hours_before BETWEEN 0 AND 12),
  quiet_start   TEXT NOT NULL CHECK (quiet_start GLOB '[0-2][0-9]:[0-5][0-9]'),
  quiet_end     TEXT NOT NULL CHECK (quiet_end GLOB '[0-2][0-9]:[0-5][0-9]'),
  updated_at    TEXT NOT NULL
);

-- A facilitator's announcement to the groups they picked. One outbox row per group
-- carries it; its delivery report is read from those rows.
CREATE TABLE announcements (
  id           INTEGER PRIMARY KEY,
  -- NULL once the author's account is deleted: the announcement stays with the groups
  author_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  -- as the facilitator wrote it (NFC); the message sent is rendered from it
  text         TEXT NOT NULL,
  -- urgent ones (a storm, a cancelled class) are not held by quiet hours
  urgent       INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  send_at      TEXT NOT NULL,
  cancelled_at TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX announcements_author ON announcements (author_id);

-- Every message the server sends, written before any call to Zalo, once per dedupe key:
--   reminder:<class>:<date>:<offset>:<group>    cancellation:<class>:<date>:<group>
--   broadcast:<announcement>:<tdp>              reply:<inbox id>:<n>
-- state: pending (waiting for next_attempt_at) → sending (leased until lease_until) → sent |
-- failed (a permanent refusal, `failure` says why) | expired (can no longer arrive in time,
-- or superseded) | cancelled (its class date or announcement was cancelled). 'manual' rows are
-- for groups the OA cannot post in: a facilitator shares the text by hand and then marks it sent.
CREATE TABLE outbox (
  id                  INTEGER PRIMARY KEY,
  dedupe_key          TEXT NOT NULL UNIQUE,
  kind                TEXT NOT NULL CHECK (kind IN ('reminder', 'cancellation', 'broadcast', 'reply')),
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
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_leased ON outbox (lease_until) WHERE state = 'sending';
CREATE INDEX outbox_announcement ON outbox (announcement_id) WHERE announcement_id IS NOT NULL;
CREATE INDEX outbox_class_date ON outbox (class_id, occurrence_date) WHERE class_id IS NOT NULL;
CREATE INDEX outbox_recipient ON outbox (recipient);

-- The OA's OAuth pair (ZALO.md §1.2): the access token lives about 25 h, the refresh token
-- is single-use and rotates. A refresh stores the new pair here, in one transaction, before
-- the new access token is used. seed_hash is the sha256 of the ZALO_OA_REFRESH_TOKEN this
-- chain started from: a different value in the environment means an OA admin consented
-- again, and the chain restarts from it.
CREATE TABLE oa_tokens (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  access_token      TEXT NOT NULL,
  refresh_token     TEXT NOT NULL,
  access_expires_at TEXT NOT NULL,
  seed_hash         TEXT NOT NULL,
  refreshed_at      TEXT NOT NULL
);
