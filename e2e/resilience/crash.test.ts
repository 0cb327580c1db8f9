/**
 * Crash safety: the portal is killed with SIGKILL (no shutdown code runs) in the middle of an
 * application, right after an upload, while writes are streaming in, and in the middle of a
 * complaint (klage); it is started again
 * on the same DATA_DIR (PGlite, and the in-process fagsystem mock's files), and nothing a
 * person was told was saved is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankStatement } from "../../app/vedlegg/fixtures.test-support";
import {
  Browser,
  checkedValues,
  completeStep,
  expectRedirect,
  expectStatus,
  fillUntil,
  klagerOf,
  refusedSoknad,
  soknaderOf,
  startKlage,
  testUser,
  textOf,
  valueOf,
  type TestUser,
} from "./client";
import { portsFor, startPortal, stopAll, tempDir, type Proc } from "./harness";

const port = portsFor(0);
const PORTAL_PORT = port(0);
const MOCK_PORT = port(1);
const MOCK = `http://127.0.0.1:${MOCK_PORT}`;

const work = tempDir("crash");
const dataDir = `${work.dir}/data`;
let portal: Proc | undefined;

const start = () => startPortal({ port: PORTAL_PORT, mockPort: MOCK_PORT, dataDir });
async function crashAndRestart(): Promise<void> {
  await portal!.kill("SIGKILL");
  expect(portal!.exited).toBe(true);
  portal = await start();
}

beforeAll(async () => {
  portal = await start();
});

afterAll(async () => {
  await stopAll(portal);
  work.cleanup();
});

describe("SIGKILL and a restart on the same DATA_DIR (PGlite)", () => {
  let person: TestUser;
  let draftId: string;
  const marker = "krasj-1";

  it("in the middle of an application: the person logs in again and finds every answer where they left it", async () => {
    person = await testUser(MOCK, "forstegang");
    const before = new Browser(portal!.url);
    await before.login(person.fnr);
    draftId = await before.startDraft();
    // Om deg, behov and arbeid are posted; the person is on familie when the server dies.
    const familie = await fillUntil(before, draftId, "familie", marker);
    expect(familie.path).toBe(`/nb/soknad/${draftId}/familie`);

    await crashAndRestart();

    // The session is in the store too, so the old cookie still works after the restart …
    const resumed = expectRedirect(await before.get(`/nb/soknad/${draftId}`), new RegExp(`/nb/soknad/${draftId}/familie$`));
    expect(resumed.location).toContain("familie");
    // … and a new login (another device, or the next morning) finds the draft on the front page.
    const again = new Browser(portal!.url);
    await again.login(person.fnr);
    const front = await again.page("/nb");
    expect(front.html).toContain(`href="/nb/soknad/${draftId}"`);
    expectRedirect(await again.get(`/nb/soknad/${draftId}`), new RegExp(`/nb/soknad/${draftId}/familie$`));

    const personalia = await again.page(`/nb/soknad/${draftId}/personalia`);
    expect(checkedValues(personalia.html, "addressChoice")).toEqual(["folkeregistrert"]);
    expect(valueOf(personalia.html, "phone")).toBe("+4741234501");
    const behov = await again.page(`/nb/soknad/${draftId}/behov`);
    expect(checkedValues(behov.html, "categories")).toEqual(["livsopphold", "husleie"]);
    expect(valueOf(behov.html, "details")).toBe(`Behov ${marker}: jobben tok slutt.`);
    const arbeid = await again.page(`/nb/soknad/${draftId}/arbeid`);
    expect(checkedValues(arbeid.html, "student")).toEqual(["nei"]);
    expect(valueOf(arbeid.html, "employmentComment")).toBe(`Arbeid ${marker}: kafeen stengte.`);
  });

  it("right after an upload in the documentation step: the file and the choice are there after the restart, and the søknad is sent with it", async () => {
    expect(draftId, "the first test made the draft").toBeTruthy();
    const browser = new Browser(portal!.url);
    await browser.login(person.fnr);
    // From familie (where the crash left the person) to dokumentasjon.
    let page = await browser.page(`/nb/soknad/${draftId}/familie`);
    for (const step of ["familie", "bosituasjon", "inntekt", "utgifter"] as const) page = await completeStep(browser, draftId, step, page, marker);
    expect(page.path).toBe(`/nb/soknad/${draftId}/dokumentasjon`);

    // The upload as the page posts it without JavaScript: the step's fields, the file, and which button.
    const form = new FormData();
    form.set("intent", "last-opp:skattemelding");
    form.set("doc.husleiekontrakt.choice", "levertTidligere");
    form.set("filer.skattemelding", new Blob([Buffer.from(await bankStatement(2))], { type: "application/pdf" }), "skattemelding-krasj.pdf");
    const uploaded = expectStatus(await browser.post(`/nb/soknad/${draftId}/dokumentasjon`, form), 200);
    expect(textOf(uploaded.html)).toContain("skattemelding-krasj.pdf");

    // Killed the moment the answer arrived.
    await crashAndRestart();

    const again = new Browser(portal!.url);
    await again.login(person.fnr);
    const documentation = await again.page(`/nb/soknad/${draftId}/dokumentasjon`);
    expect(textOf(documentation.html)).toContain("skattemelding-krasj.pdf");
    expect(checkedValues(documentation.html, "doc.skattemelding.choice")).toEqual(["lasterOppNa"]);
    expect(checkedValues(documentation.html, "doc.husleiekontrakt.choice")).toEqual(["levertTidligere"]);

    const summary = await completeStep(again, draftId, "dokumentasjon", documentation, marker);
    expect(summary.path).toBe(`/nb/soknad/${draftId}/oppsummering`);
    const text = textOf(summary.html);
    for (const answer of [`Behov ${marker}: jobben tok slutt.`, `Arbeid ${marker}: kafeen stengte.`, "Leier privat", "Skattemelding: Lastet opp", "Husleiekontrakt: Levert til NAV tidligere"]) {
      expect(text).toContain(answer);
    }

    const sentBefore = await soknaderOf(MOCK, person.fnr);
    const receipt = await completeStep(again, draftId, "oppsummering", summary, marker);
    expect(receipt.path).toBe(`/nb/soknad/${draftId}/kvittering`);
    const sent = (await soknaderOf(MOCK, person.fnr)).filter((soknad) => !sentBefore.some((earlier) => earlier.fiksDigisosId === soknad.fiksDigisosId));
    expect(sent).toHaveLength(1);
    expect(textOf(receipt.html)).toContain(sent[0]!.fiksDigisosId);
    // The uploaded document is not among those still to be sent.
    const missing = /Dokumenter du må sende([\s\S]*?)Hva skjer nå/.exec(textOf(receipt.html))?.[1] ?? "";
    expect(missing).not.toContain("Skattemelding");
    expect(missing).toContain("Vedtak om bostøtte");
  });

  it("while writes stream in: the store opens again uncorrupted, and every write that was answered is there (three kills)", async () => {
    const person = await testUser(MOCK, "under-behandling");
    for (let round = 1; round <= 3; round++) {
      const browser = new Browser(portal!.url);
      await browser.login(person.fnr);
      const drafts = await Promise.all([1, 2, 3].map(() => browser.startDraft()));
      const acknowledged = new Map<string, number>(drafts.map((id) => [id, 0]));
      let stop = false;
      // One stream of autosaves per draft, each waiting for its answer before the next (as a browser does).
      const streams = drafts.map(async (id) => {
        for (let n = 1; !stop; n++) {
          try {
            const reply = await browser.post(`/nb/soknad/${id}/behov`, { intent: "autosave", categories: "livsopphold", details: `runde ${round} lagring ${n}` });
            if (reply.status === 200) acknowledged.set(id, n);
            else throw new Error(`autosave answered ${reply.status}`);
          } catch (error) {
            if (stop) return; // the connection died with the server
            throw error;
          }
        }
      });
      // Every stream under way (a busy machine may take a while), then a different moment each round.
      for (let waited = 0; [...acknowledged.values()].some((count) => count < 2) && waited < 60_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 300 + round * 400));
      stop = true;
      await portal!.kill("SIGKILL");
      await Promise.all(streams);
      for (const count of acknowledged.values()) expect(count, "some autosaves were answered before the kill").toBeGreaterThan(0);
      console.log(`[crash] round ${round}: SIGKILL after ${[...acknowledged.values()].join(" + ")} answered autosaves`);
      portal = await start(); // fails here if PGlite cannot open its data after the kill

      const after = new Browser(portal.url);
      await after.login(person.fnr);
      for (const [id, count] of acknowledged) {
        const behov = await after.page(`/nb/soknad/${id}/behov`);
        const saved = /^runde (\d+) lagring (\d+)$/.exec(valueOf(behov.html, "details") ?? "");
        expect(saved, `draft ${id} kept its details`).not.toBeNull();
        expect(Number(saved![1])).toBe(round);
        // The answered one, or one that was written but whose answer the kill cut off.
        expect(Number(saved![2])).toBeGreaterThanOrEqual(count);
        expect(Number(saved![2])).toBeLessThanOrEqual(count + 1);
      }
      // And the store takes new writes: a new draft, saved and read back.
      const fresh = await after.startDraft();
      expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("SIGKILL in the middle of a complaint (klage), and a restart on the same DATA_DIR", () => {
  it("the draft is there with the chosen decision, the autosaved text and the uploaded file, and sending gives one complaint with them", async () => {
    const person = await testUser(MOCK, "avslag");
    const { soknadId, vedtakId } = await refusedSoknad(MOCK, "avslag");
    const before = new Browser(portal!.url);
    await before.login(person.fnr);
    const klageId = await startKlage(before, soknadId, vedtakId);
    const base = `/nb/klage/${klageId}`;

    // Step 1 saved with "Neste steg"; a first version of the text too, then a file on step 3.
    await before.page(`${base}/vedtak`);
    expectRedirect(await before.post(`${base}/vedtak`, { intent: "next", vedtakIds: vedtakId }), new RegExp(`${base}/begrunnelse$`));
    expectRedirect(await before.post(`${base}/begrunnelse`, { intent: "next", tekst: "Første utkast." }), new RegExp(`${base}/vedlegg$`));
    const form = new FormData();
    form.set("intent", "last-opp:klage");
    form.set("filer.klage", new Blob([Buffer.from(await bankStatement(1))], { type: "application/pdf" }), "kontoutskrift-klage.pdf");
    const uploaded = expectStatus(await before.post(`${base}/vedlegg`, form), 200);
    expect(textOf(uploaded.html)).toContain("kontoutskrift-klage.pdf");
    // Back to the text, where the page saves what is typed as it goes (autosave, no "Neste steg").
    expectRedirect(await before.post(`${base}/vedlegg`, { intent: "back" }), new RegExp(`${base}/begrunnelse$`));
    const words = "Jeg mistet jobben i oktober.\nLønnen kom ikke i november, så jeg har ikke penger til husleien.";
    expectStatus(await before.post(`${base}/begrunnelse`, { intent: "autosave", tekst: words }), 200);

    // Killed the moment the autosave was answered.
    await crashAndRestart();

    // The old session still holds, and a new login finds the draft on the front page, at the text.
    expect((await before.page(`${base}/begrunnelse`)).status).toBe(200);
    const again = new Browser(portal!.url);
    await again.login(person.fnr);
    const front = await again.page("/nb");
    expect(front.html).toContain(`href="${base}/begrunnelse"`);

    const vedtak = await again.page(`${base}/vedtak`);
    expect(checkedValues(vedtak.html, "vedtakIds")).toEqual([vedtakId]);
    const begrunnelse = await again.page(`${base}/begrunnelse`);
    expect(valueOf(begrunnelse.html, "tekst")).toBe(words);
    const vedlegg = await again.page(`${base}/vedlegg`);
    expect(textOf(vedlegg.html)).toContain("kontoutskrift-klage.pdf");
    const summary = await again.page(`${base}/oppsummering`);
    expect(textOf(summary.html)).toContain("Lønnen kom ikke i november");
    expect(textOf(summary.html)).toContain("kontoutskrift-klage.pdf");

    expect(await klagerOf(MOCK, person.fnr)).toEqual([]);
    const receipt = await again.postAndFollow(`${base}/oppsummering`, { intent: "next" });
    expect(receipt.path).toBe(`${base}/kvittering`);
    expect(textOf(receipt.html)).toContain(klageId);
    const klager = await klagerOf(MOCK, person.fnr);
    expect(klager).toHaveLength(1);
    expect(klager[0]).toMatchObject({ klageId, fiksDigisosId: soknadId, vedtakIds: [vedtakId], tekst: words, forSentBegrunnelse: null });
    expect(klager[0]!.filer.map((file) => file.filnavn)).toEqual(["kontoutskrift-klage.pdf"]);
    // Sent: the steps lead to the receipt, and the front page no longer offers the draft.
    expectRedirect(await again.get(`${base}/oppsummering`), new RegExp(`${base}/kvittering$`));
    expect((await again.page("/nb")).html).not.toContain(`href="${base}/`);
  });
});
