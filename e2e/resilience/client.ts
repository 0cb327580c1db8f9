/**
 * A browser without a browser: a cookie jar, form posts as a browser sends them without
 * JavaScript (Origin and Sec-Fetch-Site, so the portal's cross-origin check lets them through),
 * redirects followed by hand so every status is seen, and the whole standard application
 * filled in from the pages' own form fields.
 */

import { allSteps } from "../../app/soknad/steps";

/** One answer from the portal. */
export interface Reply {
  method: string;
  path: string;
  status: number;
  location: string | null;
  html: string;
  ms: number;
}

/** Response times by label ("behov POST") and how many answers had each status, for the load test. */
export class Recorder {
  readonly timings = new Map<string, number[]>();
  readonly statuses = new Map<number, number>();

  record(reply: Reply, label: string | undefined) {
    this.statuses.set(reply.status, (this.statuses.get(reply.status) ?? 0) + 1);
    if (!label) return;
    let list = this.timings.get(label);
    if (!list) this.timings.set(label, (list = []));
    list.push(reply.ms);
  }
}

export class UnexpectedReply extends Error {
  constructor(
    readonly reply: Reply,
    expected: string,
  ) {
    const text = textOf(reply.html).slice(0, 600);
    super(`${reply.method} ${reply.path} answered ${reply.status}${reply.location ? ` → ${reply.location}` : ""}, expected ${expected}: ${text}`);
  }
}

const SESSION_COOKIE = "sosialhjelp-sesjon";

export class Browser {
  constructor(
    readonly base: string,
    /** Shared between Browsers for the same person on other portals: cookies are per host, not per port. */
    readonly cookies: Map<string, string> = new Map(),
    readonly recorder?: Recorder,
  ) {}

  /** The same person (same cookies) at another portal process. */
  at(base: string): Browser {
    return new Browser(base, this.cookies, this.recorder);
  }

