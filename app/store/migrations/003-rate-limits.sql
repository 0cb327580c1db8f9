-- Rate-limit counters, shared by every portal process (docs/decisions/023). The layout is
-- rate-limiter-flexible's PostgreSQL one: the limiter's key, the points used in the current
-- window and when it ends (ms since the epoch). Housekeeping deletes rows whose window is over.
CREATE TABLE rate_limits (
  key VARCHAR(255) PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  expire BIGINT
);
CREATE INDEX rate_limits_expire ON rate_limits (expire);
