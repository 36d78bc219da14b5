-- The facilitators' and the ward office's side (issue 7): a third consent purpose, the
-- audit log, staff invitations, attendance, and classroom-mode results.

-- 1. consents gets the purpose 'share-progress': "let my TDP's facilitator see my progress so
-- they can help me" (DOMAIN.md §5: a separate purpose, never pre-ticked). SQLite cannot widen
-- a CHECK in place, so the table is rebuilt (sqlite.org/lang_altertable.html); no table refers
-- to consents, and migrate.ts runs this in one transaction.
CREATE TABLE consents_008 (
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose      TEXT NOT NULL CHECK (purpose IN ('progress', 'reminders', 'share-progress')),
  granted      INTEGER NOT NULL CHECK (granted IN (0, 1)),
  text_version TEXT NOT NULL,
  decided_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, purpose)
) WITHOUT ROWID;
INSERT INTO consents_008 (user_id, purpose, granted, text_version, decided_at)
  SELECT user_id, purpose, granted, text_version, decided_at FROM consents;
DROP TABLE consents;
ALTER TABLE consents_008 RENAME TO consents;

-- 2. Every privileged action, who did it and on what (DESIGN.md "Identity, roles, privacy";
-- DOMAIN.md §5.1 "audit log"). Never names, phone numbers or message text: ids and counts.
-- The actor's account may be deleted later; the entry stays, without the actor.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  -- the actor's role at the time: 'admin', 'facilitator', or 'operator' (the command line)
  actor_role TEXT NOT NULL CHECK (actor_role IN ('admin', 'facilitator', 'operator')),
  -- a dotted name, e.g. 'role.grant', 'class.create', 'report.export' (lib/audit.ts lists them)
  action     TEXT NOT NULL,
  -- the TDP acted on, when there is exactly one
  tdp_id     TEXT,
  -- what was acted on: a class id, an announcement id, a quarter, an account id…
  subject    TEXT,
  -- a JSON object of further ids and counts (never personal text)
  details    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_tdp ON audit_log (tdp_id, at);

-- 3. An admin's invitation to become staff: a one-time code the invited person opens in the
-- mini app (a link or a QR). Only the code's sha256 is stored. Accepting it writes staff rows.
CREATE TABLE staff_invitations (
  id          INTEGER PRIMARY KEY,
  code_hash   TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'facilitator')),
  -- a facilitator's TDPs, a JSON array of ids; [] for an admin
  tdp_ids     TEXT NOT NULL CHECK (json_valid(tdp_ids) AND json_type(tdp_ids) = 'array'),
  created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  accepted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  accepted_at TEXT,
  revoked_at  TEXT
);

-- 4. Attendance of one meeting (class + ward date). A resident checks in by scanning the
-- facilitator's QR (or typing its short code), or the facilitator ticks their name in a list
-- of the TDP's learners who share their progress. Kept under the resident's account: deleting
-- it deletes these rows.
CREATE TABLE attendance (
  class_id    TEXT NOT NULL REFERENCES weekly_classes (id) ON DELETE CASCADE,
  date        TEXT NOT NULL,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  method      TEXT NOT NULL CHECK (method IN ('qr', 'tick')),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (class_id, date, user_id)
) WITHOUT ROWID;
CREATE INDEX attendance_user ON attendance (user_id);

-- What the facilitator records about a meeting as a whole: that it was held, how many came
-- who do not use the app (a count, no names), and the meeting's check-in code while open.
CREATE TABLE meeting_records (
  class_id           TEXT NOT NULL REFERENCES weekly_classes (id) ON DELETE CASCADE,
  date               TEXT NOT NULL,
  -- people present without the app (or without an account): a number only
  guests             INTEGER NOT NULL DEFAULT 0 CHECK (guests >= 0),
  -- the six-digit code the QR carries; unique among open meetings; NULL once closed
  checkin_code       TEXT UNIQUE,
  checkin_expires_at TEXT,
  -- first time attendance was recorded: the meeting counts as held from then
  held_at            TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (class_id, date)
) WITHOUT ROWID;

-- 5. Classroom mode: a quiz question asked to the room and how many answered right. Counts
-- only; no resident is named. One row per question per meeting day and TDP; asking again
-- replaces the counts.
CREATE TABLE classroom_answers (
  tdp_id      TEXT NOT NULL REFERENCES residential_groups (id),
  -- ward date (YYYY-MM-DD) of the class
  date        TEXT NOT NULL,
  -- the weekly class, when the facilitator started from one
  class_id    TEXT REFERENCES weekly_classes (id) ON DELETE SET NULL,
  lesson_id   TEXT NOT NULL,
  question_id TEXT NOT NULL,
  present     INTEGER NOT NULL CHECK (present >= 1),
  answered_right INTEGER NOT NULL CHECK (answered_right >= 0 AND answered_right <= present),
  recorded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (tdp_id, date, lesson_id, question_id)
) WITHOUT ROWID;
