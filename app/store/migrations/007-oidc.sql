-- Real login over OpenID Connect (docs/decisions/028). A session remembers which identity provider
-- made it, the provider's session id (sid: front-channel logout ends every local session with it)
-- and the ID token, which logout sends back as id_token_hint. The token never reaches the browser.
ALTER TABLE sessions ADD COLUMN idp TEXT CHECK (idp IN ('idporten', 'entra'));
ALTER TABLE sessions ADD COLUMN idp_sid TEXT;
ALTER TABLE sessions ADD COLUMN id_token TEXT;
CREATE INDEX sessions_idp_sid ON sessions (idp, idp_sid) WHERE idp_sid IS NOT NULL;

-- A login on its way through the identity provider: made when the portal sends the browser there,
-- taken (deleted) once when it comes back, so a state or code cannot be used twice. Only hashes of
-- the state and of the browser's binding cookie are kept; the PKCE verifier and the nonce are
-- secrets the browser never sees. Ten minutes to log in; housekeeping removes the rest.
CREATE TABLE oidc_logins (
  state_hash TEXT PRIMARY KEY,
  binding_hash TEXT NOT NULL,
  idp TEXT NOT NULL CHECK (idp IN ('idporten', 'entra')),
  code_verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  language TEXT NOT NULL,
  return_to TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX oidc_logins_created_at ON oidc_logins (created_at);
