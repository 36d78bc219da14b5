-- The Zalo OA webhook and the chat bot (docs/API.md "Zalo OA webhook").

-- Every signed event once, by its key: "msg:<msg_id>" when Zalo gives one, else
-- "sha256:<hash of event name, sender or follower id, timestamp>". Stored before the 200 and
-- handled after it; a row still 'received' at start-up is handled then (a crash in between).
-- payload is the event as Zalo sent it minus what we must not keep (user_submit_info's
-- info: names, phone numbers); the message text goes once the row is handled or failed.
CREATE TABLE webhook_inbox (
  id           INTEGER PRIMARY KEY,
  event_key    TEXT NOT NULL UNIQUE,
  event_name   TEXT NOT NULL,
  payload      TEXT NOT NULL CHECK (json_valid(payload)),
  state        TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'handled', 'failed')),
  -- why handling failed: a Zalo error code and endpoint, or our own error's name; never message text
  failure      TEXT,
  -- replies Zalo accepted for this event (a later issue moves replies to the outbox)
  replies_sent INTEGER NOT NULL DEFAULT 0 CHECK (replies_sent >= 0),
  received_at  TEXT NOT NULL,
  handled_at   TEXT,
  CHECK ((state = 'failed') = (failure IS NOT NULL)),
  CHECK ((state = 'received') = (handled_at IS NULL))
);
CREATE INDEX webhook_inbox_received ON webhook_inbox (id) WHERE state = 'received';

-- The learner's OA-scoped id (sender.id of their messages to the ward's OA), set when a
-- signed follow or message carries user_id_by_app equal to their zalo_id, cleared on
-- unfollow. On the users row, so deleting the account removes the link with it.
ALTER TABLE users ADD COLUMN oa_user_id TEXT;
CREATE UNIQUE INDEX users_oa_user ON users (oa_user_id) WHERE oa_user_id IS NOT NULL;

-- A resident who writes to the OA, by their OA-scoped id: only what they chose in the chat.
-- tdp_id is the TDP (tổ dân phố) they picked to see its classes; the reminders columns are
-- their "nhắc lịch" / "dừng" decision with the wording's version and time, for a resident
-- with no linked mini-app account (a linked one's decision is in consents).
CREATE TABLE chat_residents (
  oa_user_id             TEXT PRIMARY KEY,
  tdp_id                 TEXT REFERENCES residential_groups (id),
  reminders_granted      INTEGER CHECK (reminders_granted IN (0, 1)),
  reminders_text_version TEXT,
  reminders_decided_at   TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  CHECK ((reminders_granted IS NULL) = (reminders_text_version IS NULL)),
  CHECK ((reminders_granted IS NULL) = (reminders_decided_at IS NULL))
) WITHOUT ROWID;

-- Where a resident is in the chat quiz: the lesson and the question waiting for an answer
-- (NULL once the lesson's quiz is finished, so "học" moves on to the next lesson).
CREATE TABLE chat_quizzes (
  oa_user_id     TEXT PRIMARY KEY,
  lesson_id      TEXT NOT NULL,
  question_index INTEGER CHECK (question_index >= 0),
  correct_count  INTEGER NOT NULL DEFAULT 0 CHECK (correct_count >= 0),
  started_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) WITHOUT ROWID;
