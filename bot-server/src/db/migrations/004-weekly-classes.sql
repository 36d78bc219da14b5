-- Weekly community classes of each TDP (tổ dân phố) and residents' "Tôi sẽ tham gia".
-- Seeded at start from content/ward.yaml only where the id is absent: afterwards
-- facilitators edit them, and a restart must not undo their edits.
CREATE TABLE weekly_classes (
  id               TEXT PRIMARY KEY,
  tdp_id           TEXT NOT NULL REFERENCES residential_groups (id),
  -- ISO weekday: 1 = Thứ Hai … 7 = Chủ Nhật
  weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  -- HH:MM, ward time (Asia/Ho_Chi_Minh)
  start_time       TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 300),
  place            TEXT NOT NULL,
  topic            TEXT NOT NULL,
  -- lesson ids in teaching order, a JSON array: always read and written whole
  lesson_ids       TEXT NOT NULL CHECK (json_valid(lesson_ids) AND json_type(lesson_ids) = 'array'),
  bring            TEXT NOT NULL,
  -- ward dates (YYYY-MM-DD); last_date NULL = no end planned
  first_date       TEXT NOT NULL,
  last_date        TEXT CHECK (last_date IS NULL OR last_date >= first_date),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX weekly_classes_tdp ON weekly_classes (tdp_id);

-- Dates a class does not meet (a holiday, a storm). A child table rather than a JSON list:
-- facilitators add and remove single dates, and reminders check one date at a time.
CREATE TABLE weekly_class_cancellations (
  class_id TEXT NOT NULL REFERENCES weekly_classes (id) ON DELETE CASCADE,
  date     TEXT NOT NULL,
  PRIMARY KEY (class_id, date)
) WITHOUT ROWID;

-- A learner's answer for one meeting (class + ward date). Kept under the "progress" consent.
CREATE TABLE class_rsvps (
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  class_id   TEXT NOT NULL REFERENCES weekly_classes (id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  going      INTEGER NOT NULL CHECK (going IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, class_id, date)
) WITHOUT ROWID;
CREATE INDEX class_rsvps_meeting ON class_rsvps (class_id, date);
