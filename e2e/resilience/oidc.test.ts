/**
 * Real login (issue 16, docs/decisions/028): a portal with mocks off, the fagsystem mock as its own process, and two local
 * OpenID Connect providers on loopback (oauth2-mock-server) standing in for ID-porten and Entra ID. The providers log
 * anyone in at once; the test decides, login by login, what their ID token says — and spoils it in every way the portal
 * must refuse. Every refusal must end on a translated page with a log line and without a session. Uploads go to a real
 * clamd (e2e/clamd.ts), which refuses the EICAR test file.
 */
import crypto from "node:crypto";
import { chromium } from "@playwright/test";
import { exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from "jose";
import { OAuth2Server } from "oauth2-mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankStatement } from "../../app/vedlegg/fixtures.test-support";
import { eicarTestBytes } from "../../app/vedlegg/scanner.server";
import { clamdInstalled, startClamd, type Clamd } from "../clamd";
import { Browser, completeStep, expectRedirect, expectStatus, fillUntil, soknaderOf, testUser, textOf, type Reply, type TestUser } from "./client";
import { portsFor, startMock, startPortal, stopAll, tempDir, throwawayDatabase, type Proc } from "./harness";

const port = portsFor(8);
const work = tempDir("oidc");
const CLIENT_ID = "sosialhjelp-portal";
const STAFF_CLIENT_ID = "sosialhjelp-nks";
const NKS_GROUP = "0b1c2d3e-nks-group";

type Tamper = (payload: Record<string, unknown>) => void;
/** What the next login at a provider will say: the claims of its ID token, and what to spoil. */
type NextLogin = { claims: Record<string, unknown>; tamper?: Tamper; badSignature?: boolean; cancel?: boolean };

let portal: Proc;
let mock: Proc;
let database: { url: string; drop(): Promise<void> } | undefined;
/** A real clamd where Debian's clamav-daemon is installed (CI installs it and sets CLAMAV_REQUIRED=1). */
const withClamd = clamdInstalled() || process.env.CLAMAV_REQUIRED === "1";
let clamd: Clamd | undefined;
const idporten = new OAuth2Server();
const entra = new OAuth2Server();
const next: { idporten: NextLogin; entra: NextLogin } = { idporten: { claims: {} }, entra: { claims: {} } };
/** What the portal sent to the providers, for the checks of PKCE, acr and client authentication. */
const seen: { authorize: URLSearchParams[]; token: Record<string, string>[] } = { authorize: [], token: [] };
let clientPublicKey: CryptoKey;
/** The mock's ordinary applicant (mocks/personas.ts), whose pid the ID tokens carry. */
let person: TestUser;

function provide(server: OAuth2Server, which: "idporten" | "entra", clientId: string) {
  server.service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, req: { url?: string }) => {
    seen.authorize.push(new URL(req.url ?? "/", "http://x").searchParams);
    if (next[which].cancel) {
      redirect.url.searchParams.delete("code");
      redirect.url.searchParams.set("error", "access_denied");
    }
  });
  server.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, req: { body?: Record<string, string> }) => {
    if (token.payload.aud !== clientId) return; // the access token: only the ID token speaks of the person
    seen.token.push({ ...req.body });
    Object.assign(token.payload, next[which].claims);
    next[which].tamper?.(token.payload);
  });
  server.service.on("beforeResponse", (response: { body: Record<string, unknown> }) => {
    const idToken = response.body.id_token;
    if (!next[which].badSignature || typeof idToken !== "string") return;
    const [header, payload, signature] = idToken.split(".");
    response.body.id_token = `${header}.${payload}.${[...signature!].reverse().join("")}`;
  });
}

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  clientPublicKey = publicKey as CryptoKey;
  const jwk = { ...(await exportJWK(privateKey)), kid: "portal-key-1", alg: "RS256", use: "sig" };
  for (const [server, offset] of [
    [idporten, 2],
    [entra, 3],
  ] as const) {
    await server.issuer.keys.generate("RS256");
    await server.start(port(offset), "127.0.0.1");
  }
  provide(idporten, "idporten", CLIENT_ID);
  provide(entra, "entra", STAFF_CLIENT_ID);
  if (process.env.TEST_DATABASE_URL) database = await throwawayDatabase(process.env.TEST_DATABASE_URL, "oidc");
  // Without clamd the portal still starts (uploads are then refused: nothing listens there), and the upload test skips.
  clamd = withClamd ? await startClamd() : undefined;
  mock = await startMock({ port: port(1), dataDir: `${work.dir}/mock` });
  person = await testUser(mock.url, "forstegang");
  portal = await startPortal({
    port: port(0),
    fagsystemUrl: mock.url,
    dataDir: `${work.dir}/portal`,
    databaseUrl: database?.url,
    readyPath: "/nb",
    env: {
      MOCKS: "false",
      ALLOW_MOCKS_IN_PRODUCTION: "false",
      PUBLIC_URL: `http://localhost:${port(0)}`,
      IDPORTEN_WELL_KNOWN_URL: `${idporten.issuer.url}/.well-known/openid-configuration`,
      IDPORTEN_CLIENT_ID: CLIENT_ID,
      IDPORTEN_CLIENT_JWK: JSON.stringify(jwk),
      AZURE_APP_WELL_KNOWN_URL: `${entra.issuer.url}/.well-known/openid-configuration`,
      AZURE_APP_CLIENT_ID: STAFF_CLIENT_ID,
      AZURE_APP_CLIENT_SECRET: crypto.randomBytes(30).toString("base64url"),
      AZURE_NKS_GROUP_ID: NKS_GROUP,
      ...(clamd?.env ?? { CLAMAV_HOST: "127.0.0.1", CLAMAV_PORT: String(port(9)) }),
    },
  });
}, 120_000);

