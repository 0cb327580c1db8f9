/**
 * Bounded request bodies (docs/decisions/021), measured on a real process: eight parallel 100 MB
 * posts, four with a Content-Length and four chunked, to an anonymous route (logout) and then to a
 * step of the søknad (three rounds each), while a logged-in person loads other pages. Every post
 * is refused with 413, the process's memory (VmRSS in /proc/<pid>/status) stays within 50 MB of
 * where it started, and the other pages' p95 stays under 100 ms. The posting client stops sending
 * when the answer comes, as curl and browsers do; the figures are printed.
 *
 * The same pages are also timed while the same number of ordinary requests (the login page and the
 * step page, eight at a time) are served. When the pages' p95 without any of it is already over
 * 50 ms, the machine is too busy for an absolute figure (other work on the same two cores): the
 * p95 during the posts must then stay within 1.5 times the p95 during the ordinary requests (plus
 * 20 ms), i.e. a flood of 100 MB posts costs others no more than as many ordinary visitors. The
 * output says which bound was used.
 */
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, testUser } from "./client";
import { portsFor, startPortal, stopAll, tempDir, type Proc } from "./harness";

const port = portsFor(4);
const MOCK = `http://127.0.0.1:${port(1)}`;
const MB = 1024 * 1024;
const POST_BYTES = 100 * MB;
const PARALLEL = 8;
const ROUNDS = 3;

const work = tempDir("request-bodies");
let portal: Proc | undefined;

beforeAll(async () => {
  portal = await startPortal({ port: port(0), mockPort: port(1), dataDir: `${work.dir}/data` });
});

afterAll(async () => {
  await stopAll(portal);
  work.cleanup();
});

function rssMb(pid: number): number {
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return kb / 1024;
}

type Outcome = { status: number | null; sentMb: number; ms: number; error?: string };

/** One post of `POST_BYTES` bytes of form data, sent in 64 kB pieces until the answer comes. */
function bigPost(url: string, options: { chunked: boolean; cookie?: string }): Promise<Outcome> {
  const target = new URL(url);
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: target.origin,
    "Sec-Fetch-Site": "same-origin",
    Connection: "close",
  };
  if (!options.chunked) headers["Content-Length"] = String(POST_BYTES);
  if (options.cookie) headers.Cookie = options.cookie;
  const piece = Buffer.from(`a=${"b".repeat(64 * 1024 - 3)}&`);
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers });
    let sent = 0;
    let answered = false;
    const done = (outcome: Omit<Outcome, "sentMb" | "ms">) => resolve({ ...outcome, sentMb: sent / MB, ms: performance.now() - started });
    request.on("response", (response) => {
      answered = true;
      response.resume();
      response.on("end", () => {
        request.destroy();
        done({ status: response.statusCode ?? null });
      });
    });
    request.on("error", (error) => {
      if (!answered) done({ status: null, error: error.message });
    });
    const write = () => {
      while (!answered && sent < POST_BYTES) {
        const next = piece.subarray(0, Math.min(piece.length, POST_BYTES - sent));
        sent += next.length;
        if (!request.write(next)) return void request.once("drain", write);
      }
      if (!answered) request.end();
    };
    write();
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

