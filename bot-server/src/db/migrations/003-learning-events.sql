-- What learners did in lessons, as the mini app reports it through POST /api/v1/sync
-- (possibly long after, from an offline queue). Kept only under the "progress" consent:
-- withdrawing it deletes these rows, deleting the account deletes them too.

-- Every synced event once per learner: the id is a UUID made on the phone, so a batch sent
-- again (a retry after a lost answer) finds its ids here and changes nothing.
CREATE TABLE learning_events (
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  event_id     TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('step', 'answer', 'quiz-finished')),
  lesson_id    TEXT NOT NULL,
  -- when it happened on the phone, normalised to UTC; received_at is our clock
  at           TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  -- type 'step': the step reached (the quiz is at index = number of steps)
  step_index   INTEGER CHECK (step_index >= 0),
  -- type 'quiz-finished': the attempt's score
  quiz_correct INTEGER CHECK (quiz_correct >= 0),
  quiz_total   INTEGER CHECK (quiz_total >= 1),
  CHECK ((type = 'step') = (step_index IS NOT NULL)),
  CHECK ((type = 'quiz-finished') = (quiz_correct IS NOT NULL AND quiz_total IS NOT NULL)),
  CHECK (quiz_correct IS NULL OR quiz_correct <= quiz_total),
  PRIMARY KEY (user_id, event_id)
) WITHOUT ROWID;

-- The attempt log: one row per answer, in a lesson quiz or a spaced review, with its
-- correctness computed here from the lesson content (never the client's word). Reports read
-- it directly ("more than 3 failed attempts on a lesson" = needs help), hence lesson and time
-- are repeated from learning_events instead of joined.
CREATE TABLE answer_attempts (
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  event_id    TEXT NOT NULL,
  lesson_id   TEXT NOT NULL,
  question_id TEXT NOT NULL,
  choice      INTEGER NOT NULL CHECK (choice >= 0),
  correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
  source      TEXT NOT NULL CHECK (source IN ('quiz', 'review')),
  at          TEXT NOT NULL,
  PRIMARY KEY (user_id, event_id),
  FOREIGN KEY (user_id, event_id) REFERENCES learning_events (user_id, event_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX answer_attempts_by_lesson ON answer_attempts (user_id, lesson_id, correct);

-- When the stored resume point and the stored last quiz score happened, so an older event
-- arriving late cannot move either back. NULL on rows written before this migration.
ALTER TABLE progress ADD COLUMN step_at TEXT;
ALTER TABLE progress ADD COLUMN quiz_at TEXT;
