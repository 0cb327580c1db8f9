/**
 * Exactly once on PGlite: twenty "Send" posts of one completed draft at the same moment (double
 * clicks, tabs, retries) give one søknad in the fagsystem, and every answer is the receipt or a
 * page that says what happened, never a server error. The same across two processes on
 * PostgreSQL is in scale-out.test.ts. And twenty "Send klagen" of one complaint draft give one
 * complaint, every answer the receipt.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Browser,
  expectRedirect,
  fillUntil,
  klagerOf,
  refusedSoknad,
  sendInParallel,
  sendKlageInParallel,
  sendOutcome,
  soknaderOf,
  startKlage,
  tally,
  testUser,
  textOf,
} from "./client";
import { portsFor, startPortal, stopAll, tempDir, type Proc } from "./harness";

const port = portsFor(2);
const MOCK = `http://127.0.0.1:${port(1)}`;
const work = tempDir("exactly-once");
let portal: Proc | undefined;

beforeAll(async () => {
  portal = await startPortal({ port: port(0), mockPort: port(1), dataDir: `${work.dir}/data` });
});

afterAll(async () => {
  await stopAll(portal);
  work.cleanup();
});

/** Twenty sends of a draft filled in up to its summary; returns what the fagsystem got and how the posts were answered. */
async function twentySends(browser: Browser, fnr: string, marker: string) {
  const draftId = await browser.startDraft();
  await fillUntil(browser, draftId, "oppsummering", marker);
  const before = await soknaderOf(MOCK, fnr);
  const replies = await sendInParallel([browser], draftId, 20);
  const receiptPath = `/nb/soknad/${draftId}/kvittering`;
  const outcomes = replies.map((reply) => sendOutcome(reply, receiptPath));
  const fresh = (await soknaderOf(MOCK, fnr)).filter((soknad) => !before.some((earlier) => earlier.fiksDigisosId === soknad.fiksDigisosId));
  return { draftId, replies, outcomes, fresh, receiptPath };
}

describe("twenty parallel sends on PGlite (one process)", () => {
  it("give exactly one søknad, and every answer is the receipt or a clear page", async () => {
    const person = await testUser(MOCK, "innvilget");
    const browser = new Browser(portal!.url);
    await browser.login(person.fnr);
    const { fresh, outcomes, replies, receiptPath } = await twentySends(browser, person.fnr, "once-1");
    console.log(`[exactly-once] PGlite, first søknad of the day: ${JSON.stringify(tally(outcomes))}`);
    expect(fresh).toHaveLength(1);
    expect(replies.map((reply) => reply.status).filter((status) => status >= 500)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome !== "receipt" && outcome !== "clear page")).toEqual([]);
    // The first send that got through is answered with the receipt, and the receipt shows the one søknad.
    expect(outcomes).toContain("receipt");
    const receipt = await browser.page(receiptPath);
    expect(textOf(receipt.html)).toContain(fresh[0]!.fiksDigisosId);
  });

  it("give exactly one søknad also when it is the person's second of the day (the daily limit is reached by the sends themselves)", async () => {
    // innvilget sent one above: this is the second and last allowed today.
    const person = await testUser(MOCK, "innvilget");
    const browser = new Browser(portal!.url);
    await browser.login(person.fnr);
    const { fresh, outcomes, replies, receiptPath } = await twentySends(browser, person.fnr, "once-2");
    console.log(`[exactly-once] PGlite, second søknad of the day: ${JSON.stringify(tally(outcomes))}`);
    expect(fresh).toHaveLength(1);
    expect(replies.map((reply) => reply.status).filter((status) => status >= 500)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome !== "receipt" && outcome !== "clear page")).toEqual([]);
    const receipt = await browser.page(receiptPath);
    expect(textOf(receipt.html)).toContain(fresh[0]!.fiksDigisosId);
  });
});

describe("twenty parallel sends of one complaint (klage) on PGlite", () => {
  it("give exactly one complaint, every answer is the receipt, and the draft is marked sent", async () => {
    const person = await testUser(MOCK, "avslag");
    const { soknadId, vedtakId } = await refusedSoknad(MOCK, "avslag");
    const browser = new Browser(portal!.url);
    await browser.login(person.fnr);
    const klageId = await startKlage(browser, soknadId, vedtakId);
    const base = `/nb/klage/${klageId}`;
    expectRedirect(await browser.post(`${base}/vedtak`, { intent: "next", vedtakIds: vedtakId }), new RegExp(`${base}/begrunnelse$`));
    expectRedirect(await browser.post(`${base}/begrunnelse`, { intent: "next", tekst: "Vedtaket bygger på feil inntekt." }), new RegExp(`${base}/vedlegg$`));
    expectRedirect(await browser.post(`${base}/vedlegg`, { intent: "next" }), new RegExp(`${base}/oppsummering$`));
    await browser.page(`${base}/oppsummering`);
    expect(await klagerOf(MOCK, person.fnr)).toEqual([]);

    const replies = await sendKlageInParallel([browser], klageId, 20);
    const receiptPath = `${base}/kvittering`;
    const outcomes = replies.map((reply) => sendOutcome(reply, receiptPath));
    console.log(`[exactly-once] klage on PGlite: ${JSON.stringify(tally(outcomes))}, statuses ${JSON.stringify(statusCounts(replies.map((reply) => reply.status)))}`);

    const klager = await klagerOf(MOCK, person.fnr);
    expect(klager.map((klage) => klage.klageId)).toEqual([klageId]);
    expect(klager[0]).toMatchObject({ fiksDigisosId: soknadId, vedtakIds: [vedtakId], tekst: "Vedtaket bygger på feil inntekt." });
    expect(replies.map((reply) => reply.status).filter((status) => status >= 500)).toEqual([]);
    // Every one of the twenty is sent to the receipt: none of them sees an error or the form again.
    expect(outcomes).toEqual(Array.from({ length: 20 }, () => "receipt"));

    // Marked sent: the receipt shows the complaint, its steps lead there, and the front page no longer offers it.
    const receipt = await browser.page(receiptPath);
    expect(textOf(receipt.html)).toContain(klageId);
    for (const step of ["vedtak", "begrunnelse", "vedlegg", "oppsummering"]) expectRedirect(await browser.get(`${base}/${step}`), new RegExp(`${receiptPath}$`));
    expect((await browser.page("/nb")).html).not.toContain(`href="${base}/`);
    // A twenty-first, later: still the receipt, still one complaint.
    expectRedirect(await browser.post(`${base}/oppsummering`, { intent: "next" }), new RegExp(`${receiptPath}$`));
    expect(await klagerOf(MOCK, person.fnr)).toHaveLength(1);
  });
});

/** How many answers had each status. */
function statusCounts(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
