/**
 * Hostile input against every action, at the HTTP level: fast-check sends random and hostile
 * form data (wrong types, huge values, unknown and repeated fields, unicode edge cases, script
 * tags) to each form the portal has, with the field names the page itself offers. Never a 500,
 * never technical text, never markup coming back unescaped; and what was typed is shown as
 * text afterwards. Then malformed multipart bodies and files that lie about their type. And any
 * method, content type, body encoding and header value a client can send, as raw bytes: never a
 * 500, and no error nobody handled in the portal's log (e2e/server-log.ts).
 */
import fc from "fast-check";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect } from "./fixtures";
import { anonymous, formMeldingId, loggedIn, newDraft, sendKlage, sentKlage, startKlage } from "./http";
import { freshPerson, generalSamtaleOf, meldingerIn, officeReply, refusal, seededSoknadOf } from "./mock-control";
import { persona } from "./personas";
import { allSteps } from "../app/soknad/steps";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";
import { MOCK_CONTROL, PORTAL } from "../playwright.config";
import { isValidFnr } from "../app/fagsystem/fnr";
import { text } from "./locale";
import { send, sendBytes } from "./raw-http";
import { logMark, logSince, unexpectedErrors } from "./server-log";

test.skip(({ browserName, isMobile, javaScriptEnabled }) => browserName !== "chromium" || isMobile || !javaScriptEnabled, "HTTP-level checks: the desktop project is enough");

const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);

/** Markup that must never come back as markup: React escapes it, Remix's data escapes "<". */
const INJECTED = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg/onload=alert(1)>"];
const TECHNICAL = /FagsystemError|ZodError|TypeError|ReferenceError|SyntaxError|at [\w.<>]+ \(|node_modules|Internal Server Error|Unexpected Server Error/;

const hostileValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    ...INJECTED,
    "'; DROP TABLE drafts; --",
    "\u0000",
    "a\u0000b",
    "\u202Eevil",
    "e\u0301\u0301\u0301",
    "👩‍👩‍👧‍👦",
    "\uD800",
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "0x10",
    "   ",
    "ja",
    "nei",
    "on",
    "2026-02-30",
    "31.02.2026",
    "12345678901",
    "../../../etc/passwd",
    "%00",
    "{{constructor.constructor('return 1')()}}",
    "__proto__",
  ),
  fc.nat({ max: 100_000 }).map((length) => "x".repeat(length)),
  fc.integer().map(String),
  fc.double().map(String),
);

const hostileName = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "a[b]", "intent", "returnTo", "x".repeat(300)), fc.string({ maxLength: 20 }));

/** The names of the fields in the page's forms (inputs, textareas, selects, buttons with a name). */
function fieldNames(html: string): string[] {
  const names = new Set<string>();
  for (const match of html.matchAll(/<(?:input|textarea|select|button)\b[^>]*\bname="([^"]+)"/g)) names.add(match[1]!.replace(/&amp;/g, "&"));
  return [...names];
}

/** A form body: the page's own fields and unknown ones, some repeated, with hostile values (and sometimes `meaningful` ones). */
function hostileForm(known: string[], meaningful: string[] = []) {
  const name = known.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileName }) : hostileName;
  const value = meaningful.length > 0 ? fc.oneof({ weight: 3, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constantFrom(...meaningful) }) : hostileValue;
  return fc.array(fc.tuple(name, value), { minLength: 0, maxLength: 25 });
}

function encode(pairs: Array<[string, string]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of pairs) params.append(name, value);
  return params.toString();
}

function problemsOf(label: string, response: APIResponse, body: string): string[] {
  const problems: string[] = [];
  if (response.status() >= 500 && response.status() !== 503) problems.push(`${label}: status ${response.status()}`);
  if (TECHNICAL.test(body)) problems.push(`${label}: technical text: ${TECHNICAL.exec(body)![0]}`);
  for (const markup of INJECTED) if (body.includes(markup)) problems.push(`${label}: markup came back unescaped: ${markup}`);
  return problems;
}

/**
 * Fuzzes the form at `path` with the field names its page offers (or `fields`, for an action whose
 * page is elsewhere), and sometimes `values` that mean something there (real ids, intents).
 */
async function fuzzAction(api: APIRequestContext, label: string, path: string, options: { runs?: number; keep?: string[]; fields?: string[]; values?: string[] } = {}) {
  let known = options.fields;
  if (!known) {
    const page = await api.get(path);
    expect(page.status(), `${label}: the page`).toBeLessThan(400);
    known = fieldNames(await page.text());
  }
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(hostileForm(known, options.values), async (pairs) => {
      // Some requests keep a field fixed, e.g. so the fuzzing of "Slett" never confirms it.
      const filtered = options.keep ? pairs.filter(([name]) => !options.keep!.includes(name)) : pairs;
      const response = await api.post(path, {
        data: encode(filtered),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        maxRedirects: 0,
        timeout: 30_000,
      });
      const found = problemsOf(`${label} ${JSON.stringify(filtered).slice(0, 300)}`, response, await response.text());
      problems.push(...found);
      return found.length === 0;
    }),
    { numRuns: options.runs ?? RUNS, endOnFailure: true },
  );
  expect(problems).toEqual([]);
}