  get sessionToken(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  async request(method: "GET" | "POST", path: string, body?: URLSearchParams | FormData, label?: string): Promise<Reply> {
    const headers: Record<string, string> = { Accept: "text/html" };
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    if (cookie) headers.Cookie = cookie;
    if (method === "POST") {
      // What a browser sends with a form post from our own page (Referrer-Policy: no-referrer).
      headers.Origin = new URL(this.base).origin;
      headers["Sec-Fetch-Site"] = "same-origin";
    }
    const started = performance.now();
    const response = await fetch(new URL(path, this.base), { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(120_000) });
    const html = await response.text();
    const ms = performance.now() - started;
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const gone = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === "";
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const reply: Reply = { method, path, status: response.status, location: response.headers.get("Location"), html, ms };
    this.recorder?.record(reply, label);
    return reply;
  }

  get(path: string, label?: string) {
    return this.request("GET", path, undefined, label);
  }

  post(path: string, form: Record<string, string | string[]> | FormData, label?: string) {
    return this.request("POST", path, form instanceof FormData ? form : toParams(form), label);
  }

  /** A page that must answer 200. */
  async page(path: string, label?: string): Promise<Reply> {
    return expectStatus(await this.get(path, label), 200);
  }

  /**
   * A post that must redirect; the browser then loads where it leads (200). Returns that page.
   * With `timed`, the post is timed as "<step> POST" and the page as "<its step> GET".
   */
  async postAndFollow(path: string, form: Record<string, string | string[]> | FormData, timed?: { post: string }): Promise<Reply> {
    const reply = expectRedirect(await this.post(path, form, timed?.post));
    return this.page(reply.location!, timed ? `${lastSegment(reply.location!)} GET` : undefined);
  }

  /** The test login (the mock's stand-in for ID-porten). */
  async login(fnr: string, language = "nb", timed = false): Promise<void> {
    await this.page(`/${language}/logg-inn`, timed ? "login page GET" : undefined);
    const reply = expectRedirect(await this.post(`/${language}/logg-inn`, { fnr, returnTo: "" }, timed ? "login POST" : undefined));
    if (!this.sessionToken) throw new UnexpectedReply(reply, "a session cookie");
    await this.page(reply.location!, timed ? "front page (logged in) GET" : undefined);
  }

  async logout(language = "nb"): Promise<Reply> {
    return expectRedirect(await this.post(`/${language}/logg-ut`, {}));
  }

  /** "Start søknaden" on the start page; returns the new draft's id. */
  async startDraft(language = "nb", timed = false): Promise<string> {
    await this.page(`/${language}/soknad`, timed ? "start page GET" : undefined);
    const reply = expectRedirect(await this.post(`/${language}/soknad`, { kind: "standard" }, timed ? "start page POST" : undefined));
    const id = /\/soknad\/([0-9a-f-]{36})\/personalia$/.exec(reply.location!)?.[1];
    if (!id) throw new UnexpectedReply(reply, "a redirect to a new draft's first step");
    return id;
  }
}

const lastSegment = (location: string) => new URL(location, "http://x").pathname.split("/").at(-1) ?? location;

export function toParams(form: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return params;
}

export function expectStatus(reply: Reply, ...statuses: number[]): Reply {
  if (!statuses.includes(reply.status)) throw new UnexpectedReply(reply, statuses.join(" or "));
  return reply;
}

export function expectRedirect(reply: Reply, to?: RegExp): Reply {
  if (reply.status < 300 || reply.status > 399 || !reply.location || (to && !to.test(reply.location))) {
    throw new UnexpectedReply(reply, `a redirect${to ? ` to ${to}` : ""}`);
  }
  return reply;
}

/* ---------- reading pages ---------- */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** The page's main text, tags and scripts removed, whitespace collapsed. */
export function textOf(html: string): string {
  const main = /<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  return decodeEntities(
    main
      .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
      .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

export type Field = { tag: "input" | "textarea"; attributes: Record<string, string>; text?: string };

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1]!.toLowerCase();
    if (name === "input" || name === "textarea") continue;
    attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}

/** The form fields in the page's main part (inputs and textareas). */
export function fieldsOf(html: string): Field[] {
  const main = /<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  const fields: Field[] = [];
  for (const match of main.matchAll(/<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    if (match[0].toLowerCase().startsWith("<input")) fields.push({ tag: "input", attributes: attributesOf(match[0]) });
    else fields.push({ tag: "textarea", attributes: attributesOf(`<textarea${match[1]}>`), text: decodeEntities(match[2] ?? "") });
  }
  return fields;
}

/** The value a text field or textarea shows. */
export function valueOf(html: string, name: string): string | undefined {
  const field = fieldsOf(html).find((candidate) => candidate.attributes.name === name && candidate.attributes.type !== "hidden");
  if (!field) return undefined;
  return field.tag === "textarea" ? field.text : field.attributes.value;
}

/** The values of the checked radios and checkboxes called `name`. */
export function checkedValues(html: string, name: string): string[] {
  return fieldsOf(html)
    .filter((field) => field.attributes.name === name && "checked" in field.attributes)
    .map((field) => field.attributes.value ?? "on");
}

/** The names of the radio groups on the page (in order, once each). */
export function radioGroups(html: string): string[] {
  return [...new Set(fieldsOf(html).filter((field) => field.attributes.type === "radio").map((field) => field.attributes.name ?? ""))];
}

/* ---------- the standard application ---------- */

/** Answers for a person without children, one text carrying `marker` so a page can be matched to its person. */
export function standardAnswers(marker: string) {
  return {
    behov: { categories: ["livsopphold", "husleie"], details: `Behov ${marker}: jobben tok slutt.` },
    arbeid: { student: "nei", employmentComment: `Arbeid ${marker}: kafeen stengte.` },
    familie: {},
    bosituasjon: { housing: "leier", householdSize: "2" },
    inntekt: { skattConsent: "ja", bostotteConsent: "nei", studentLoan: "nei", savings: "brukskonto" },
    utgifter: { housingCosts: ["husleie", "strom"] },
  } satisfies Record<string, Record<string, string | string[]>>;
}

export type StandardStep = "personalia" | keyof ReturnType<typeof standardAnswers> | "dokumentasjon" | "oppsummering";

/**
 * Posts one step with "Neste steg" from its page: `page` is that step's HTML (for the prefilled
 * personalia fields and the documents asked for). Returns the next page.
 */
export async function completeStep(
  browser: Browser,
  draftId: string,
  step: StandardStep,
  page: Reply,
  marker: string,
  language = "nb",
  timed = false,
): Promise<Reply> {
  const path = `/${language}/soknad/${draftId}/${step}`;
  const labels = (name: string) => (timed ? { post: `${name} POST` } : undefined);
  const answers = standardAnswers(marker);
  switch (step) {
    case "personalia": {
      const phone = valueOf(page.html, "phone");
      const accountNumber = valueOf(page.html, "accountNumber");
      if (!phone || !accountNumber) throw new UnexpectedReply(page, "personalia prefilled with phone and account number");
      return browser.postAndFollow(path, { intent: "next", addressChoice: "folkeregistrert", phone, accountNumber }, labels(step));
    }
    case "inntekt": {
      // A new yes to Skatteetaten: the step shows what was fetched, and the next "Neste steg" goes on.
      const shown = await browser.postAndFollow(path, { intent: "next", ...answers.inntekt }, timed ? { post: "inntekt POST (consent)" } : undefined);
      if (!/\/inntekt$/.test(new URL(shown.path, browser.base).pathname)) throw new UnexpectedReply(shown, "inntekt again");
      return browser.postAndFollow(path, { intent: "next", ...answers.inntekt }, timed ? { post: "inntekt POST (after fetch)" } : undefined);
    }
    case "dokumentasjon": {
      const form: Record<string, string> = { intent: "next" };
      const documents = radioGroups(page.html).filter((name) => /^doc\..+\.choice$/.test(name));
      if (documents.length === 0) throw new UnexpectedReply(page, "documents to choose for");
      for (const name of documents) form[name] = checkedValues(page.html, name)[0] ?? "senderSenere";
      return browser.postAndFollow(path, form, labels(step));
    }
    case "oppsummering":
      return browser.postAndFollow(path, { intent: "next", confirm: "on" }, timed ? { post: "oppsummering POST (send)" } : undefined);
    default:
      return browser.postAndFollow(path, { intent: "next", ...answers[step] }, labels(step));
  }
}

/** The standard application's steps, in order: the app's own list. */
export const STANDARD_STEPS: readonly StandardStep[] = allSteps;
/** From the draft's first step up to (not including) `until`, each step's page loaded first. Returns `until`'s page. */
export async function fillUntil(browser: Browser, draftId: string, until: StandardStep, marker: string, language = "nb"): Promise<Reply> {
  let page = await browser.page(`/${language}/soknad/${draftId}/personalia`);
  for (const step of STANDARD_STEPS) {
    if (step === until) return page;
    page = await completeStep(browser, draftId, step, page, marker, language);
    if (!new URL(page.path, browser.base).pathname.includes(`/soknad/${draftId}/`)) throw new UnexpectedReply(page, "the next step");
  }
  return page;
}

/* ---------- the fagsystem mock, as tests see it ---------- */

export type SoknadSummary = { fiksDigisosId: string; sendtTidspunkt: string | null };

/** The person's søknader as the fagsystem has them. */
export async function soknaderOf(mockUrl: string, fnr: string): Promise<SoknadSummary[]> {
  const response = await fetch(`${mockUrl}/api/v1/soknader`, { headers: { "Nav-Personident": fnr } });
  if (response.status !== 200) throw new Error(`the mock answered ${response.status} for the søknader of ${fnr}`);
  return (await response.json()) as SoknadSummary[];
}

export type TestUser = { id: string; fnr: string; name: string; birthDate: string };

export async function testUsers(mockUrl: string): Promise<TestUser[]> {
  const response = await fetch(`${mockUrl}/mock/testbrukere`);
  if (response.status !== 200) throw new Error(`the mock answered ${response.status} for its test users`);
  return (await response.json()) as TestUser[];
}

export async function testUser(mockUrl: string, id: string): Promise<TestUser> {
  const user = (await testUsers(mockUrl)).find((candidate) => candidate.id === id);
  if (!user) throw new Error(`no test user ${id}`);
  return user;
}

/* ---------- many sends at once ---------- */

export type SendOutcome = "receipt" | "clear page" | "server error" | "unexpected";

/**
 * What one "Send" answered: a redirect to this draft's receipt, a page that says what happened
 * (a status below 500 with the portal's page and a message in it), or something a person must
 * never see (5xx, a redirect elsewhere, a bare error).
 */
export function sendOutcome(reply: Reply, receiptPath: string): SendOutcome {
  if (reply.status >= 500) return "server error";
  if (reply.status >= 300 && reply.status < 400) return reply.location === receiptPath ? "receipt" : "unexpected";
  const hasMessage = /role="alert"|data-variant="error"|class="[^"]*navds-error-summary/.test(reply.html);
  return /<main\b/.test(reply.html) && hasMessage ? "clear page" : "unexpected";
}

/** `count` "Send" posts of the summary at once, spread over `browsers` in turn (the same person in several tabs or processes). */
export async function sendInParallel(browsers: Browser[], draftId: string, count: number, language = "nb"): Promise<Reply[]> {
  const path = `/${language}/soknad/${draftId}/oppsummering`;
  return Promise.all(Array.from({ length: count }, (_, index) => browsers[index % browsers.length]!.post(path, { intent: "next", confirm: "on" })));
}

export function tally(outcomes: SendOutcome[]): Record<SendOutcome, number> {
  const counts: Record<SendOutcome, number> = { receipt: 0, "clear page": 0, "server error": 0, unexpected: 0 };
  for (const outcome of outcomes) counts[outcome]++;
  return counts;
}

/* ---------- complaints (klage) ---------- */

export type KlageSummary = {
  klageId: string;
  fiksDigisosId: string;
  vedtakIds: string[];
  tekst: string;
  forSentBegrunnelse?: string | null;
  filer: { id: string; filnavn: string }[];
};

/** The person's complaints as the fagsystem has them (newest first). */
export async function klagerOf(mockUrl: string, fnr: string): Promise<KlageSummary[]> {
  const response = await fetch(`${mockUrl}/api/v1/klager`, { headers: { "Nav-Personident": fnr } });
  if (response.status !== 200) throw new Error(`the mock answered ${response.status} for the klager of ${fnr}`);
  return (await response.json()) as KlageSummary[];
}

/** Acts as the caseworker in the mock's simulator; returns the events the action appended. */
async function simulate(mockUrl: string, path: string, body: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${mockUrl}/mock/fagsystem/api${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`the simulator answered ${response.status} for POST ${path}: ${text.slice(0, 400)}`);
  return ((JSON.parse(text) as { hendelser?: Array<Record<string, unknown>> }).hendelser ?? []) as Array<Record<string, unknown>>;
}

/**
 * A new søknad for the persona with a refusal made now (inside the three weeks), as the
 * caseworker simulator makes one: its id and the decision letter's id ("vedtakId" to complain about).
 */
export async function refusedSoknad(mockUrl: string, personaId: string): Promise<{ soknadId: string; vedtakId: string }> {
  const response = await fetch(`${mockUrl}/mock/fagsystem/api/soknader`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ personaId }) });
  if (response.status !== 201) throw new Error(`the simulator answered ${response.status} for a new søknad of ${personaId}: ${(await response.text()).slice(0, 400)}`);
  const soknadId = ((await response.json()) as { fiksDigisosId: string }).fiksDigisosId;
  await simulate(mockUrl, `/soknader/${soknadId}/handlinger`, { action: "sak", referanse: "SAK-9001", tittel: "Livsopphold" });
  const events = await simulate(mockUrl, `/soknader/${soknadId}/handlinger`, { action: "vedtak", saksreferanse: "SAK-9001", utfall: "AVSLATT" });
  const vedtak = events.find((event) => event.type === "vedtakFattet") as { vedtaksfil?: { referanse?: { id?: string } } } | undefined;
  const vedtakId = vedtak?.vedtaksfil?.referanse?.id;
  if (!vedtakId) throw new Error(`the simulator's vedtak for ${soknadId} has no letter: ${JSON.stringify(events)}`);
  return { soknadId, vedtakId };
}

/** "Klag på vedtaket" as the decision page posts it; returns the complaint draft's id (also the klageId it is sent with). */
export async function startKlage(browser: Browser, soknadId: string, vedtakId: string, language = "nb"): Promise<string> {
  const reply = expectRedirect(await browser.post(`/${language}/klage`, { soknadId, vedtakId }));
  const id = new RegExp(`^/${language}/klage/([0-9a-f-]{36})/vedtak$`).exec(reply.location!)?.[1];
  if (!id) throw new UnexpectedReply(reply, "a redirect to a complaint draft's first step");
  return id;
}

/** `count` "Send klagen" posts of the complaint's summary at once, spread over `browsers` in turn. */
export async function sendKlageInParallel(browsers: Browser[], klageId: string, count: number, language = "nb"): Promise<Reply[]> {
  const path = `/${language}/klage/${klageId}/oppsummering`;
  return Promise.all(Array.from({ length: count }, (_, index) => browsers[index % browsers.length]!.post(path, { intent: "next" })));
}
