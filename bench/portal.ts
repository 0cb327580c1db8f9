/**
 * The portal under benchmark: building it, starting and stopping it in its own process
 * group, and talking to it as a person would (test login, start form, step forms) and as
 * contact-centre staff would (staff login, a search).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { onInterrupt } from "./cleanup";
import { BASE_URL, DATA_DIR, MOCK_PORT, PORT, type Persona } from "./config";

export const ROOT = path.resolve(import.meta.dirname, "..");
const MOCK_URL = `http://127.0.0.1:${MOCK_PORT}`;
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

/** Runs a command to completion; its output is shown only when it fails. */
export async function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<void> {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${output.slice(-4000)}`);
}

export async function buildPortal(buildDir: string): Promise<void> {
  await fs.rm(path.join(ROOT, buildDir), { recursive: true, force: true });
  await run(bin("remix"), ["vite:build"], { cwd: ROOT, env: { BUILD_DIR: buildDir, NODE_ENV: "production" } });
}

export async function buildFloor(floorDir: string, buildDir: string): Promise<void> {
  await fs.rm(path.join(ROOT, buildDir), { recursive: true, force: true });
  // The floor's vite.config.ts reads BUILD_DIR relative to its own folder.
  const relative = path.relative(path.join(ROOT, floorDir), path.join(ROOT, buildDir));
  await run(bin("remix"), ["vite:build"], { cwd: path.join(ROOT, floorDir), env: { BUILD_DIR: relative, NODE_ENV: "production" } });
}

export interface RunningPortal {
  /** Process group id (the tsx launcher and the node process under it). */
  pgid: number;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * The fagsystem mock in a process of its own (mocks/standalone.ts), as the real fagsystem is
 * another service: the portal's figures are the portal's work, not the mock's. It shares the
 * machine's cores all the same.
 */
async function startMock(): Promise<{ stop: () => Promise<void>; log: () => string }> {
  const child: ChildProcess = spawn(bin("tsx"), ["mocks/standalone.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", MOCK_PORT: String(MOCK_PORT), DATA_DIR },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pgid = child.pid;
  if (!pgid) throw new Error("could not start mocks/standalone.ts");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = () => stopGroup(child, pgid, exited);
  const forget = onInterrupt(stop);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mocks/standalone.ts exited with ${child.exitCode}:\n${output}`);
    const response = await fetch(`${MOCK_URL}/mock/testbrukere`).catch(() => null);
    if (response?.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the fagsystem mock did not answer on ${MOCK_URL} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    log: () => output,
    stop: async () => {
      forget();
      await stop();
    },
  };
}

/** Starts server.ts in production mode with a fresh embedded database and the fagsystem mock beside it. */
export async function startPortal(buildDir: string): Promise<RunningPortal> {
  await fs.rm(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const mock = await startMock();
  // BENCH_CPU_PROF=<folder>: node itself with tsx as a loader (--cpu-prof is refused in NODE_OPTIONS), writing a V8
  // CPU profile of the portal for the whole run into that folder when it stops (open it in Chrome's DevTools).
  const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
  const [command, args] = profileDir ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "tsx", "server.ts"]] : [bin("tsx"), ["server.ts"]];
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    detached: true, // its own process group, so stop() ends tsx and the node under it together
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      MOCKS: "true",
      ALLOW_MOCKS_IN_PRODUCTION: "true",
      PORT: String(PORT),
      MOCK_PORT: String(MOCK_PORT),
      FAGSYSTEM_URL: MOCK_URL,
      DATA_DIR,
      BUILD_DIR: buildDir,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pgid = child.pid;
  if (!pgid) {
    await mock.stop();
    throw new Error("could not start server.ts");
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let forget = () => {};
  const stopPortal = () => stopGroup(child, pgid, exited);

  const stop = async () => {
    forget();
    await stopPortal();
    await mock.stop();
  };
  forget = onInterrupt(stop);
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server.ts exited with ${child.exitCode}:\n${output}\n\nmock:\n${mock.log()}`);
      const response = await fetch(`${BASE_URL}/nb`).catch(() => null);
      if (response?.ok) break;
      if (Date.now() > deadline) throw new Error(`server.ts did not answer on ${BASE_URL}/nb within 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { pgid, log: () => output, stop };
}