afterAll(async () => {
  await stopAll(portal, mock);
  await clamd?.stop();
  await Promise.all([idporten.stop(), entra.stop()]);
  await database?.drop();
  work.cleanup();
});

const citizen = (claims: Record<string, unknown> = {}): NextLogin => ({
  claims: { pid: person.fnr, acr: "idporten-loa-substantial", sid: `sid-${crypto.randomUUID()}`, ...claims },
});

/**
 * A login as the browser makes it: the portal's login page sends it to the provider, which sends it back to the
 * callback. Returns the callback's answer (not followed) and the callback address, for replays.
 */
async function login(browser: Browser, path = "/nb/logg-inn"): Promise<{ callback: Reply; callbackUrl: string }> {
  const toProvider = expectRedirect(await browser.get(path));
  const toPortal = expectRedirect(await browser.get(toProvider.location!));
  const callbackUrl = toPortal.location!;
  expect(new URL(callbackUrl).origin).toBe(portal.url);
  return { callback: await browser.get(callbackUrl), callbackUrl };
}

/** A refusal: the callback sends the browser to the translated page for `reason`, no session, and a log line. */
async function expectRefused(browser: Browser, callback: Reply, reason: string, title: RegExp) {
  expect(callback.status).toBe(302);
  expect(callback.location).toBe(`/nb/innlogging-feilet?arsak=${reason}`);
  expect(browser.sessionToken).toBeUndefined();
  const page = await browser.page(callback.location!);
  expect(textOf(page.html)).toMatch(title);
  expect(page.html).toContain('lang="nb"');
  // Still nobody: a page that needs a login sends the browser to log in.
  expectRedirect(await browser.get("/nb/meldinger"), /\/nb\/logg-inn/);
  await expect.poll(() => portal.output(), { timeout: 5000 }).toMatch(new RegExp(`idporten login refused \\(${reason}\\)`));
}

