/**
 * Real login over OpenID Connect (docs/decisions/028): the authorization code flow with PKCE, state
 * and nonce, against ID-porten for citizens (client authentication with private_key_jwt) and Entra ID
 * for contact-centre staff (client secret). openid-client speaks the protocol and validates the ID
 * token (issuer, audience, expiry, nonce, and its signature against the provider's JWKS); this module
 * keeps each login on its way in the database (taken once, ten minutes), binds it to the browser that
 * started it with a cookie, checks what the portal itself requires (the level of assurance and the
 * pid for citizens, the NAV ident for staff), and says why a login was refused. No token reaches the
 * browser: the ID token is kept with the session for the logout.
 */
import crypto from "node:crypto";
import * as client from "openid-client";
import { importJWK, type JWK } from "jose";
import { config } from "~/config.server";
import { cookieValue, isLocalRequest } from "~/session/cookie.server";
import type { IdentityProviderName, ProviderSession } from "~/session/session.server";
import { store, type Queryable } from "~/store/store.server";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/languages";

/** Why a login was refused; each has its own translated page (routes/$lang.innlogging-feilet.tsx). */
export const loginRefusals = ["cancelled", "expired", "refused", "assurance", "identity", "unavailable"] as const;
export type LoginRefusal = (typeof loginRefusals)[number];

export class LoginRefused extends Error {
  constructor(
    readonly reason: LoginRefusal,
    /** For the log line: what went wrong, without personal data. */
    readonly detail: string,
    /** The language the login started in, when the pending login was found. */
    readonly language: Language | null = null,
  ) {
    super(`login refused (${reason}): ${detail}`);
  }
}

export const LOGIN_SECONDS = 10 * 60;

/** ID-porten's levels of assurance, lowest first. */
const ASSURANCE = ["idporten-loa-low", "idporten-loa-substantial", "idporten-loa-high"];

const hash = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

export function callbackUrl(idp: IdentityProviderName): string {
  return `${config().PUBLIC_URL}/oauth2/${idp}/callback`;
}

const configurations = new Map<IdentityProviderName, Promise<client.Configuration>>();

/** The provider's discovered configuration, fetched once; a failed discovery is tried again on the next login. */
function providerConfiguration(idp: IdentityProviderName): Promise<client.Configuration> {
  let found = configurations.get(idp);
  if (!found) {
    found = discover(idp);
    configurations.set(idp, found);
    found.catch(() => configurations.delete(idp));
  }
  return found;
}

async function discover(idp: IdentityProviderName): Promise<client.Configuration> {
  const settings = config();
  const wellKnown = new URL(idp === "idporten" ? settings.IDPORTEN_WELL_KNOWN_URL! : settings.AZURE_APP_WELL_KNOWN_URL!);
  const clientId = idp === "idporten" ? settings.IDPORTEN_CLIENT_ID! : settings.AZURE_APP_CLIENT_ID!;
  const authentication = idp === "idporten" ? client.PrivateKeyJwt(await clientKey(settings.IDPORTEN_CLIENT_JWK!)) : client.ClientSecretPost(settings.AZURE_APP_CLIENT_SECRET!);
  // Plain http only reaches a provider on this machine (the tests' own): config.server.ts refuses it otherwise in production.
  const execute = wellKnown.protocol === "http:" ? [client.allowInsecureRequests] : [];
  const configuration = await client.discovery(wellKnown, clientId, undefined, authentication, { execute, timeout: 5 });
  // The ID token's signature is checked against the provider's JWKS, not only trusted because TLS brought it.
  client.enableNonRepudiationChecks(configuration);
  return configuration;
}

async function clientKey(value: string): Promise<client.PrivateKey> {
  const jwk = JSON.parse(value) as JWK;
  const algorithm = jwk.alg ?? (jwk.kty === "EC" ? ({ "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" } as Record<string, string>)[jwk.crv ?? ""] : "RS256");
  const key = await importJWK(jwk, algorithm);
  return { key: key as CryptoKey, kid: jwk.kid };
}

/** The cookie that ties a login on its way to the browser that started it (a login started elsewhere cannot finish here). */
const BINDING_PLAIN = "sosialhjelp-innlogging";
const BINDING_HOST = "__Host-sosialhjelp-innlogging";