/**
 * The processes of a process group (Linux /proc): each one's pid and the fields of its stat after the
 * command name "(...)": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ….
 * A process that ends while we look is left out.
 */
async function groupProcesses(pgid: number): Promise<{ pid: string; fields: string[] }[]> {
  const found: { pid: string; fields: string[] }[] = [];
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await fs.readFile(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) found.push({ pid: entry, fields });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Resident memory of every process in a process group, in MB (Linux /proc). */
export async function groupRssMb(pgid: number): Promise<number> {
  let kb = 0;
  for (const { pid } of await groupProcesses(pgid)) {
    try {
      const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (`getconf CLK_TCK`; 100 on Linux). */
let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * CPU time (user + system, every thread) the processes of a process group have used so far, in ms,
 * with the command line of each: the portal's group is the tsx launcher and the node process running
 * server.ts under it (the launcher only waits). The fagsystem mock has a group of its own and is not in it.
 */
export async function groupCpu(pgid: number): Promise<{ ms: number; processes: { pid: number; command: string; ms: number }[] }> {
  const processes: { pid: number; command: string; ms: number }[] = [];
  for (const { pid, fields } of await groupProcesses(pgid)) {
    try {
      const ticks = Number(fields[11]) + Number(fields[12]);
      const command = (await fs.readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean).join(" ");
      processes.push({ pid: Number(pid), command, ms: (ticks * 1000) / ticksPerSecond() });
    } catch {
      // the process ended while we looked
    }
  }
  return { ms: processes.reduce((sum, process) => sum + process.ms, 0), processes };
}

/* ---------- talking to the portal ---------- */

const PERSON_HEADER = "Nav-Personident";

/** Headers a same-origin form post from the portal's own page carries. */
export const sameOrigin = { Origin: BASE_URL, "Sec-Fetch-Site": "same-origin" };
const formType = { "Content-Type": "application/x-www-form-urlencoded" };

export interface Session {
  persona: Persona;
  fnr: string;
  /** The value for a Cookie header. */
  cookie: string;
}

let testUsers: { id: string; fnr: string }[] | undefined;

export async function fnrOf(persona: Persona): Promise<string> {
  testUsers ??= (await (await fetch(`${MOCK_URL}/mock/testbrukere`)).json()) as { id: string; fnr: string }[];
  const user = testUsers.find((candidate) => candidate.id === persona);
  if (!user) throw new Error(`no test user "${persona}" in the mock`);
  return user.fnr;
}

/** The session cookie (name=value) a login answered with. */
const sessionCookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("sosialhjelp-sesjon="));

/** Logs in through the mock test login form, as a person clicking "Logg inn" would. */
export async function login(persona: Persona): Promise<Session> {
  return { persona, ...(await loginFnr(await fnrOf(persona))) };
}

/** The same login for any person the mock knows (a synthetic one too). */
export async function loginFnr(fnr: string): Promise<{ fnr: string; cookie: string }> {
  const response = await fetch(`${BASE_URL}/nb/logg-inn`, {
    method: "POST",
    redirect: "manual",
    headers: { ...formType, ...sameOrigin },
    body: new URLSearchParams({ fnr, returnTo: "" }),
  });
  const cookie = sessionCookieOf(response);
  if (response.status !== 302 || !cookie) throw new Error(`login as ${fnr} failed: ${response.status}`);
  return { fnr, cookie };
}

/** Logs a contact-centre staff member (a mock staff user with the role "nks") in, as the staff login page posts it. */
export async function loginStaffMember(): Promise<{ navIdent: string; cookie: string }> {
  const users = (await (await fetch(`${MOCK_URL}/mock/nks-testbrukere`)).json()) as { navIdent: string; roles: string[] }[];
  const user = users.find((candidate) => candidate.roles.includes("nks"));
  if (!user) throw new Error("no staff test user with the role nks in the mock");
  const response = await fetch(`${BASE_URL}/nb/nks/logg-inn`, {
    method: "POST",
    redirect: "manual",
    headers: { ...formType, ...sameOrigin },
    body: new URLSearchParams({ navIdent: user.navIdent }),
  });
  const cookie = sessionCookieOf(response);
  if (response.status !== 302 || !cookie) throw new Error(`staff login as ${user.navIdent} failed: ${response.status}`);
  return { navIdent: user.navIdent, cookie };
}

/** One search as the search page posts it (the number in the body, audited); returns the person's page under its new lookup id. */
export async function staffLookup(staff: { cookie: string }, fnr: string): Promise<string> {
  const response = await fetch(`${BASE_URL}/nb/nks?index`, {
    method: "POST",
    redirect: "manual",
    headers: { ...formType, ...sameOrigin, Cookie: staff.cookie },
    body: new URLSearchParams({ fnr }),
  });
  const location = response.headers.get("Location") ?? "";
  if (response.status !== 303 || !/^\/nb\/nks\/person\/[\w-]{24}$/.test(location)) {
    throw new Error(`the staff search answered ${response.status} ${location} ${(await response.text()).slice(0, 300)}`);
  }
  return location;
}

export function get(session: Pick<Session, "cookie"> | undefined, pathname: string): Promise<Response> {
  return fetch(`${BASE_URL}${pathname}`, { redirect: "manual", headers: session ? { Cookie: session.cookie } : {} });
}

export function postForm(session: Session, pathname: string, body: string): Promise<Response> {
  return fetch(`${BASE_URL}${pathname}`, { method: "POST", redirect: "manual", headers: { ...formType, ...sameOrigin, Cookie: session.cookie }, body });
}

/** Starts a standard application through the real start form; returns the draft id. */
export async function startDraft(session: Session): Promise<string> {
  const response = await postForm(session, "/nb/soknad", "kind=standard");
  const location = response.headers.get("Location") ?? "";
  const draftId = /\/soknad\/([^/]+)\//.exec(location)?.[1];
  if (response.status !== 302 || !draftId) throw new Error(`starting a søknad failed: ${response.status} ${location}`);
  return draftId;
}

/**
 * Answers every step in order and sends; returns the receipt path. Steps come from the
 * redirects, so a step added to the flow is followed (it needs an answer in walkAnswers).
 */
export async function walkAndSend(session: Session, draftId: string, answers: Record<string, string>): Promise<string> {
  let pathname = `/nb/soknad/${draftId}/personalia`;
  for (let guard = 0; guard < 20; guard++) {
    if (pathname.endsWith("/kvittering")) return pathname;
    const step = pathname.split("/").at(-1) ?? "";
    let body = answers[step];
    if (body === undefined) throw new Error(`no answer for step "${step}" in walkAnswers`);
    if (step === "dokumentasjon") {
      const html = await (await get(session, pathname)).text();
      const names = new Set([...html.matchAll(/name="(doc\.[^"]+\.choice)"/g)].map((match) => match[1] ?? ""));
      body = [...names].map((name) => `${encodeURIComponent(name)}=senderSenere`).join("&");
    }
    const response = await postForm(session, pathname, body);
    const location = response.headers.get("Location");
    if (response.status !== 302 || !location) {
      throw new Error(`step ${step} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    pathname = new URL(location, BASE_URL).pathname;
  }
  throw new Error("the walk through the steps did not reach the receipt");
}

/** "Klag på vedtaket" as the decision page posts it; returns the complaint draft's id. */
export async function startKlage(session: Session, soknadId: string, vedtakId: string): Promise<string> {
  const response = await postForm(session, "/nb/klage", new URLSearchParams({ soknadId, vedtakId }).toString());
  const location = response.headers.get("Location") ?? "";
  const klageId = /\/klage\/([^/]+)\/vedtak$/.exec(location)?.[1];
  if (response.status !== 302 || !klageId) throw new Error(`starting a complaint failed: ${response.status} ${location} ${(await response.text()).slice(0, 300)}`);
  return klageId;
}

/** Answers every step of a complaint with "Neste steg" in order and sends it; returns the receipt path. */
export async function walkAndSendKlage(session: Session, klageId: string, answers: Record<string, string>): Promise<string> {
  let pathname = `/nb/klage/${klageId}/vedtak`;
  for (let guard = 0; guard < 10; guard++) {
    if (pathname.endsWith("/kvittering")) return pathname;
    const step = pathname.split("/").at(-1) ?? "";
    const body = answers[step];
    if (body === undefined) throw new Error(`no answer for complaint step "${step}"`);
    const response = await postForm(session, pathname, body ? `intent=next&${body}` : "intent=next");
    const location = response.headers.get("Location");
    if (response.status !== 302 || !location) throw new Error(`complaint step ${step} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    pathname = new URL(location, BASE_URL).pathname;
  }
  throw new Error("the walk through the complaint's steps did not reach the receipt");
}

/** The person's first søknad and its first vedtak letter, asked from the fagsystem mock. */
export async function firstSoknad(fnr: string): Promise<{ fiksDigisosId: string | null; letterId: string | null }> {
  const list = (await (await fetch(`${MOCK_URL}/api/v1/soknader`, { headers: { [PERSON_HEADER]: fnr } })).json()) as { fiksDigisosId: string }[];
  const fiksDigisosId = list[0]?.fiksDigisosId ?? null;
  if (!fiksDigisosId) return { fiksDigisosId: null, letterId: null };
  const document = (await (
    await fetch(`${MOCK_URL}/api/v1/soknader/${encodeURIComponent(fiksDigisosId)}/innsyn`, { headers: { [PERSON_HEADER]: fnr } })
  ).json()) as { hendelser: { type: string; vedtaksfil?: { referanse?: { id?: string } } }[] };
  const vedtak = document.hendelser.find((hendelse) => hendelse.type === "vedtakFattet");
  return { fiksDigisosId, letterId: vedtak?.vedtaksfil?.referanse?.id ?? null };
}

/** Stops a detached child's process group: SIGTERM, then SIGKILL if it is still there after 5 s. */
async function stopGroup(child: ChildProcess, pgid: number, exited: Promise<void>): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      return;
    }
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
    if (!stopped) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }
}

/** The person's conversation about their søknad that holds the most messages, from the fagsystem mock. */
export async function conversationWithMessages(fnr: string): Promise<string | null> {
  const list = (await (await fetch(`${MOCK_URL}/api/v1/samtaler`, { headers: { [PERSON_HEADER]: fnr } })).json()) as { samtaleId: string; antallMeldinger: number }[];
  const fullest = [...list].sort((a, b) => b.antallMeldinger - a.antallMeldinger)[0];
  return fullest && fullest.antallMeldinger > 0 ? fullest.samtaleId : null;
}

/**
 * A synthetic person of the mock's, logged in, whose general conversation the caseworker
 * simulator has filled with `messages` messages (person and office by turns, all read).
 */
export async function personWithConversation(messages: number): Promise<{ session: { fnr: string; cookie: string }; samtaleId: string }> {
  const made = await fetch(`${MOCK_URL}/mock/syntetiske-personer`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ antall: 1 }) });
  if (made.status !== 201) throw new Error(`the mock made no synthetic person: ${made.status} ${await made.text()}`);
  const person = ((await made.json()) as { fnr: string }[])[0];
  if (!person) throw new Error("the mock made no synthetic person");
  const list = (await (await fetch(`${MOCK_URL}/api/v1/samtaler`, { headers: { [PERSON_HEADER]: person.fnr } })).json()) as { samtaleId: string; fiksDigisosId: string | null }[];
  const general = list.find((samtale) => samtale.fiksDigisosId === null);
  if (!general) throw new Error("the synthetic person has no general conversation");
  const filled = await fetch(`${MOCK_URL}/mock/fagsystem/api/samtaler/${general.samtaleId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action: "fyll", antall: messages }),
  });
  if (filled.status !== 201) throw new Error(`filling the conversation with ${messages} messages failed: ${filled.status} ${await filled.text()}`);
  return { session: await loginFnr(person.fnr), samtaleId: general.samtaleId };
}