describe("a citizen logs in with ID-porten", () => {
  it("through the code flow with PKCE, state, nonce, acr and private_key_jwt, and gets a fresh session and their own pages", async () => {
    next.idporten = citizen();
    const browser = new Browser(portal.url);
    const { callback } = await login(browser, "/nn/logg-inn?returnTo=%2Fnn%2Fmeldinger");
    expect(callback.status).toBe(302);
    expect(callback.location).toBe("/nn/meldinger");
    const first = browser.sessionToken;
    expect(first).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const page = await browser.page("/nn");
    expect(textOf(page.html)).toContain(`Hei, ${person.name.split(" ")[0]}`);

    const asked = seen.authorize.at(-1)!;
    expect(asked.get("code_challenge_method")).toBe("S256");
    expect(asked.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.get("acr_values")).toBe("idporten-loa-substantial");
    expect(asked.get("ui_locales")).toBe("nn");
    expect(asked.get("state")?.length).toBeGreaterThan(20);
    expect(asked.get("nonce")?.length).toBeGreaterThan(20);
    expect(asked.get("redirect_uri")).toBe(`${portal.url}/oauth2/idporten/callback`);
    const token = seen.token.at(-1)!;
    expect(token.client_assertion_type).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    expect(token.code_verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(token.client_secret).toBeUndefined();
    // The client assertion is signed with the portal's key, for this provider, by this client.
    const assertion = await jwtVerify(token.client_assertion!, clientPublicKey);
    expect(assertion.payload).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID } satisfies JWTPayload);

    // A second login gets another session; the first one is gone.
    next.idporten = citizen();
    await login(browser);
    expect(browser.sessionToken).toBeDefined();
    expect(browser.sessionToken).not.toBe(first);
    const stale = new Browser(portal.url, new Map([["sosialhjelp-sesjon", first!]]));
    expectRedirect(await stale.get("/nb/meldinger"), /\/nb\/logg-inn/);
  });

  const refusals: { name: string; login: () => NextLogin; reason: string; title: RegExp }[] = [
    { name: "the person cancels at the provider", login: () => ({ ...citizen(), cancel: true }), reason: "cancelled", title: /Du avbrøt innloggingen/ },
    { name: "a wrong nonce", login: () => ({ ...citizen(), tamper: (p) => void (p.nonce = "another-nonce") }), reason: "refused", title: /kunne ikke logge deg inn/ },
    {
      name: "an expired ID token",
      login: () => ({ ...citizen(), tamper: (p) => Object.assign(p, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }) }),
      reason: "refused",
      title: /kunne ikke logge deg inn/,
    },
    { name: "a wrong audience", login: () => ({ ...citizen(), tamper: (p) => void (p.aud = "another-client") }), reason: "refused", title: /kunne ikke logge deg inn/ },
    { name: "a wrong issuer", login: () => ({ ...citizen(), tamper: (p) => void (p.iss = "http://127.0.0.1:9/not-id-porten") }), reason: "refused", title: /kunne ikke logge deg inn/ },
    { name: "a bad signature", login: () => ({ ...citizen(), badSignature: true }), reason: "refused", title: /kunne ikke logge deg inn/ },
    { name: "no pid", login: () => ({ ...citizen(), tamper: (p) => void delete p.pid }), reason: "identity", title: /fikk ikke vite hvem du er/ },
    { name: "an acr below the minimum", login: () => citizen({ acr: "idporten-loa-low" }), reason: "assurance", title: /høyere sikkerhetsnivå/ },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: a translated page, a log line, never a session`, async () => {
      next.idporten = refusal.login();
      const browser = new Browser(portal.url);
      const { callback } = await login(browser);
      await expectRefused(browser, callback, refusal.reason, refusal.title);
    });
  }

  it("refuses a wrong state, a replayed code and an answer in a browser that did not start the login", async () => {
    next.idporten = citizen();
    const browser = new Browser(portal.url);
    const toProvider = expectRedirect(await browser.get("/nb/logg-inn"));
    const back = new URL(expectRedirect(await browser.get(toProvider.location!)).location!);
    const wrong = new URL(back);
    wrong.searchParams.set("state", "x".repeat(43));
    await expectRefused(browser, await browser.get(wrong.href), "expired", /tok for lang tid/);

    // The right answer, in a browser without the login's binding cookie.
    const elsewhere = new Browser(portal.url);
    await expectRefused(elsewhere, await elsewhere.get(back.href), "refused", /kunne ikke logge deg inn/);
    // Refused once, the login is spent: the same answer in the right browser is too late now.
    await expectRefused(browser, await browser.get(back.href), "expired", /tok for lang tid/);

    // A login that succeeded cannot be replayed: the second use of its answer makes no session.
    next.idporten = citizen();
    const person = new Browser(portal.url);
    const { callbackUrl } = await login(person);
    expect(person.sessionToken).toBeDefined();
    const replay = new Browser(portal.url, new Map([...person.cookies].filter(([name]) => name !== "sosialhjelp-sesjon")));
    await expectRefused(replay, await replay.get(callbackUrl), "expired", /tok for lang tid/);
  });

  it("has no test login without mocks", async () => {
    const browser = new Browser(portal.url);
    const reply = await browser.post("/nb/logg-inn", { fnr: person.fnr, returnTo: "" });
    expect(reply.status).toBe(404);
    expect(browser.sessionToken).toBeUndefined();
  });
});

describe("logging out", () => {
  it("ends the local session and ID-porten's (end_session with id_token_hint), and lands on the logged-out page", async () => {
    next.idporten = citizen();
    const browser = new Browser(portal.url);
    await login(browser);
    const out = expectRedirect(await browser.post("/nb/logg-ut", {}));
    const endSession = new URL(out.location!);
    expect(endSession.origin + endSession.pathname).toBe(`${idporten.issuer.url}/endsession`);
    expect(endSession.searchParams.get("id_token_hint")).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${portal.url}/oauth2/logget-ut`);
    expect(browser.sessionToken).toBeUndefined();
    const back = expectRedirect(await browser.get(out.location!));
    const landing = expectRedirect(await browser.get(back.location!), /^\/nb\/logget-ut$/);
    expect(textOf((await browser.page(landing.location!)).html)).toContain("Du er logget ut");
  });

  it("ends the local session when ID-porten's front-channel logout names its sid, and not for another issuer", async () => {
    next.idporten = citizen({ sid: "sid-front-channel" });
    const browser = new Browser(portal.url);
    await login(browser);
    const issuer = idporten.issuer.url!;
    const notOurs = await fetch(`${portal.url}/oauth2/idporten/frontchannel-logout?iss=${encodeURIComponent("http://evil.example")}&sid=sid-front-channel`);
    expect(notOurs.status).toBe(400);
    expect((await browser.page("/nb/meldinger")).status).toBe(200);
    const frontChannel = await fetch(`${portal.url}/oauth2/idporten/frontchannel-logout?iss=${encodeURIComponent(issuer)}&sid=sid-front-channel`);
    expect(frontChannel.status).toBe(200);
    expect(frontChannel.headers.get("cache-control")).toContain("no-store");
    expectRedirect(await browser.get("/nb/meldinger"), /\/nb\/logg-inn/);
  });
});

