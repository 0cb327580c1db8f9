-- Budgets (veiviser, økonomi og gjeld): the one budget a logged-in person chose to save, as they
-- typed it (the form's texts, read again by app/veiviser/budget.ts). Anonymous budgets are never
-- stored. Kept a year after the last save, then deleted (docs/decisions/035-tools-without-a-login.md).
CREATE TABLE budgets (
  owner_fnr TEXT PRIMARY KEY,
  form JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  delete_after TIMESTAMPTZ NOT NULL
);
CREATE INDEX budgets_delete_after ON budgets (delete_after);