test("every step of the søknad takes random and hostile form data without a 500, and shows what was typed as text", async () => {
  test.setTimeout(300_000);
  const { api } = await loggedIn("forstegang", undefined, { freshConnections: true });
  const draftId = await newDraft(api);
  for (const step of allSteps) await fuzzAction(api, step, `/nb/soknad/${draftId}/${step}`, { keep: ["confirm"] });

  // A script tag typed into a free-text field is saved as text and shown as text everywhere.
  const typed = `Husleie ${INJECTED[0]} og ${INJECTED[1]}`;
  await api.post(`/nb/soknad/${draftId}/behov`, { form: { intent: "autosave", categories: "husleie", details: typed } });
  for (const path of [`/nb/soknad/${draftId}/behov`, `/nb/soknad/${draftId}/oppsummering`]) {
    const html = await (await api.get(path)).text();
    for (const markup of INJECTED) expect(html, path).not.toContain(markup);
    expect(html, `${path} shows the text escaped`).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
  await api.dispose();
});

test("login, start, delete, session, logout and the payment filter take hostile input without a 500", async () => {
  test.setTimeout(300_000);
  const nobody = await anonymous(undefined, { freshConnections: true });
  await fuzzAction(nobody, "logg-inn", "/nb/logg-inn");
  await fuzzAction(nobody, "nks/logg-inn", "/nb/nks/logg-inn");
  await nobody.dispose();

  const { api } = await loggedIn("aleneforelder", undefined, { freshConnections: true });
  await fuzzAction(api, "soknad start", "/nb/soknad");
  const draftId = await newDraft(api);
  await fuzzAction(api, "slett", `/nb/soknad/${draftId}/slett`, { keep: ["intent"] });
  await fuzzAction(api, "api/sesjon", "/api/sesjon", { runs: 10 });

  // The payment filter is a GET form: hostile query strings.
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(hostileForm(["vis", "fra", "til"]), async (pairs) => {
      const response = await api.get(`/nb/utbetalinger?${encode(pairs)}`.slice(0, 8000), { maxRedirects: 0 });
      const found = problemsOf(`utbetalinger ${JSON.stringify(pairs).slice(0, 200)}`, response, await response.text());
      problems.push(...found);
      return found.length === 0;
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  expect(problems).toEqual([]);

  // Logout last: whatever it is sent, it logs out and never fails.
  const logout = await api.post("/nb/logg-ut", { data: encode([["__proto__", "x"], ["returnTo", "https://evil.example"]]), headers: { "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
  expect(logout.status()).toBe(302);
  expect(logout.headers()["location"], "never sent to another site").toMatch(/^\/[a-z]/);
  await api.dispose();
});

/** Raw bodies for the upload forms: broken multipart and files that say they are something else (`fields` go with the intent). */
async function uploadAttacks(fieldName: string, intent: string, fields: Record<string, string> = {}) {
  const boundary = "----hostile" + "7".repeat(20);
  const part = (headers: string, body: string | Buffer) => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from("\r\n")]);
  const intentPart = Buffer.concat([
    part(`Content-Disposition: form-data; name="intent"`, intent),
    ...Object.entries(fields).map(([name, value]) => part(`Content-Disposition: form-data; name="${name}"`, value)),
  ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const file = (name: string, type: string, bytes: Buffer) => part(`Content-Disposition: form-data; name="${fieldName}"; filename="${name}"\r\nContent-Type: ${type}`, bytes);
  const pdf = Buffer.from(await bankStatement(1));
  return {
    broken: [
      { name: "multipart without a boundary", type: "multipart/form-data", body: Buffer.concat([intentPart, end]) },
      { name: "a boundary that never comes", type: multipart, body: Buffer.from("just some bytes\r\n".repeat(100)) },
      { name: "cut off in the middle of a file", type: multipart, body: Buffer.concat([intentPart, file("a.pdf", "application/pdf", pdf).subarray(0, 400)]) },
      { name: "a 100 kB header line", type: multipart, body: Buffer.concat([intentPart, part(`Content-Disposition: form-data; name="${"x".repeat(100_000)}"`, "x"), end]) },
      { name: "JSON sent as multipart", type: multipart, body: Buffer.from(JSON.stringify({ intent, files: [1, 2, 3] })) },
      { name: "a nested multipart/mixed (read as a text field: no file)", readable: true, type: multipart, body: Buffer.concat([intentPart, part(`Content-Disposition: form-data; name="${fieldName}"\r\nContent-Type: multipart/mixed; boundary=inner`, "--inner\r\n\r\nx\r\n--inner--"), end]) },
    ],
    /** Real PDFs with odd names: stored or refused, but the name never comes back as a path or markup. */
    oddNames: [
      { name: "a file name with a path, NUL and markup", type: multipart, body: Buffer.concat([intentPart, file(`../../etc/passwd\u0000${INJECTED[0]}.pdf`, "application/pdf", pdf), end]) },
      { name: "a 5000-character file name", type: multipart, body: Buffer.concat([intentPart, file(`${"å".repeat(5000)}.pdf`, "application/pdf", pdf), end]) },
    ],
    lying: [
      { name: "side.pdf", claims: "application/pdf", bytes: Buffer.from(`<html><body>${INJECTED[0]}</body></html>`) },
      { name: "bilde.jpg", claims: "image/jpeg", bytes: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2000, 0x90)]) },
      { name: "skjema.png", claims: "image/png", bytes: Buffer.from("%!PS-Adobe-3.0\n%%EOF\n") },
    ].map((lie) => ({ ...lie, type: multipart, body: Buffer.concat([intentPart, file(lie.name, lie.claims, lie.bytes), end]) })),
  };
}

type UploadPlace = { label: string; path: string; list: string; field: string; intent: string; fields?: Record<string, string> };

/** Broken multipart bodies, files that lie about their type and odd names, at one upload form: the problems found. */
async function attackUploads(api: APIRequestContext, place: UploadPlace): Promise<string[]> {
  const problems: string[] = [];
  const before = await (await api.get(place.list)).text();
  const attacks = await uploadAttacks(place.field, place.intent, place.fields);
  for (const attack of attacks.broken) {
    const response = await api.fetch(place.path, { method: "POST", data: attack.body, headers: { "Content-Type": attack.type }, maxRedirects: 0, timeout: 30_000 });
    const body = await response.text();
    problems.push(...problemsOf(`${place.label}: ${attack.name}`, response, body));
    if (!("readable" in attack) && (response.status() !== 400 || !body.includes("Vi kunne ikke lese filene du sendte."))) {
      problems.push(`${place.label}: ${attack.name}: not the "could not read" message (${response.status()})`);
    }
  }
  for (const lie of attacks.lying) {
    const response = await api.fetch(place.path, { method: "POST", data: lie.body, headers: { "Content-Type": lie.type }, maxRedirects: 0, timeout: 30_000 });
    const body = await response.text();
    problems.push(...problemsOf(`${place.label}: ${lie.name}`, response, body));
    if (!body.includes(`${lie.name} ble ikke lastet opp: vi tar bare imot PDF, JPG og PNG.`)) problems.push(`${place.label}: ${lie.name} was not refused with the file-type message (${response.status()})`);
  }
  // The page lists the same files as before: nothing that lied was stored.
  const after = await (await api.get(place.list)).text();
  const listed = (html: string) => [...html.matchAll(/(?:side\.pdf|bilde\.jpg|skjema\.png)/g)].length;
  if (listed(after) !== listed(before)) problems.push(`${place.label}: a refused file was stored`);
  for (const attack of attacks.oddNames) {
    const response = await api.fetch(place.path, { method: "POST", data: attack.body, headers: { "Content-Type": attack.type }, maxRedirects: 0, timeout: 30_000 });
    const body = await response.text();
    problems.push(...problemsOf(`${place.label}: ${attack.name}`, response, body));
    if (body.includes("../../etc") || body.includes("\u0000")) problems.push(`${place.label}: ${attack.name}: the path came back`);
  }
  return problems;
}

test("malformed multipart bodies and files that lie about their type get a message, never a 500, and nothing is stored", async () => {
  test.setTimeout(180_000);
  const owner = await loggedIn("under-behandling", undefined, { freshConnections: true });
  const fnr = (await persona("under-behandling")).fnr;
  const draftId = await newDraft(owner.api);
  const soknadId = await seededSoknadOf(fnr);
  const places: UploadPlace[] = [
    { label: "søknad", path: `/nb/soknad/${draftId}/dokumentasjon`, list: `/nb/soknad/${draftId}/dokumentasjon`, field: "filer.annet", intent: "last-opp:annet" },
    { label: "status page", path: `/nb/innsyn/${soknadId}`, list: `/nb/innsyn/${soknadId}`, field: "filer.annet", intent: "last-opp:annet" },
  ];
  const problems: string[] = [];
  for (const place of places) problems.push(...(await attackUploads(owner.api, place)));
  expect(problems).toEqual([]);
  await owner.api.dispose();
});

/* ---------- complaints (klage) ---------- */

/** The errors nobody handled that the portal logged since `mark` (other tests share this portal). */
async function unhandledSince(mark: number) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return unexpectedErrors(logSince(port, mark));
}

test("the complaint's start and every step, with its files, take random and hostile form data without a 500, and show what was typed as text", async () => {
  test.setTimeout(300_000);
  const mark = logMark(port);
  const who = await freshPerson();
  const { api } = await loggedIn(who, undefined, { freshConnections: true });
  const decision = await refusal(who.id);
  const intents = ["next", "back", "later", "autosave", "last-opp:klage", "slett-fil:", "slett-fil:../../etc/passwd", "slett-fil:00000000-0000-4000-8000-000000000000"];

  // "Klag på vedtaket": its fields are on the decision page; real ids now and then (which start or resume a draft).
  await fuzzAction(api, "klage start", "/nb/klage", { fields: ["soknadId", "vedtakId"], values: [decision.soknadId, decision.vedtakId, ...intents] });
  const klageId = await startKlage(api, decision);
  const base = `/nb/klage/${klageId}`;
  // The summary first, while the words are missing: a "Send" there goes back to the step that lacks them, so nothing is sent.
  for (const step of ["oppsummering", "vedtak", "begrunnelse", "vedlegg"]) {
    await fuzzAction(api, `klage ${step}`, `${base}/${step}`, { values: [decision.vedtakId, ...intents] });
  }
  // A file, then hostile deletions of it and of files that are not there.
  const uploaded = await (await api.post(`${base}/vedlegg`, { multipart: { intent: "last-opp:klage", "filer.klage": { name: `${INJECTED[0]}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(2)) } } })).text();
  const fileId = /value="slett-fil:([^"]+)"/.exec(uploaded)?.[1];
  expect(fileId, "the uploaded file's delete button").toBeTruthy();
  for (const markup of INJECTED) expect(uploaded, "the file's name comes back as text").not.toContain(markup);
  await fuzzAction(api, "klage vedlegg, deleting", `${base}/vedlegg`, { runs: 10, fields: ["intent"], values: [`slett-fil:${fileId}`, `slett-fil:${fileId}x`, `slett-fil:${fileId}/../x`, "slett-fil:%00"] });
  const problems = await attackUploads(api, { label: "klage vedlegg", path: `${base}/vedlegg`, list: `${base}/vedlegg`, field: "filer.klage", intent: "last-opp:klage" });
  expect(problems).toEqual([]);

  // Script tags typed into the complaint are saved and sent as text, and shown as text everywhere, the complaint's page too.
  const typed = `Jeg er uenig ${INJECTED[0]} og ${INJECTED[1]}`;
  for (const [step, form] of [
    ["vedtak", { intent: "next", vedtakIds: decision.vedtakId }],
    ["begrunnelse", { intent: "autosave", tekst: typed }],
  ] as const) {
    expect((await api.post(`${base}/${step}`, { form, maxRedirects: 0 })).status()).toBeLessThan(400);
  }
  for (const path of [`${base}/begrunnelse`, `${base}/oppsummering`]) {
    const html = await (await api.get(path)).text();
    for (const markup of INJECTED) expect(html, path).not.toContain(markup);
    expect(html, `${path} shows the text escaped`).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
  expect((await api.post(`${base}/begrunnelse`, { form: { intent: "next", tekst: typed }, maxRedirects: 0 })).status()).toBe(302);
  await sendKlage(api, klageId);
  for (const path of [`${base}/kvittering`, `/nb/innsyn/${decision.soknadId}/klage/${klageId}`]) {
    const html = await (await api.get(path)).text();
    for (const markup of INJECTED) expect(html, path).not.toContain(markup);
  }
  expect(await (await api.get(`/nb/innsyn/${decision.soknadId}/klage/${klageId}`)).text()).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  // A sent complaint's steps only lead to its receipt, whatever they are sent.
  await fuzzAction(api, "klage oppsummering, sent", `${base}/oppsummering`, { runs: 10, fields: ["intent", "tekst", "vedtakIds"], values: intents });
  expect(await unhandledSince(mark)).toEqual([]);
  await api.dispose();
});

test("the complaint's page (more files) and its withdrawal take hostile form data, broken multipart and lying files without a 500; raw requests leave no unhandled error", async () => {
  test.setTimeout(300_000);
  const mark = logMark(port);
  const who = await freshPerson();
  const { api } = await loggedIn(who, undefined, { freshConnections: true });
  const decision = await refusal(who.id);
  const klageId = await sentKlage(api, decision);
  const page = `/nb/innsyn/${decision.soknadId}/klage/${klageId}`;
  await fuzzAction(api, "klage page", page, { values: ["last-opp:klage", "last-opp:annet", "slett-fil:x"] });
  const problems = await attackUploads(api, { label: "klage page", path: page, list: page, field: "filer.klage", intent: "last-opp:klage" });
  // Raw requests to the complaint's addresses (a withdrawal among them may end it: still no 500).
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  problems.push(
    ...(await fuzzRaw(
      [
        "/nb/klage",
        `/nb/klage/${klageId}/begrunnelse`,
        `/nb/klage/${klageId}/vedlegg`,
        `/nb/klage/${klageId}/kvittering`,
        `/nb/klage/${klageId}/kvittering/pdf`,
        `/nb/klage/${klageId}/kvittering.pdf`,
        `/nb/klage/%ZZ/vedtak`,
        page,
        `${page}.data`,
        `${page}/trekk`,
        `/nb/innsyn/${decision.soknadId}/klage/%ZZ`,
      ],
      cookie,
      RUNS * 4,
    )),
  );
  // Whatever the withdrawal is sent, it withdraws or says why not; the runs after meet a withdrawn complaint.
  await fuzzAction(api, "klage trekk", `${page}/trekk`, { values: ["trekk", "last-opp:klage"] });
  expect(problems).toEqual([]);
  expect(await unhandledSince(mark)).toEqual([]);
  await api.dispose();
});

/* ---------- messages (meldinger) ---------- */

/** A multipart body as a browser builds it, from fields in order (raw bytes allowed). */
function multipartOf(fields: Array<[string, string | Buffer]>) {
  const boundary = "----melding" + "3".repeat(20);
  const parts = fields.map(([name, value]) =>
    Buffer.concat([
      // A browser escapes these in a field's name.
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"\r\n\r\n`),
      Buffer.isBuffer(value) ? value : Buffer.from(value),
      Buffer.from("\r\n"),
    ]),
  );
  return { data: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/** A person of the test's own in their general conversation: the page, its form's meldingId, a poster for the form as the browser sends it. */
async function conversationOfOwn() {
  const who = await freshPerson();
  const { api, fnr } = await loggedIn(who, undefined, { freshConnections: true });
  const samtaleId = await generalSamtaleOf(fnr);
  const page = `/nb/meldinger/${samtaleId}`;
  const post = (fields: Array<[string, string | Buffer]>) => {
    const body = multipartOf(fields);
    return api.fetch(page, { method: "POST", data: body.data, headers: { "Content-Type": body.type }, maxRedirects: 0, timeout: 30_000 });
  };
  return { api, fnr, samtaleId, page, post };
}

test("messages: control characters and direction overrides are removed, broken unicode and 1 MB bodies are refused in words, markup stays text, and a text over 4,000 characters is kept with the error", async ({ page: browserPage }) => {
  test.setTimeout(180_000);
  const mark = logMark(port);
  const { api, samtaleId, page, post } = await conversationOfOwn();
  const sendText = async (tekst: string | Buffer) => {
    const answer = await post([["intent", "send"], ["meldingId", await formMeldingId(api, page)], ["tekst", tekst]]);
    expect(answer.status(), `send: ${(await answer.text()).slice(0, 300)}`).toBe(302);
    return (await meldingerIn(samtaleId)).at(-1)!.tekst;
  };

  // Control characters: only line breaks (as \n) and tabs are left.
  const controls = await sendText("Hei\u0000 der\u0001\u0007\u001b[31m rødt\u007f\u0085\r\nNy linje\tmed tab\u000b\u000c\ufeff");
  expect(controls).toBe("Hei der[31m rødt\nNy linje\tmed tab");
  // eslint-disable-next-line no-control-regex -- what must not be stored
  expect(controls).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  // Direction overrides and isolates that could disguise the text.
  expect(await sendText("Betal til konto \u202e1234\u202c og \u2066isolert\u2069, \u202ddette\u202c")).toBe("Betal til konto 1234 og isolert, dette");

  // Broken UTF-8 in the multipart form: read as replacement characters or refused, never stored broken.
  const broken = await post([["intent", "send"], ["meldingId", await formMeldingId(api, page)], ["tekst", Buffer.from([0x48, 0x65, 0xff, 0xfe, 0xc3, 0x20, 0xed, 0xa0, 0x80, 0x21])]]);
  expect(broken.status(), "broken UTF-8 in a multipart field").toBeLessThan(500);
  if (broken.status() === 302) {
    const stored = (await meldingerIn(samtaleId)).at(-1)!.tekst;
    expect(stored).toMatch(/^He\ufffd+.*!$/);
    expect(stored).not.toMatch(/[\ud800-\udfff]/);
  }
  // In the urlencoded form (the autosave), a lone surrogate and bytes that are not UTF-8 are refused in words.
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const meldingId = await formMeldingId(api, page);
  for (const encoded of ["%ED%A0%80", "a%FFb", "%C3", "%F0%9F%98"]) {
    const answer = await send(`${PORTAL}${page}`, {
      headers: { Origin: PORTAL, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: `intent=lagre&meldingId=${meldingId}&tekst=Hei${encoded}`,
    });
    expect(answer.status, `tekst=Hei${encoded}`).toBe(400);
    expect(answer.body).toContain("Vi kunne ikke lese det du sendte");
  }

  // 1 MB of text: refused in words before it is stored, as multipart (the form) and as urlencoded (the autosave).
  const megabyte = "M".repeat(1024 * 1024);
  const bigMultipart = await post([["intent", "send"], ["meldingId", meldingId], ["tekst", megabyte]]);
  expect(bigMultipart.status(), "1 MB in the form's text field").toBeGreaterThanOrEqual(400);
  expect(bigMultipart.status()).toBeLessThan(500);
  expect(await bigMultipart.text()).toMatch(/Vi kunne ikke lese filene du sendte|Du sendte for mye på én gang/);
  const bigForm = await send(`${PORTAL}${page}`, {
    headers: { Origin: PORTAL, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: `intent=lagre&meldingId=${meldingId}&tekst=${megabyte}`,
  });
  expect(bigForm.status, "1 MB to the autosave").toBe(413);
  expect(bigForm.body).toContain("Det du sendte, var for stort");
  expect(await (await api.get(page)).text(), "nothing of it was kept").not.toContain("MMMMMMMMMM");

  // Markup, from the person and from the office: stored as written, shown as text.
  const markup = `${INJECTED.join(" ")} <b>fet</b> <a href="javascript:alert(1)">lenke</a>`;
  expect(await sendText(markup)).toBe(markup);
  await officeReply(samtaleId, { tekst: `Svar: ${markup} https://nav.no.evil.example/logg-inn` });
  const html = await (await api.get(page)).text();
  for (const injected of INJECTED) expect(html).not.toContain(injected);
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");

  // In a browser: the text is there literally, and no element came of it (no image, script, bold text or link; no dialog).
  await browserPage.context().addCookies((await api.storageState()).cookies);
  const dialogs: string[] = [];
  browserPage.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await browserPage.goto(page);
  const messages = browserPage.locator(".message-text");
  await expect(messages.first()).toContainText(`Svar: ${INJECTED[0]} ${INJECTED[1]}`);
  await expect(messages.nth(1)).toContainText(`${INJECTED[2]} <b>fet</b> <a href="javascript:alert(1)">lenke</a>`);
  await expect(browserPage.locator(".message-text :is(img, script, svg, b, a, iframe)")).toHaveCount(0);
  await expect(browserPage.locator("main").getByText("https://nav.no.evil.example/logg-inn", { exact: false })).toBeVisible();
  expect(dialogs).toEqual([]);

  // 4,001 characters: the translated error, the text still in the field (and kept as the draft); 4,000 go.
  const count = (await meldingerIn(samtaleId)).length;
  const tooLong = `${"æ".repeat(4000)}!`;
  const refused = await post([["intent", "send"], ["meldingId", await formMeldingId(api, page)], ["tekst", tooLong]]);
  expect(refused.status()).toBe(400);
  const refusedHtml = await refused.text();
  expect(refusedHtml).toContain("Meldingen kan ha høyst 4 000 tegn. Del den i to meldinger.");
  expect(refusedHtml).toMatch(new RegExp(`<textarea[^>]*name="tekst"[^>]*>${tooLong}</textarea>`));
  expect(await (await api.get(page)).text(), "kept as the draft").toContain(`>${tooLong}</textarea>`);
  expect(await meldingerIn(samtaleId), "nothing sent").toHaveLength(count);
  expect(await sendText("æ".repeat(4000))).toHaveLength(4000);

  expect(await unhandledSince(mark)).toEqual([]);
  await api.dispose();
});

test("messages: the conversation's form takes random and hostile form data (urlencoded and multipart), broken multipart and lying files without a 500; raw requests leave no unhandled error", async () => {
  test.setTimeout(300_000);
  const mark = logMark(port);
  const { api, samtaleId, page, post } = await conversationOfOwn();
  await officeReply(samtaleId, { tekst: "Et brev fra kontoret.", vedlegg: true });
  const meldingId = await formMeldingId(api, page);
  const withFile = await api.post(page, { multipart: { intent: "last-opp:melding", meldingId, tekst: "Med en fil", "filer.melding": { name: `${INJECTED[0]}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(2)) } } });
  const withFileHtml = await withFile.text();
  const fileId = /value="slett-fil:([^"]+)"/.exec(withFileHtml)?.[1];
  expect(fileId, "the uploaded file's delete button").toBeTruthy();
  for (const markup of INJECTED) expect(withFileHtml, "the file's name comes back as text").not.toContain(markup);
  const intents = ["send", "lagre", "last-opp:melding", "last-opp:annet", "slett-fil:", `slett-fil:${fileId}`, "slett-fil:../../etc/passwd", "slett-fil:00000000-0000-4000-8000-000000000000"];
  const values = [meldingId, "00000000-0000-4000-8000-000000000000", ...intents];

  // Urlencoded, as the autosave posts, with the page's own field names.
  await fuzzAction(api, "melding", page, { values });
  // Multipart, as the form posts.
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(hostileForm(["intent", "meldingId", "tekst", "filer.melding"], values), async (pairs) => {
      const response = await post(pairs);
      const found = problemsOf(`melding multipart ${JSON.stringify(pairs).slice(0, 300)}`, response, await response.text());
      problems.push(...found);
      return found.length === 0;
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  expect(problems).toEqual([]);
  problems.push(...(await attackUploads(api, { label: "melding", path: page, list: page, field: "filer.melding", intent: "last-opp:melding", fields: { meldingId: await formMeldingId(api, page) } })));

  // Raw requests to the messages' addresses.
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const officeFile = (await meldingerIn(samtaleId)).find((melding) => melding.filer.length > 0)!.filer[0]!.id;
  problems.push(
    ...(await fuzzRaw(
      [
        "/nb/meldinger",
        "/nb/meldinger.data",
        page,
        `${page}.data`,
        `${page}?eldre=%ZZ`,
        `${page}?eldre=${meldingId}`,
        `${page}/fil/${officeFile}`,
        `${page}/fil/${officeFile}?last-ned`,
        `${page}/fil/%ZZ`,
        "/nb/meldinger/%ZZ",
        "/nb/meldinger/00000000-0000-4000-8000-000000000000",
      ],
      cookie,
      RUNS * 4,
    )),
  );
  expect(problems).toEqual([]);
  expect(await unhandledSince(mark)).toEqual([]);
  await api.dispose();
});

/* ---------- methods, content types, encodings and header values, as raw requests ---------- */

const port = Number(new URL(PORTAL).port);
const origin = new URL(PORTAL).origin;

/** A header value as bytes on the wire: any printable Latin-1, never a line break (that would be a header of its own). */
const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }).map((value) => value.replace(/[\r\n]/g, "")),
  fc.string({ unit: "binary", maxLength: 40 }).map((value) => [...value].map((c) => String.fromCharCode(c.charCodeAt(0) & 0xff)).join("").replace(/[\r\n]/g, "")),
  fc.constantFrom("", " ", "null", "\u0000", "a\u0000b", "\u00ff\u00fe", "%", "%%%", "../..", "<script>alert(1)</script>", "x".repeat(2000)),
);

const methods = fc.constantFrom("GET", "HEAD", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "TRACK", "CONNECT", "PROPFIND", "MKCOL", "BREW", "post", "G\u00e9T");

const contentTypes = fc.option(
  fc.oneof(
    fc.constantFrom(
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=UTF-8",
      "application/x-www-form-urlencoded; charset=iso-8859-1",
      "application/x-www-form-urlencoded;;;charset",
      "APPLICATION/X-WWW-FORM-URLENCODED",
      "application/json",
      "text/plain",
      "text/html",
      "application/xml",
      "multipart/form-data",
      "multipart/form-data; boundary=",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
      "",
      "*/*",
    ),
    headerValue,
  ),
);

/** Bodies: forms, forms broken in their encoding, and bytes that are no form at all. */
const bodies = fc.oneof(
  hostileForm(["reason", "fnr", "returnTo", "kind", "intent", "categories", "details", "navIdent"]).map((pairs) => Buffer.from(encode(pairs))),
  fc.constantFrom("a=%", "a=%zz", "a=%FF", "%C3=1", "a=%ED%A0%80", "=&&==&", "a=1&a=2&__proto__=x", '{"fnr":"12345678901"}', "<?xml version='1.0'?><a/>", "\ufeffa=1", "reason=inactive").map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(Buffer.alloc(0)),
  fc.nat({ max: 40_000 }).map((length) => Buffer.from(`x=${"y".repeat(length)}`)),
);

type RawCase = {
  method: string;
  target: string;
  host: string | null;
  contentType: string | null;
  contentEncoding: string | null;
  body: Buffer;
  framing: "length" | "chunked" | "none" | "wrong-length" | "broken-chunks";
  headers: Array<[string, string]>;
  withSession: boolean;
};

function rawRequest(test: RawCase, cookie: string): Buffer {
  const lines = [`${test.method} ${test.target} HTTP/1.1`];
  if (test.host !== null) lines.push(`Host: ${test.host}`);
  lines.push("Connection: close");
  if (test.withSession) lines.push(`Cookie: ${cookie}`);
  if (test.contentType !== null) lines.push(`Content-Type: ${test.contentType}`);
  if (test.contentEncoding !== null) lines.push(`Content-Encoding: ${test.contentEncoding}`);
  for (const [name, value] of test.headers) lines.push(`${name}: ${value}`);
  let body = test.body;
  switch (test.framing) {
    case "length":
      lines.push(`Content-Length: ${body.length}`);
      break;
    case "wrong-length":
      lines.push(`Content-Length: ${body.length + 10}`);
      break;
    case "chunked":
    case "broken-chunks": {
      lines.push("Transfer-Encoding: chunked");
      const chunks: Buffer[] = [];
      for (let at = 0; at < body.length; at += 1000) {
        const piece = body.subarray(at, at + 1000);
        chunks.push(Buffer.from(`${test.framing === "broken-chunks" ? "zz" : piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n"));
      }
      chunks.push(Buffer.from("0\r\n\r\n"));
      body = Buffer.concat(chunks);
      break;
    }
    case "none":
      body = Buffer.alloc(0);
  }
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), body]);
}

/**
 * Raw requests to `targets` with any method, host, content type, encoding, framing and headers,
 * some with the session `cookie`: the problems found (a 500, technical text).
 */
async function fuzzRaw(targets: string[], cookie: string, runs: number): Promise<string[]> {
  const host = new URL(PORTAL).host;
  const rawCase: fc.Arbitrary<RawCase> = fc.record({
    method: methods,
    target: fc.constantFrom(...targets),
    host: fc.oneof(
      { weight: 6, arbitrary: fc.constant(host) },
      { weight: 1, arbitrary: fc.option(fc.oneof(fc.constantFrom("localhost:99999", "[::1", "a b", "evil.example", host.toUpperCase()), headerValue)) },
    ) as fc.Arbitrary<string | null>,
    contentType: contentTypes,
    contentEncoding: fc.option(fc.constantFrom("gzip", "br", "identity", "deflate, gzip", "x"), { freq: 5 }),
    body: bodies,
    framing: fc.constantFrom("length", "length", "chunked", "none", "wrong-length", "broken-chunks"),
    headers: fc.array(
      fc.oneof(
        fc.tuple(fc.constant("Origin"), fc.oneof({ weight: 4, arbitrary: fc.constant(origin) }, { weight: 1, arbitrary: fc.constantFrom("null", "https://evil.example", `${origin}.evil.example`, "garbage") }, { weight: 1, arbitrary: headerValue })),
        fc.tuple(fc.constant("Sec-Fetch-Site"), fc.oneof(fc.constantFrom("same-origin", "same-site", "cross-site", "none"), headerValue)),
        fc.tuple(fc.constant("Referer"), fc.oneof(fc.constantFrom(`${origin}/nb`, "https://evil.example/", "about:blank"), headerValue)),
        fc.tuple(fc.constantFrom("X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-For", "Forwarded"), fc.oneof(fc.constantFrom("evil.example", host, "javascript", "https", "a b, c"), headerValue)),
        fc.tuple(fc.constantFrom("Cookie", "Accept", "Accept-Language", "Accept-Encoding", "User-Agent", "If-None-Match", "Range", "Expect", "Upgrade", "X-Remix-Response"), headerValue),
      ),
      { maxLength: 6 },
    ),
    withSession: fc.boolean(),
  });

  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(rawCase, async (raw) => {
      // A logout with the session ends it for the runs after: the session is kept for everything else.
      const testCase = raw.target === "/nb/logg-ut" ? { ...raw, withSession: false } : raw;
      const answer = await sendBytes(port, rawRequest(testCase, cookie));
      const label = `${testCase.method} ${testCase.target} ${testCase.framing} ${JSON.stringify(testCase.contentType)} ${JSON.stringify(testCase.headers).slice(0, 200)}`;
      const found: string[] = [];
      if (answer.status !== null && answer.status >= 500 && answer.status !== 503) found.push(`${label}: status ${answer.status}`);
      // What the page shows (Remix's own 405 for a page without an action names the route in its hydration data).
      const shown = answer.body.replace(/<script\b[\s\S]*?<\/script>/gi, "");
      if (TECHNICAL.test(shown)) found.push(`${label}: technical text: ${TECHNICAL.exec(shown)![0]}`);
      problems.push(...found);
      return found.length === 0;
    }),
    { numRuns: runs, endOnFailure: true },
  ).catch((error: unknown) => {
    if (problems.length === 0) throw error; // otherwise the problems say what failed
  });
  return problems;
}

test("any method, content type, body encoding and header value: never a 500, and no unhandled error in the portal's log", async () => {
  test.setTimeout(300_000);
  const { api } = await loggedIn("nylig-hjelp", undefined, { freshConnections: true });
  const draftId = await newDraft(api);
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const targets = [
    "/nb/logg-ut",
    "/nb/logg-inn",
    "/en/logg-inn?returnTo=%2Fnb%0D%0AX%3A%20y",
    "/nb/nks/logg-inn",
    "/api/sesjon",
    "/nb/soknad",
    `/nb/soknad/${draftId}/behov`,
    `/nb/soknad/${draftId}/personalia`,
    `/nb/soknad/${draftId}/kvittering.pdf`,
    "/nb",
    "/nn/kontakt",
    "/en/utbetalinger?fra=%ZZ&til=9999-99-99",
    "/nb/finnes-ikke",
    "/nb/%ZZ",
    "//nb/logg-ut",
    "/nb/logg-inn.data?_route=routes%2F%24lang.logg-inn",
    "/nb?_data=root",
    "*",
    "http://evil.example/nb",
  ];
  const mark = logMark(port);
  const problems = await fuzzRaw(targets, cookie, RUNS * 8);
  expect(problems).toEqual([]);
  // What the runs left in the log (other tests share this portal: only errors nobody handled count).
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(unexpectedErrors(logSince(port, mark))).toEqual([]);
  await api.dispose();
});

/* ---------- the contact-centre view (NKS) ---------- */

/** A contact-centre staff member with the role, logged in through the staff login, one connection per request. */
async function staffWithRole(): Promise<APIRequestContext> {
  const staff = await anonymous(undefined, { freshConnections: true });
  const users = (await (await fetch(`${MOCK_CONTROL}/mock/nks-testbrukere`)).json()) as { navIdent: string; roles: string[] }[];
  const withRole = users.find((user) => user.roles.includes("nks"));
  expect(withRole, "a staff test user with the contact-centre role").toBeTruthy();
  expect((await staff.post("/nb/nks/logg-inn", { form: { navIdent: withRole!.navIdent }, maxRedirects: 0 })).status(), "staff login").toBe(302);
  return staff;
}

/** `fnr` with its last digit changed so that the mod-11 check fails. */
function wrongCheckDigit(fnr: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${fnr.slice(0, 10)}${digit}`;
    if (!isValidFnr(candidate)) return candidate;
  }
  throw new Error(`no wrong check digit for ${fnr}`);
}

test("the contact centre's search takes hostile form data without a 500, junk in fnr is refused in words and looks nobody up, and hostile lookup and søknad ids are a 404 or 400", async () => {
  test.setTimeout(300_000);
  const mark = logMark(port);
  const staff = await staffWithRole();
  const caller = await persona("under-behandling");
  const refused = await persona("kode6");
  const spaced = `${caller.fnr.slice(0, 6)} ${caller.fnr.slice(6)}`;
  // The page's own field (fnr) and unknown ones; now and then a number that finds someone, one that is refused.
  await fuzzAction(staff, "nks search", "/nb/nks", { values: [caller.fnr, spaced, refused.fnr, wrongCheckDigit(caller.fnr)] });

  // Junk in fnr, and bodies that are no form: refused in words (the field's own error for what is read as a form), never a search.
  const fieldError = (key: "required" | "format" | "checksum") => text("nb", "nks", `search.errors.${key}`);
  const form = "application/x-www-form-urlencoded";
  const junk: Array<{ name: string; body: string; type?: string; status: number; words: string }> = [
    { name: "no fnr field", body: "intent=search", status: 400, words: fieldError("required") },
    { name: "an empty body", body: "", status: 400, words: fieldError("required") },
    { name: "only spaces", body: "fnr=%20%20%20", status: 400, words: fieldError("required") },
    { name: "fnr[] instead of fnr", body: `fnr%5B%5D=${caller.fnr}`, status: 400, words: fieldError("required") },
    { name: "two numbers (fnr=1&fnr=2)", body: "fnr=1&fnr=2", status: 400, words: fieldError("format") },
    { name: "a 10 kB number", body: `fnr=${"1".repeat(10_000)}`, status: 400, words: fieldError("format") },
    { name: "letters", body: `fnr=${caller.fnr.slice(0, 10)}x`, status: 400, words: fieldError("format") },
    { name: "Arabic-Indic digits", body: `fnr=${encodeURIComponent("٠١٠١٩٠١٢٣٤٥")}`, status: 400, words: fieldError("format") },
    { name: "fullwidth digits", body: `fnr=${encodeURIComponent([...caller.fnr].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join(""))}`, status: 400, words: fieldError("format") },
    { name: "a zero-width space inside", body: `fnr=${encodeURIComponent(`${caller.fnr.slice(0, 6)}\u200b${caller.fnr.slice(6)}`)}`, status: 400, words: fieldError("format") },
    { name: "a direction override", body: `fnr=${encodeURIComponent(`\u202e${caller.fnr}`)}`, status: 400, words: fieldError("format") },
    { name: "NUL and control characters", body: `fnr=${encodeURIComponent(`${caller.fnr.slice(0, 5)}\u0000\u0007\u001b${caller.fnr.slice(5)}`)}`, status: 400, words: fieldError("format") },
    { name: "emoji", body: `fnr=${encodeURIComponent("👩‍👩‍👧‍👦12345678901")}`, status: 400, words: fieldError("format") },
    { name: "markup", body: `fnr=${encodeURIComponent(INJECTED[0]!)}`, status: 400, words: fieldError("format") },
    { name: "a wrong check digit", body: `fnr=${wrongCheckDigit(caller.fnr)}`, status: 400, words: fieldError("checksum") },
    { name: "bytes that are not UTF-8", body: "fnr=%FF%FE", status: 400, words: "Vi kunne ikke lese det du sendte" },
    { name: "a lone surrogate", body: "fnr=%ED%A0%80", status: 400, words: "Vi kunne ikke lese det du sendte" },
    { name: "100 kB", body: `fnr=${"1".repeat(100_000)}`, status: 413, words: "Det du sendte, var for stort" },
    { name: "JSON", body: JSON.stringify({ fnr: caller.fnr }), type: "application/json", status: 415, words: "Det du sendte, var ikke et skjema fra denne siden" },
    { name: "text/plain", body: `fnr=${caller.fnr}`, type: "text/plain", status: 415, words: "Det du sendte, var ikke et skjema fra denne siden" },
    {
      name: "multipart",
      body: `--b\r\nContent-Disposition: form-data; name="fnr"\r\n\r\n${caller.fnr}\r\n--b--\r\n`,
      type: "multipart/form-data; boundary=b",
      status: 415,
      words: "Det du sendte, var ikke et skjema fra denne siden",
    },
  ];
  const problems: string[] = [];
  const requestIds: string[] = [];
  for (const attempt of junk) {
    const answer = await staff.post("/nb/nks", { data: attempt.body, headers: { "Content-Type": attempt.type ?? form }, maxRedirects: 0, timeout: 30_000 });
    const body = await answer.text();
    problems.push(...problemsOf(`fnr: ${attempt.name}`, answer, body));
    if (answer.status() !== attempt.status) problems.push(`fnr: ${attempt.name}: ${answer.status()} ${answer.headers()["location"] ?? ""}, not ${attempt.status}`);
    // In the page, not only in the translations its scripts carry.
    if (!body.replace(/<script\b[\s\S]*?<\/script>/gi, "").includes(attempt.words)) problems.push(`fnr: ${attempt.name}: not "${attempt.words}"`);
    if (body.includes(caller.name)) problems.push(`fnr: ${attempt.name}: the caller was found`);
    requestIds.push(answer.headers()["x-request-id"] ?? "");
  }
  // A search that is made is audited under its request id: so none of the junk above was.
  const made = await staff.post("/nb/nks", { form: { fnr: spaced }, maxRedirects: 0 });
  expect(made.status(), "a number read aloud with a space").toBe(303);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const log = logSince(port, mark);
  expect(log, "the search that was made is in the audit stream").toContain(`sproc=${made.headers()["x-request-id"]}`);
  expect(requestIds.filter((id) => id === "" || log.includes(`sproc=${id}`)), "junk that was audited (or had no request id)").toEqual([]);

  // Hostile path segments as the lookup id and as the søknad id, sent byte for byte: a 404 or 400, never a 500, nothing about the caller.
  const lookupId = /\/nb\/nks\/person\/([A-Za-z0-9_-]{24})$/.exec(made.headers()["location"] ?? "")?.[1];
  expect(lookupId, "the search's lookup id").toBeTruthy();
  const soknadId = await seededSoknadOf(caller.fnr);
  const segments = [
    "x".repeat(5000),
    `${lookupId}${"x".repeat(2000)}`,
    `${lookupId}%00`,
    "%00",
    "%ZZ",
    "%",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "..%5C..%5Cwindows",
    "...",
    "%C3%A6%C3%B8%C3%A5",
    "%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9",
    Buffer.from("æøå").toString("latin1"),
    "%ED%A0%80",
    "%FF%FE",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "__proto__",
    "constructor",
    `${lookupId!.slice(0, 23)}%E2%80%AE`,
    "00000000-0000-4000-8000-00000000000%30",
  ];
  const host = new URL(PORTAL).host;
  const cookie = (await staff.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const targets = segments.flatMap((segment) => [`/nb/nks/person/${segment}`, `/nb/nks/person/${segment}/soknad/${soknadId}`, `/nb/nks/person/${lookupId}/soknad/${segment}`]);
  const rawGet = (target: string) => sendBytes(port, rawRequest({ method: "GET", target, host, contentType: null, contentEncoding: null, body: Buffer.alloc(0), framing: "none", headers: [], withSession: true }, cookie));
  for (const target of targets) {
    const answer = await rawGet(target);
    const label = `GET ${target.slice(0, 120)}`;
    if (answer.status !== 404 && answer.status !== 400) problems.push(`${label}: ${answer.status}`);
    const shown = answer.body.replace(/<script\b[\s\S]*?<\/script>/gi, "");
    if (TECHNICAL.test(shown)) problems.push(`${label}: technical text: ${TECHNICAL.exec(shown)![0]}`);
    if (answer.body.includes(caller.name) || answer.body.includes(caller.fnr)) problems.push(`${label}: shows the caller`);
    for (const markup of INJECTED) if (answer.body.includes(markup)) problems.push(`${label}: markup came back unescaped`);
  }

  // A ".." segment is resolved as in any URL (a browser resolves it before sending): the answer is that of the address it resolves to.
  for (const target of ["/nb/nks/person/..", `/nb/nks/person/../soknad/${soknadId}`, `/nb/nks/person/${lookupId}/soknad/..`, `/nb/nks/person/${lookupId}/soknad/../../../../../etc/passwd`]) {
    const resolved = new URL(target, PORTAL).pathname;
    const [answer, direct] = [await rawGet(target), await rawGet(resolved)];
    if (answer.status === null || answer.status >= 500 || answer.status !== direct.status) problems.push(`GET ${target}: ${answer.status}, and ${direct.status} at ${resolved}`);
  }

  // Raw requests with any method, body and header to the contact centre's addresses.
  problems.push(
    ...(await fuzzRaw(
      ["/nb/nks", "/nb/nks.data", "/nb/nks?index", `/nb/nks/person/${lookupId}`, `/nb/nks/person/${lookupId}.data`, `/nb/nks/person/${lookupId}/soknad/${soknadId}`, `/nb/nks/person/%ZZ/soknad/${soknadId}`],
      cookie,
      RUNS * 4,
    )),
  );
  expect(problems).toEqual([]);
  expect(await unhandledSince(mark)).toEqual([]);
  await staff.dispose();
});

test("the call-back form takes random and hostile form data without a 500; hostile notes and phone numbers are refused in words or kept as text, on the form and on the person's page", async () => {
  test.setTimeout(240_000);
  const staff = await staffWithRole();
  const caller = await freshPerson();
  const made = await staff.post("/nb/nks", { form: { fnr: caller.fnr }, maxRedirects: 0 });
  const personPage = made.headers()["location"] ?? "";
  expect(personPage, "the search's lookup").toMatch(/^\/nb\/nks\/person\/[A-Za-z0-9_-]{24}$/);
  const path = `${personPage}/ring-tilbake`;
  await fuzzAction(staff, "call-back", path, { values: ["OKONOMISK_SOSIALHJELP", "I_DAG", "41234567", "ja", "uk", crypto.randomUUID()] });

  const hostile = [...INJECTED, "'; DROP TABLE ringtilbake; --", "a\u0000b", "\u202Eevil", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "x".repeat(501), "+47 412 34 567", "0047-412-34-567", "4".repeat(16), "١٢٣٤٥٦٧٨"];
  const problems: string[] = [];
  for (const value of hostile) {
    for (const field of ["notat", "telefonnummer"] as const) {
      const form = { ringTilbakeId: crypto.randomUUID(), tema: "ANNET", hastegrad: "NAR_DET_PASSER", telefonnummer: "41234567", kontakttid: "HELE_DAGEN", tolk: "nei", tolkesprak: "", notat: "", [field]: value };
      const answer = await staff.post(path, { form, maxRedirects: 0 });
      problems.push(...problemsOf(`${field}=${JSON.stringify(value).slice(0, 40)}`, answer, await answer.text()));
      if (![303, 400].includes(answer.status())) problems.push(`${field}=${JSON.stringify(value).slice(0, 40)}: ${answer.status()}`);
    }
  }
  const shown = await staff.get(personPage);
  problems.push(...problemsOf("the person's page", shown, await shown.text()));
  expect(problems).toEqual([]);
  await staff.dispose();
});

test("the guides' office search, their tools and asking for advice take random and hostile form data without a 500, and show what was typed as text", async () => {
  test.setTimeout(300_000);
  // Anonymous: the office search is a GET form on the guide's page.
  const nobody = await anonymous(undefined, { freshConnections: true });
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(hostileForm(["kommune"], ["0301", "Oslo", "bergen", "9999", ""]), async (pairs) => {
      const response = await nobody.get(`/nb/veiviser/sosialhjelp/hjelp-i-dag?${encode(pairs)}`.slice(0, 8000), { maxRedirects: 0 });
      const found = problemsOf(`hjelp-i-dag ${JSON.stringify(pairs).slice(0, 200)}`, response, await response.text());
      problems.push(...found);
      return found.length === 0;
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  expect(problems).toEqual([]);
  const typed = await (await nobody.get(`/nb/veiviser/sosialhjelp/hjelp-i-dag?kommune=${encodeURIComponent(INJECTED[0]!)}`)).text();
  expect(typed, "the municipality typed is shown as text").toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  await nobody.dispose();

  // Logged in: asking for advice (its id kept fixed half the time, so the fuzzing also reaches the fagsystem's answer).
  const { api } = await loggedIn(await freshPerson(), undefined, { freshConnections: true });
  const advice = "/nb/veiviser/okonomi-og-gjeld/be-om-rad";
  await fuzzAction(api, "be-om-rad", advice, { values: ["TELEFON", "MELDING", "BREV", "FORMIDDAG", "41234567", crypto.randomUUID()] });
  const radgivningId = /name="radgivningId" value="([0-9a-f-]{36})"/.exec(await (await api.get(advice)).text())?.[1];
  const refused = await api.post(advice, { form: { radgivningId: radgivningId!, beskrivelse: `Gjeld ${INJECTED[1]}`, kontaktmate: "TELEFON", telefonnummer: INJECTED[2]! }, maxRedirects: 0 });
  expect(refused.status(), "a phone number that is markup is refused in words").toBe(400);
  const html = await refused.text();
  for (const markup of INJECTED) expect(html).not.toContain(markup);
  expect(html, "what was typed is kept, as text").toContain("Gjeld &quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  await api.dispose();
});