describe("contact-centre staff log in with Entra ID", () => {
  const staff = (claims: Record<string, unknown>): NextLogin => ({ claims: { NAVident: "Z991234", name: "Siri Saksbehandler", sid: `sid-${crypto.randomUUID()}`, ...claims } });

  it("with the contact-centre group: the search page; without it: the 403 page; without a NAV ident: refused", async () => {
    next.entra = staff({ groups: ["another-group", NKS_GROUP] });
    const member = new Browser(portal.url);
    const { callback } = await login(member, "/nb/nks/logg-inn");
    expect(callback.location).toBe("/nb/nks");
    expect(textOf((await member.page("/nb/nks")).html)).toContain("Finn innringeren");
    expect(seen.token.at(-1)!.client_secret).toBeDefined();

    next.entra = staff({ groups: ["another-group"] });
    const outsider = new Browser(portal.url);
    await login(outsider, "/nb/nks/logg-inn");
    expect(outsider.sessionToken).toBeDefined();
    expect((await outsider.get("/nb/nks")).status).toBe(403);

    next.entra = staff({ groups: [NKS_GROUP], NAVident: undefined });
    const nobody = new Browser(portal.url);
    const refused = await login(nobody, "/nb/nks/logg-inn");
    expect(refused.callback.location).toBe("/nb/innlogging-feilet?arsak=identity&for=nks");
    expect(nobody.sessionToken).toBeUndefined();
    expect(textOf((await nobody.page(refused.callback.location!)).html)).toContain("Kontaktsenterets visning");
  });
});