function bindingCookieName(request: Request) {
  return isLocalRequest(request) ? BINDING_PLAIN : BINDING_HOST;
}

function readBinding(request: Request): string | null {
  return cookieValue(request, bindingCookieName(request)) || null;
}

function bindingCookie(request: Request, value: string, maxAge: number): string {
  const secure = isLocalRequest(request) ? "" : "; Secure";
  return `${bindingCookieName(request)}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export const clearBindingCookie = (request: Request) => bindingCookie(request, "", 0);

/**
 * Starts a login: remembers it, and answers where to send the browser (the provider's authorization
 * endpoint) and the binding cookie to set.
 */
export async function beginLogin(
  request: Request,
  idp: IdentityProviderName,
  options: { language: Language; returnTo: string; now?: Date; db?: Queryable },
): Promise<{ location: string; cookie: string }> {
  const configuration = await providerConfiguration(idp).catch((error: unknown) => {
    throw new LoginRefused("unavailable", `discovery failed: ${error instanceof Error ? error.message : String(error)}`, options.language);
  });
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const binding = crypto.randomBytes(24).toString("base64url");
  const db = options.db ?? (await store());
  await db.query(
    `INSERT INTO oidc_logins (state_hash, binding_hash, idp, code_verifier, nonce, language, return_to, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [hash(state), hash(binding), idp, verifier, nonce, options.language, options.returnTo, (options.now ?? new Date()).toISOString()],
  );
  const parameters: Record<string, string> = {
    redirect_uri: callbackUrl(idp),
    scope: "openid profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ui_locales: options.language,
  };
  if (idp === "idporten") parameters.acr_values = config().IDPORTEN_ACR;
  return { location: client.buildAuthorizationUrl(configuration, parameters).href, cookie: bindingCookie(request, binding, LOGIN_SECONDS) };
}

type PendingLogin = { idp: IdentityProviderName; code_verifier: string; nonce: string; language: string; return_to: string; binding_hash: string; created_at: Date | string };

export type CitizenIdentity = { fnr: string };
export type StaffIdentity = { navIdent: string; name: string; groups: string[] };

export type CompletedLogin<I> = { identity: I; provider: ProviderSession; language: Language; returnTo: string };

/**
 * Finishes a login when the provider sends the browser back: takes the pending login (once), lets
 * openid-client redeem the code and validate the ID token, and checks the portal's own requirements.
 * Throws LoginRefused; never returns an identity it has not checked.
 */
