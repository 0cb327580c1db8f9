-- The contact-centre view (NAV Kontaktsenter).
--
-- Lookups: a search result is addressed by a random id bound to the staff session, so the
-- fødselsnummer never goes into a URL. One hour, and gone with the session (logout, timeout).
CREATE TABLE nks_lookups (
  lookup_id TEXT PRIMARY KEY,
  session_id_hash TEXT NOT NULL REFERENCES sessions (id_hash) ON DELETE CASCADE,
  fnr TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX nks_lookups_expires_at ON nks_lookups (expires_at);

-- The audit log (sporingslogg): one row per search and per view, written before anything is
-- shown. Append-only: the code has no update or delete, and the database refuses both (and
-- TRUNCATE), whoever asks.
CREATE TABLE nks_audit_log (
  id BIGSERIAL PRIMARY KEY,
  logged_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  nav_ident TEXT NOT NULL,
  fnr TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('PERMIT', 'DENY')),
  reason TEXT,
  request_id TEXT
);
CREATE INDEX nks_audit_log_fnr ON nks_audit_log (fnr, logged_at);

CREATE FUNCTION nks_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'nks_audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER nks_audit_log_no_change BEFORE UPDATE OR DELETE ON nks_audit_log
  FOR EACH ROW EXECUTE FUNCTION nks_audit_log_is_append_only();
CREATE TRIGGER nks_audit_log_no_truncate BEFORE TRUNCATE ON nks_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION nks_audit_log_is_append_only();