describe("with mocks off, a person", () => {
  it.skipIf(!withClamd)("logs in, applies, has EICAR refused by the real virus scanner and a clean file taken, and gets a receipt", async () => {
    next.idporten = citizen();
    const browser = new Browser(portal.url);
    await login(browser);
    const sentBefore = await soknaderOf(mock.url, person.fnr);
    const draftId = await browser.startDraft();
    await fillUntil(browser, draftId, "dokumentasjon", "oidc");
    const upload = async (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.set("intent", "last-opp:skattemelding");
      form.set("filer.skattemelding", new Blob([Buffer.from(bytes)], { type: "application/pdf" }), name);
      return textOf(expectStatus(await browser.post(`/nb/soknad/${draftId}/dokumentasjon`, form), 200).html);
    };
    const statement = Buffer.from(await bankStatement(1));
    // EICAR inside an otherwise good PDF: the file checks let it through to clamd, which finds it.
    expect(await upload(Buffer.concat([statement, eicarTestBytes()]), "smittet.pdf")).toContain("smittet.pdf ble ikke lastet opp: virussjekken fant noe skadelig i filen.");
    await expect.poll(() => portal.output()).toMatch(/"area":"clamav".*"msg":"found Eicar-Test-Signature[^"]*, file refused"/);
    expect(await upload(statement, "skattemelding.pdf")).toContain("skattemelding.pdf er lastet opp.");
    const page = await browser.page(`/nb/soknad/${draftId}/dokumentasjon`);
    expect(textOf(page.html)).not.toContain("smittet.pdf");
    const summary = await completeStep(browser, draftId, "dokumentasjon", page, "oidc");
    const receipt = await completeStep(browser, draftId, "oppsummering", summary, "oidc");
    expect(receipt.path).toBe(`/nb/soknad/${draftId}/kvittering`);
    expect((await soknaderOf(mock.url, person.fnr)).length).toBe(sentBefore.length + 1);
    const out = expectRedirect(await browser.post("/nb/logg-ut", {}));
    expect(out.location).toContain(`${idporten.issuer.url}/endsession`);
  });
});

describe("in a real browser", () => {
  it("a person logs in through ID-porten, sees their own page, and logs out of both", async () => {
    next.idporten = citizen();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${portal.url}/nb`);
      await page.goto(`${portal.url}/nb/meldinger`);
      await page.waitForURL(/\/nb\/meldinger$/);
      const cookies = await page.context().cookies();
      // Our opaque session token (and the language): no token of the provider's is kept in the browser.
      expect(cookies.map((cookie) => cookie.name).sort()).toEqual(["sosialhjelp-sesjon", "sprak"]);
      expect(cookies.find((cookie) => cookie.name === "sosialhjelp-sesjon")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
      expect(JSON.stringify(cookies)).not.toMatch(/ey[\w-]{10,}\./);
      const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      expect(storage).not.toMatch(/ey[\w-]{10,}\./);
      const logins = seen.authorize.length;
      await page.getByRole("button", { name: "Logg ut" }).click();
      await page.waitForURL(/\/nb\/logget-ut$/);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Du er logget ut");
      expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("sosialhjelp-sesjon");
      // The way back in goes through ID-porten again.
      await page.goto(`${portal.url}/nb/meldinger`);
      await page.waitForURL(/\/nb\/meldinger$/);
      expect(seen.authorize.length).toBe(logins + 1);
    } finally {
      await browser.close();
    }
  });
});

const now = () => Math.floor(Date.now() / 1000);
