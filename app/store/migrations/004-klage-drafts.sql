-- Complaint drafts (klage). One per complaint; its id is the klageId the fagsystem gets, so a
-- retried send is the same complaint. Answers as one JSON document, saved on every step and on
-- blur; kept 14 days after the last change, like søknad drafts.
CREATE TABLE klage_drafts (
  id UUID PRIMARY KEY,
  owner_fnr TEXT NOT NULL,
  fiks_digisos_id TEXT NOT NULL,
  answers JSONB NOT NULL DEFAULT '{}'::jsonb,
  current_step TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  delete_after TIMESTAMPTZ NOT NULL,
  submitted_at TIMESTAMPTZ
);
CREATE INDEX klage_drafts_owner ON klage_drafts (owner_fnr);
CREATE INDEX klage_drafts_delete_after ON klage_drafts (delete_after) WHERE submitted_at IS NULL;
