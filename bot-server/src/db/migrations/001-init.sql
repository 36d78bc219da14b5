-- Learners, their consents, sessions and lesson progress (DESIGN.md "Identity, roles, privacy").
-- Only what DESIGN.md allows: Zalo id, optional display name, TDP, audience, age band,
-- consents with text version and time, progress. Times are ISO-8601 UTC strings.

-- TDP = tổ dân phố; seeded (upserted) from content/ward.yaml at every start.
CREATE TABLE residential_groups (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  adult_population INTEGER NOT NULL CHECK (adult_population >= 0),
  channel          TEXT NOT NULL CHECK (channel IN ('oa-group', 'share', 'sandbox')),
  zalo_group_id    TEXT,
  updated_at       TEXT NOT NULL
);

CREATE TABLE users (
  id                 INTEGER PRIMARY KEY,
  -- the id graph /v2.0/me returned for the learner's access token; never a client's claim
  zalo_id            TEXT NOT NULL UNIQUE,
  display_name       TEXT,
  tdp_id             TEXT REFERENCES residential_groups (id),
  audience           TEXT CHECK (audience IN ('nguoi-dan', 'cbccvc', 'hoc-sinh', 'nld-doanh-nghiep')),
  age_band           TEXT CHECK (age_band IN ('duoi-16', '16-59', '60-tro-len')),
  guardian_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (guardian_confirmed IN (0, 1)),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  -- under-16s: nothing stored about them without a guardian's confirmation
  CHECK (age_band IS NOT 'duoi-16' OR guardian_confirmed = 1)
);
CREATE INDEX users_tdp ON users (tdp_id);

CREATE TABLE consents (
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose      TEXT NOT NULL CHECK (purpose IN ('progress', 'reminders')),
  granted      INTEGER NOT NULL CHECK (granted IN (0, 1)),
  -- which wording of the privacy notice the learner saw when deciding
  text_version TEXT NOT NULL,
  decided_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, purpose)
) WITHOUT ROWID;

CREATE TABLE sessions (
  -- sha256 hex of the opaque token; the token itself is never stored
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE progress (
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id    TEXT NOT NULL,
  -- 0-based; the quiz is the step at index = number of steps
  step_index   INTEGER NOT NULL CHECK (step_index >= 0),
  -- first time the lesson was finished; never moved afterwards
  completed_at TEXT,
  best_correct INTEGER CHECK (best_correct >= 0),
  last_correct INTEGER CHECK (last_correct >= 0),
  total        INTEGER CHECK (total >= 1),
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, lesson_id)
) WITHOUT ROWID;
