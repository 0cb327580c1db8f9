-- Message drafts (meldinger): what a person has typed and not yet sent, one per conversation.
-- Its melding_id is the idempotency key the message is sent with (a second post of the same
-- form sends nothing new); a new id is drawn once it has been sent. Files wait in the
-- fagsystem's mellomlagring under the same id. Kept 14 days after the last change.
CREATE TABLE melding_drafts (
  owner_fnr TEXT NOT NULL,
  samtale_id UUID NOT NULL,
  melding_id UUID NOT NULL UNIQUE,
  tekst TEXT NOT NULL DEFAULT '',
  updated_at TIMESTAMPTZ NOT NULL,
  delete_after TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (owner_fnr, samtale_id)
);
CREATE INDEX melding_drafts_delete_after ON melding_drafts (delete_after);