export async function completeLogin(request: Request, idp: "idporten", options?: { now?: Date; db?: Queryable }): Promise<CompletedLogin<CitizenIdentity>>;
export async function completeLogin(request: Request, idp: "entra", options?: { now?: Date; db?: Queryable }): Promise<CompletedLogin<StaffIdentity>>;
export async function completeLogin(
  request: Request,
  idp: IdentityProviderName,
  options: { now?: Date; db?: Queryable } = {},
): Promise<CompletedLogin<CitizenIdentity | StaffIdentity>> {
  const params = new URL(request.url).searchParams;
  const state = params.get("state");
  if (!state) throw new LoginRefused("refused", "the answer has no state");
  const db = options.db ?? (await store());
  // Taken once: a second use of the same answer (a replayed code, a reload) finds nothing.
  const rows = await db.query<PendingLogin>(`DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING *`, [hash(state)]);
  const pending = rows[0];
  if (!pending) throw new LoginRefused("expired", "unknown or already used state");
  const language = isLanguage(pending.language) ? pending.language : null;
  const binding = readBinding(request);
  if (!binding || hash(binding) !== pending.binding_hash) throw new LoginRefused("refused", "the login was started in another browser (binding cookie missing or different)", language);
  if (pending.idp !== idp) throw new LoginRefused("refused", `the login was started for ${pending.idp}`, language);
  const age = (options.now ?? new Date()).getTime() - new Date(pending.created_at).getTime();
  if (age > LOGIN_SECONDS * 1000) throw new LoginRefused("expired", `the login took ${Math.round(age / 1000)} s`, language);
  const error = params.get("error");
  if (error) {
    const cancelled = error === "access_denied" || error === "login_required" || error === "consent_required";
    throw new LoginRefused(cancelled ? "cancelled" : "refused", `the provider answered ${error.slice(0, 60)}`, language);
  }

  const configuration = await providerConfiguration(idp).catch((cause: unknown) => {
    throw new LoginRefused("unavailable", `discovery failed: ${cause instanceof Error ? cause.message : String(cause)}`, language);
  });
  // The answer as the provider addressed it (PUBLIC_URL), whatever host a proxy in front of the portal used.
  const current = new URL(callbackUrl(idp));
  current.search = params.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (cause) {
    throw refusalOf(cause, language);
  }
  const claims = tokens.claims();
  const idToken = tokens.id_token;
  if (!claims || !idToken) throw new LoginRefused("refused", "no ID token", language);
  const provider: ProviderSession = { idp, sid: typeof claims.sid === "string" ? claims.sid : null, idToken };
  const returnTo = pending.return_to;
  const lang = language ?? defaultLanguage;

  if (idp === "idporten") {
    const acr = typeof claims.acr === "string" ? claims.acr : "";
    if (ASSURANCE.indexOf(acr) < ASSURANCE.indexOf(config().IDPORTEN_ACR)) {
      throw new LoginRefused("assurance", `acr ${acr.slice(0, 40) || "missing"} is below ${config().IDPORTEN_ACR}`, language);
    }
    const pid = claims.pid;
    if (typeof pid !== "string" || !/^\d{11}$/.test(pid)) throw new LoginRefused("identity", "the ID token has no valid pid claim", language);
    return { identity: { fnr: pid }, provider, language: lang, returnTo };
  }
  const navIdent = claims.NAVident;
  if (typeof navIdent !== "string" || !/^[A-Z]\d{6}$/.test(navIdent)) throw new LoginRefused("identity", "the ID token has no valid NAVident claim", language);
  const name = typeof claims.name === "string" ? claims.name.slice(0, 200) : navIdent;
  const groups = Array.isArray(claims.groups) ? claims.groups.filter((group): group is string => typeof group === "string") : [];
  return { identity: { navIdent, name, groups }, provider, language: lang, returnTo };
}

/** What a failure of the code exchange means for the person: the provider could not be reached, or the answer is refused. */
function refusalOf(cause: unknown, language: Language | null): LoginRefused {
  if (cause instanceof client.ResponseBodyError) return new LoginRefused("refused", `the token endpoint answered ${cause.error}`, language);
  if (cause instanceof client.AuthorizationResponseError) return new LoginRefused("refused", `the provider answered ${cause.error}`, language);
  if (cause instanceof client.ClientError) return new LoginRefused("refused", `the ID token was refused: ${cause.code ?? ""} ${cause.message}`.trim(), language);
  const message = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof TypeError || (cause instanceof Error && /timeout|aborted|fetch failed|ECONNREFUSED/i.test(message))) {
    return new LoginRefused("unavailable", `the token endpoint could not be reached: ${message}`, language);
  }
  return new LoginRefused("refused", `the answer was refused: ${message}`, language);
}

/**
 * Where to send the browser to end the provider's session too (end_session_endpoint with the ID token
 * as hint); it comes back to /oauth2/logget-ut. Null when the provider cannot be reached now: the
 * local session ends all the same.
 */
export async function providerLogoutUrl(provider: ProviderSession, returnState: string): Promise<string | null> {
  try {
    const configuration = await providerConfiguration(provider.idp);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      id_token_hint: provider.idToken,
      post_logout_redirect_uri: `${config().PUBLIC_URL}/oauth2/logget-ut`,
      state: returnState,
    }).href;
  } catch {
    return null;
  }
}

/** The provider's issuer, to check a front-channel logout's `iss`. */
export async function providerIssuer(idp: IdentityProviderName): Promise<string | null> {
  return providerConfiguration(idp)
    .then((configuration) => configuration.serverMetadata().issuer)
    .catch(() => null);
}

/** Logins that never came back (housekeeping). */
export async function deleteExpiredLogins(options: { now?: Date; db?: Queryable } = {}): Promise<number> {
  const db = options.db ?? (await store());
  const cutoff = new Date((options.now ?? new Date()).getTime() - LOGIN_SECONDS * 1000);
  const rows = await db.query<{ state_hash: string }>(`DELETE FROM oidc_logins WHERE created_at < $1 RETURNING state_hash`, [cutoff.toISOString()]);
  return rows.length;
}