describe("eight parallel 100 MB posts, to logout and to a step", () => {
  // Tried again on failure: it measures a shared two-core machine under load (see the closing note of issue 24).
  it("are all refused with 413, the memory stays within 50 MB, and other pages stay fast", { retry: 2 }, async () => {
    const pid = portal!.pid;
    // The person who posts to a step, and another who reads pages meanwhile.
    const poster = new Browser(portal!.url);
    await poster.login((await testUser(MOCK, "forstegang")).fnr);
    const draftId = await poster.startDraft();
    const stepUrl = `${portal!.url}/nb/soknad/${draftId}/behov`;
    const cookie = [...poster.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const reader = new Browser(portal!.url);
    await reader.login((await testUser(MOCK, "aleneforelder")).fnr);
    const readerDraft = await reader.startDraft();
    const pages = ["/nb", "/nb/mine-soknader", `/nb/soknad/${readerDraft}/behov`, "/nb/utbetalinger"];

    // Warm-up outside the measurement: every page, and a refusal of each kind of post.
    for (let round = 0; round < 5; round++) for (const path of pages) await reader.page(path);
    for (const url of [`${portal!.url}/nb/logg-ut`, stepUrl]) {
      for (const chunked of [false, true]) expect((await bigPost(url, { chunked, cookie })).status).toBe(413);
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));

    /** Two readers load the pages in turn until `running()` says stop; the load times. */
    const readPages = async (running: () => boolean) => {
      const timings: number[] = [];
      const one = async () => {
        for (let index = 0; running(); index++) {
          const started = performance.now();
          await reader.page(pages[index % pages.length]!);
          timings.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await Promise.all([one(), one()]);
      return [...timings].sort((a, b) => a - b);
    };
    const quiet = await readPages(((until) => () => performance.now() < until)(performance.now() + 4000));

    // As many ordinary requests, in the same rounds, for comparison.
    let ordinaryRunning = true;
    const ordinaryReading = readPages(() => ordinaryRunning);
    const visitor = new Browser(portal!.url);
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(Array.from({ length: PARALLEL }, () => visitor.page("/nb/logg-inn")));
      await Promise.all(Array.from({ length: PARALLEL }, () => poster.page(`/nb/soknad/${draftId}/behov`)));
    }
    ordinaryRunning = false;
    const ordinary = await ordinaryReading;

    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
    let flooding = true;
    const reading = readPages(() => flooding);
    const rounds: Array<{ label: string; outcomes: Outcome[] }> = [];
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, url] of [
        ["logout (anonymous)", `${portal!.url}/nb/logg-ut`],
        ["step (logged in)", stepUrl],
      ] as const) {
        const outcomes = await Promise.all(
          Array.from({ length: PARALLEL }, (_, index) => bigPost(url, { chunked: index % 2 === 1, cookie: label.startsWith("step") ? cookie : undefined })),
        );
        rounds.push({ label: `${label}, round ${round + 1}`, outcomes });
      }
    }
    const floodSeconds = (performance.now() - started) / 1000;
    flooding = false;
    const sorted = await reading;
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = rssMb(pid);

    const p50 = quantile(sorted, 0.5);
    const p95 = quantile(sorted, 0.95);
    const quietP95 = quantile(quiet, 0.95);
    const ordinaryP95 = quantile(ordinary, 0.95);
    const busy = quietP95 > 50;
    const p95Budget = busy ? 1.5 * ordinaryP95 + 20 : 100;
    console.log(
      [
        "",
        `[request-bodies] ${ROUNDS} rounds of ${PARALLEL} parallel posts of ${POST_BYTES / MB} MB (half chunked) to logout and to a step, in ${floodSeconds.toFixed(1)} s`,
        ...rounds.map(
          ({ label, outcomes }) =>
            `[request-bodies] ${label}: statuses ${outcomes.map((outcome) => outcome.status ?? outcome.error).join(" ")}; sent before the answer ${outcomes.map((outcome) => outcome.sentMb.toFixed(1)).join(" ")} MB; answered in ${outcomes.map((outcome) => outcome.ms.toFixed(0)).join(" ")} ms`,
        ),
        `[request-bodies] portal RSS: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at most, ${after.toFixed(0)} MB after (growth at most ${(peak - before).toFixed(1)} MB)`,
        `[request-bodies] other pages without the posts: ${quiet.length} loads, p50 ${quantile(quiet, 0.5).toFixed(0)} ms, p95 ${quietP95.toFixed(0)} ms`,
        `[request-bodies] other pages during as many ordinary requests: ${ordinary.length} loads, p50 ${quantile(ordinary, 0.5).toFixed(0)} ms, p95 ${ordinaryP95.toFixed(0)} ms`,
        `[request-bodies] other pages during the posts: ${sorted.length} loads, p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
        busy
          ? `[request-bodies] the machine is busy (p95 ${quietP95.toFixed(0)} ms with nothing else): p95 budget ${p95Budget.toFixed(0)} ms (1.5 × the ordinary requests' + 20) instead of 100 ms`
          : "[request-bodies] p95 budget 100 ms",
        "",
      ].join("\n"),
    );

    for (const { label, outcomes } of rounds) expect(outcomes.map((outcome) => outcome.status), label).toEqual(Array.from({ length: PARALLEL }, () => 413));
    expect(peak - before, "RSS growth during the posts (MB)").toBeLessThanOrEqual(50);
    expect(after - before, "RSS growth after the posts (MB)").toBeLessThanOrEqual(50);
    expect(sorted.length, "pages loaded during the posts").toBeGreaterThanOrEqual(10);
    expect(p95, "p95 of other pages during the posts (ms)").toBeLessThan(p95Budget);
    // Still serving, and nothing was changed by the refused posts: the poster is logged in.
    expect((await poster.get("/nb/mine-soknader")).status).toBe(200);
  });
});
