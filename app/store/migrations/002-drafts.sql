-- Application drafts (utkast). Answers are kept as one JSON document per draft, saved on
-- every step and on blur; a draft belongs to exactly one person and is deleted after 14 days.
CREATE TABLE drafts (
  id UUID PRIMARY KEY,
  owner_fnr TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('standard', 'kort')),
  answers JSONB NOT NULL DEFAULT '{}'::jsonb,
  current_step TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  delete_after TIMESTAMPTZ NOT NULL,
  submitted_at TIMESTAMPTZ,
  fiks_digisos_id TEXT
);
CREATE INDEX drafts_owner ON drafts (owner_fnr);
CREATE INDEX drafts_delete_after ON drafts (delete_after) WHERE submitted_at IS NULL;
