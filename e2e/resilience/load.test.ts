/**
 * Load: a hundred applicants, each a distinct synthetic person (two søknader a day per person
 * stays the rule), log in and complete a whole standard application at the same time against
 * one portal process on PGlite. Every answer must be what a browser expects (pages 200, posts
 * 302; no 5xx, nothing else), and all hundred søknader must be in the fagsystem. The response
 * times per step are printed as a table (p50, p95, max): figures to watch, not a budget, since
 * they depend on what else the machine is doing. The fagsystem mock runs in its own process
 * (FAGSYSTEM_URL), so the figures are the portal's.
 *
 * Like people, the applicants arrive over the first ARRIVAL_MS and spend a moment on each page
 * before they post it (THINK_MS on average, half to one and a half times that). Without the pause
 * (RESILIENCE_THINK_MS=0) a hundred clients post as fast as the portal answers, three times what
 * one process serves on two cores: see docs/decisions/015-resilience-suite.md for what then breaks.
 *
 * RESILIENCE_APPLICANTS (default 100), RESILIENCE_THINK_MS (default 3000) and
 * RESILIENCE_ARRIVAL_MS (default 10000) change the load.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, completeStep, Recorder, soknaderOf, STANDARD_STEPS, testUser, textOf, UnexpectedReply, type TestUser } from "./client";
import { portsFor, startMock, startPortal, stopAll, tempDir, type Proc } from "./harness";

const APPLICANTS = Number(process.env.RESILIENCE_APPLICANTS ?? 100);
const THINK_MS = Number(process.env.RESILIENCE_THINK_MS ?? 3000);
const ARRIVAL_MS = Number(process.env.RESILIENCE_ARRIVAL_MS ?? 10_000);
/** The whole run must finish within this, or the test fails (a few minutes on two busy cores). */
const BUDGET_MS = 240_000;

const port = portsFor(3);
const work = tempDir("load");
let mock: Proc | undefined;
let portal: Proc | undefined;
let applicants: TestUser[] = [];

beforeAll(async () => {
  mock = await startMock({ port: port(0), dataDir: `${work.dir}/mock` });
  portal = await startPortal({ port: port(1), fagsystemUrl: mock.url, dataDir: `${work.dir}/portal` });
  const response = await fetch(`${mock.url}/mock/syntetiske-personer`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ antall: APPLICANTS }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  applicants = (await response.json()) as TestUser[];
  // Warm-up outside the measurement: the first store access creates the PGlite database and migrates it.
  const warmUp = new Browser(portal.url);
  await warmUp.login((await testUser(mock.url, "forstegang")).fnr);
  await warmUp.startDraft();
});

afterAll(async () => {
  await stopAll(portal, mock);
  work.cleanup();
});

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function table(recorder: Recorder): string {
  const rows = [...recorder.timings].map(([label, values]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return [label, String(sorted.length), ...[0.5, 0.95].map((q) => quantile(sorted, q).toFixed(0)), sorted.at(-1)!.toFixed(0)];
  });
  const header = ["step", "requests", "p50 ms", "p95 ms", "max ms"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((width, column) => (column === 0 ? "-" : "").padEnd(width + 1, "-") + (column === 0 ? "-" : ":")).join("|")}|`, ...rows.map(line)].join("\n");
}

describe(`${APPLICANTS} applicants at once against one portal process (PGlite)`, () => {
  it("every one completes a whole application without a single error, and every søknad reaches the fagsystem", async () => {
    expect(applicants).toHaveLength(APPLICANTS);
    const recorder = new Recorder();
    const failures: string[] = [];
    const receipts = new Map<string, string>();

    const think = () => new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
    const journey = async (person: TestUser, index: number) => {
      await new Promise((resolve) => setTimeout(resolve, (ARRIVAL_MS * index) / APPLICANTS));
      const browser = new Browser(portal!.url, new Map(), recorder);
      const marker = `last-${index + 1}`;
      await browser.page("/nb", "front page GET");
      await think();
      await browser.login(person.fnr, "nb", true);
      await think();
      const draftId = await browser.startDraft("nb", true);
      let page = await browser.page(`/nb/soknad/${draftId}/personalia`, "personalia GET");
      for (const step of STANDARD_STEPS) {
        await think();
        page = await completeStep(browser, draftId, step, page, marker, "nb", true);
      }
      if (page.path !== `/nb/soknad/${draftId}/kvittering`) throw new UnexpectedReply(page, "the receipt");
      receipts.set(person.fnr, textOf(page.html));
    };

    const started = performance.now();
    await Promise.all(
      applicants.map((person, index) =>
        journey(person, index).catch((error: unknown) => {
          failures.push(`${person.id}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const requests = [...recorder.statuses.values()].reduce((sum, count) => sum + count, 0);

    console.log(
      [
        "",
        `[load] ${APPLICANTS} applicants in parallel (arriving over ${ARRIVAL_MS / 1000} s, about ${THINK_MS / 1000} s on each page), one portal process (PGlite), fagsystem mock in its own process`,
        `[load] ${requests} requests in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(1)} per second); statuses ${JSON.stringify(Object.fromEntries(recorder.statuses))}; ${failures.length} failed journeys`,
        table(recorder),
        "",
      ].join("\n"),
    );
    if (portal!.output().match(/Error|error/)) console.log(`[load] portal log (last 3000 characters):\n${portal!.output().slice(-3000)}`);

    expect(failures, failures.slice(0, 5).join("\n")).toEqual([]);
    expect([...recorder.statuses.keys()].sort()).toEqual([200, 302]);
    expect(seconds * 1000).toBeLessThan(BUDGET_MS);

    // Each person has exactly one søknad in the fagsystem, and its receipt names it.
    const sent = await Promise.all(applicants.map((person) => soknaderOf(mock!.url, person.fnr)));
    expect(sent.map((list) => list.length)).toEqual(applicants.map(() => 1));
    applicants.forEach((person, index) => expect(receipts.get(person.fnr)).toContain(sent[index]![0]!.fiksDigisosId));
  });
});
