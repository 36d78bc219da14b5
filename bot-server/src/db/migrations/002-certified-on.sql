-- The learner's own "Tôi đã được xác nhận" answer (DESIGN.md: the app records the
-- resident's self-reported certification with its date; the ward's 70% indicator counts it).
-- A ward calendar date (YYYY-MM-DD), never before binhdanhocvuso.gov.vn opened on 2025-03-26;
-- "not in the future" depends on the clock, so the API checks that part.
ALTER TABLE users ADD COLUMN certified_on TEXT
  CHECK (certified_on IS NULL OR (certified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND certified_on >= '2025-03-26'));
