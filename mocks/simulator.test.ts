import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { digisosSokerSchema, errorBodySchema, hendelseSchemas, paths, sendSoknadResponseSchema, type Hendelse } from "../app/fagsystem/contract";
import { placeholderPdf } from "./pdf";
import { proxyTo } from "./proxy";
import { endOfDayOslo, osloDate } from "./simulator";
import { vedtakLetter } from "./simulator-letters";
import { pdfText, startTestMock, type TestMock } from "./test-support";

const API = "/mock/fagsystem/api/soknader";

const overviewSchema = z.object({
  fiksDigisosId: z.string().uuid(),
  personaId: z.string(),
  name: z.string(),
  sendtTidspunkt: z.string().nullable(),
  navKontor: z.string().nullable(),
  status: z.string().nullable(),
  eventCount: z.number(),
});
const detailSchema = overviewSchema.extend({ hendelser: z.array(z.record(z.unknown())) });
const appendedSchema = z.object({ hendelser: z.array(z.record(z.unknown()).and(z.object({ type: z.string() }))) });

let t: TestMock;

beforeAll(async () => {
  t = await startTestMock();
});

afterAll(async () => {
  await t?.close();
});

async function newSoknad(personaId = "forstegang"): Promise<string> {
  const response = await t.call(API, { method: "POST", body: { personaId } });
  expect(response.status).toBe(201);
  const detail = detailSchema.parse(await response.json());
  expect(detail.hendelser.map((hendelse) => [hendelse.type, hendelse.status ?? hendelse.navKontor])).toEqual([
    ["soknadsStatus", "MOTTATT"],
    ["tildeltNavKontor", "0315"],
  ]);
  return detail.fiksDigisosId;
}

async function act(id: string, body: unknown): Promise<Hendelse[]> {
  const response = await t.call(`${API}/${id}/handlinger`, { method: "POST", body });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return appendedSchema.parse(JSON.parse(text)).hendelser as Hendelse[];
}

async function refused(id: string, body: unknown, status = 400): Promise<string> {
  const response = await t.call(`${API}/${id}/handlinger`, { method: "POST", body });
  expect(response.status, JSON.stringify(body)).toBe(status);
  return errorBodySchema.parse(await response.json()).message ?? "";
}

/** What the portal gets: the innsyn document, checked against the contract event by event. */
async function innsyn(id: string, fnr: string) {
  const document = digisosSokerSchema.parse(await t.json(paths.innsyn(id), fnr));
  for (const hendelse of document.hendelser) {
    const parsed = hendelseSchemas[hendelse.type as Hendelse["type"]].safeParse(hendelse);
    expect(parsed.success, `${hendelse.type}: ${parsed.error?.message}`).toBe(true);
  }
  return document.hendelser;
}

describe("JSON API", () => {
  it("lists every seeded søknad with persona, name, status, office and event count", async () => {
    const list = z.array(overviewSchema).parse(await t.json(API));
    expect(list.map((soknad) => soknad.personaId)).toEqual(["under-behandling", "innvilget", "avslag", "nylig-hjelp", "nylig-hjelp", "klagefrist-ute", "kode7", "nav-ansatt"]);
    const underBehandling = list[0];
    expect(underBehandling).toMatchObject({ name: "Jonas Eide Nilsen", status: "UNDER_BEHANDLING", navKontor: "1601", eventCount: 5 });
    const detail = detailSchema.parse(await t.json(`${API}/${underBehandling?.fiksDigisosId}`));
    expect(detail.hendelser).toHaveLength(5);
  });

  it("appends exactly the right events for each action, in the contract's format, and innsyn returns them", async () => {
    const id = await newSoknad();
    const { fnr } = t.user("forstegang");
    const before = Date.now();
    const today = osloDate(new Date());
    const steps: { body: unknown; check: (events: Hendelse[]) => void }[] = [
      { body: { action: "status", status: "UNDER_BEHANDLING" }, check: ([event]) => expect(event).toMatchObject({ type: "soknadsStatus", status: "UNDER_BEHANDLING" }) },
      { body: { action: "tildel", navKontor: "1209" }, check: ([event]) => expect(event).toMatchObject({ type: "tildeltNavKontor", navKontor: "1209" }) },
      {
        body: { action: "etterspor", dokumenter: [{ dokumenttype: "Kontoutskrift", tilleggsinformasjon: "Siste tre måneder", innsendelsesfrist: "2025-01-15" }, { dokumenttype: "Husleiekontrakt", innsendelsesfrist: "2025-07-01" }] },
        check: ([event]) => {
          expect(event).toMatchObject({ type: "dokumentasjonEtterspurt", forvaltningsbrev: { referanse: { type: "dokumentlager" } } });
          expect(event?.type === "dokumentasjonEtterspurt" && event.dokumenter).toEqual([
            { dokumenttype: "Kontoutskrift", tilleggsinformasjon: "Siste tre måneder", innsendelsesfrist: "2025-01-15T22:59:59.000Z", dokumentreferanse: expect.stringMatching(/^DOK-\d{4}$/) },
            { dokumenttype: "Husleiekontrakt", tilleggsinformasjon: null, innsendelsesfrist: "2025-07-01T21:59:59.000Z", dokumentreferanse: expect.stringMatching(/^DOK-\d{4}$/) },
          ]);
        },
      },
      { body: { action: "etterspor", dokumenter: [] }, check: ([event]) => expect(event).toMatchObject({ type: "dokumentasjonEtterspurt", dokumenter: [] }) },
      { body: { action: "forelopigSvar" }, check: ([event]) => expect(event).toMatchObject({ type: "forelopigSvar", forvaltningsbrev: { referanse: { type: "dokumentlager" } } }) },
      { body: { action: "sak", tittel: "Livsopphold" }, check: ([event]) => expect(event).toMatchObject({ type: "saksStatus", referanse: expect.stringMatching(/^SAK-\d{4}$/), tittel: "Livsopphold", status: "UNDER_BEHANDLING" }) },
      { body: { action: "sak", referanse: "SAK-7", tittel: "Husleie", status: "UNDER_BEHANDLING" }, check: ([event]) => expect(event).toMatchObject({ type: "saksStatus", referanse: "SAK-7" }) },
      {
        body: { action: "vedtak", saksreferanse: "SAK-7", utfall: "INNVILGET", belop: 7850, fom: "2025-03-01", tom: "2025-03-31" },
        check: (events) => {
          expect(events.map((event) => event.type)).toEqual(["vedtakFattet", "utbetaling"]);
          expect(events[0]).toMatchObject({ saksreferanse: "SAK-7", utfall: "INNVILGET", vedtaksfil: { referanse: { type: "dokumentlager" } } });
          expect(events[1]).toMatchObject({
            utbetalingsreferanse: expect.stringMatching(/^UTB-\d{4}$/),
            saksreferanse: "SAK-7",
            status: "PLANLAGT_UTBETALING",
            belop: 7850,
            beskrivelse: "Husleie",
            fom: "2025-03-01",
            tom: "2025-03-31",
            annenMottaker: false,
            mottaker: "Sofie Berg",
            kontonummer: expect.stringMatching(/^\d{11}$/),
          });
        },
      },
      { body: { action: "vedtak", saksreferanse: "SAK-7", utfall: "AVSLATT", begrunnelse: "Du har nok penger." }, check: (events) => expect(events.map((event) => event.type)).toEqual(["vedtakFattet"]) },
      {
        body: { action: "vilkar", saksreferanse: "SAK-7", tittel: "Møt til samtale", status: "RELEVANT" },
        check: ([event]) => expect(event).toMatchObject({ type: "vilkar", vilkarreferanse: expect.stringMatching(/^VILKAR-\d{4}$/), saksreferanse: "SAK-7", tittel: "Møt til samtale", status: "RELEVANT" }),
      },
      {
        body: { action: "dokumentasjonkrav", referanse: "KRAV-1", tittel: "Husleiekvittering", frist: "2025-04-01", status: "RELEVANT" },
        check: ([event]) => expect(event).toMatchObject({ type: "dokumentasjonkrav", dokumentasjonkravreferanse: "KRAV-1", frist: "2025-04-01", status: "RELEVANT" }),
      },
      {
        // A change keeps what is not given.
        body: { action: "dokumentasjonkrav", referanse: "KRAV-1", status: "OPPFYLT" },
        check: ([event]) => expect(event).toMatchObject({ type: "dokumentasjonkrav", dokumentasjonkravreferanse: "KRAV-1", tittel: "Husleiekvittering", frist: "2025-04-01", status: "OPPFYLT" }),
      },
      {
        body: { action: "utbetaling", referanse: "UTB-1", saksreferanse: "SAK-7", status: "PLANLAGT_UTBETALING", belop: 4200, beskrivelse: "Husleie", forfallsdato: "2025-04-01", annenMottaker: "Utleier AS" },
        check: ([event]) => expect(event).toMatchObject({ type: "utbetaling", utbetalingsreferanse: "UTB-1", annenMottaker: true, mottaker: "Utleier AS", kontonummer: null, utbetalingsdato: null }),
      },
      {
        body: { action: "utbetaling", referanse: "UTB-1", status: "UTBETALT" },
        check: ([event]) =>
          expect(event).toMatchObject({ type: "utbetaling", utbetalingsreferanse: "UTB-1", status: "UTBETALT", belop: 4200, saksreferanse: "SAK-7", annenMottaker: true, mottaker: "Utleier AS", utbetalingsdato: today }),
      },
      { body: { action: "status", status: "FERDIGBEHANDLET" }, check: ([event]) => expect(event).toMatchObject({ type: "soknadsStatus", status: "FERDIGBEHANDLET" }) },
    ];

    let expected = await innsyn(id, fnr);
    for (const step of steps) {
      const events = await act(id, step.body);
      step.check(events);
      for (const event of events) {
        expect(hendelseSchemas[event.type].safeParse(event).success, event.type).toBe(true);
        const at = Date.parse(event.hendelsestidspunkt);
        expect(at).toBeGreaterThanOrEqual(before - 1000);
        expect(at).toBeLessThanOrEqual(Date.now());
        expect(event.hendelsestidspunkt).toMatch(/Z$/);
      }
      if (events.length === 1) expect(Object.keys(events[0] ?? {})).not.toContain("action");
      expected = [...expected, ...events];
      expect(await innsyn(id, fnr)).toEqual(expected);
    }
    const summary = overviewSchema.parse(await t.json(`${API}/${id}`));
    expect(summary).toMatchObject({ status: "FERDIGBEHANDLET", navKontor: "1209", eventCount: expected.length });
  });

  it("writes the vedtak as a real PDF in the applicant's language, which only the owner can download", async () => {
    // A søknad sent through the contract in nynorsk: the letter follows its language.
    const { fnr } = t.user("aleneforelder");
    const pdf = Buffer.from(placeholderPdf("Søknad")).toString("base64");
    const sent = await t.call(paths.sendSoknad, {
      fnr,
      method: "POST",
      body: { idempotencyKey: randomUUID(), navEnhet: "1209", urgent: false, language: "nn", soknad: {}, pdf: { filename: "soknad.pdf", base64: pdf } },
    });
    expect(sent.status).toBe(201);
    const { fiksDigisosId } = sendSoknadResponseSchema.parse(await sent.json());
    await act(fiksDigisosId, { action: "sak", referanse: "SAK-1", tittel: "Livsopphald" });
    const [vedtak] = await act(fiksDigisosId, { action: "vedtak", saksreferanse: "SAK-1", utfall: "DELVIS_INNVILGET", belop: 3000, fom: "2025-03-01", tom: "2025-03-31", paragraf19: true });
    if (vedtak?.type !== "vedtakFattet") throw new Error("no vedtak");
    const fileId = vedtak.vedtaksfil.referanse.id;

    const download = await t.call(paths.dokumentlager(fileId), { fnr });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await download.arrayBuffer());
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    const producer = /\/Producer (\d+) 0 R/.exec(raw)?.[1];
    expect(raw).toContain(`\n${producer} 0 obj\n(PDFKit)\nendobj`);
    expect(raw).toContain("/Lang (nn-NO)");
    const text = pdfText(bytes);
    for (const expected of ["NAV Bergenhus", "Amina Haugen", "Vedtak om økonomisk sosialhjelp", "SAK-1", "delvis innvilga", "3", "000 kroner", "mars 2025", "§ 18", "§ 19", "tre veker", "Statsforvaltaren", "Grunngiving"]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("tre uker");

    expect((await t.call(paths.dokumentlager(fileId), { fnr: t.user("avslag").fnr })).status).toBe(404);
    expect((await t.call(`/mock/fagsystem/dokumenter/${fileId}`)).status).toBe(200);
  });

  it("writes the letters in bokmål by default and in English", async () => {
    const base = { office: undefined, person: (await t.mock.state.persons())[0]!, now: new Date("2025-03-10T10:00:00Z"), saksreferanse: "SAK-1", sakstittel: "Livsopphold", mottatt: null, paragraf19: false };
    const nb = JSON.stringify(vedtakLetter({ ...base, language: "nb", utfall: "AVSLATT" }));
    expect(nb).toContain("tre uker");
    expect(nb).toContain("Statsforvalteren");
    expect(nb).toContain("avslått");
    const en = JSON.stringify(vedtakLetter({ ...base, language: "en", utfall: "INNVILGET", belop: 7850, fom: "2025-03-01", tom: "2025-03-31" }));
    for (const expected of ["Decision on financial social assistance", "NOK 7,850", "1 March 2025", "section 18", "three weeks", "County Governor"]) expect(en, expected).toContain(expected);
    expect(en).not.toContain("section 19");
    // Øre with two digits, as the portal writes amounts.
    const withOre = JSON.stringify(vedtakLetter({ ...base, language: "en", utfall: "INNVILGET", belop: 1754.5, fom: "2025-03-01", tom: "2025-03-31" }));
    expect(withOre).toContain("NOK 1,754.50");
    const withOreNb = JSON.stringify(vedtakLetter({ ...base, language: "nb", utfall: "INNVILGET", belop: 1754.5, fom: "2025-03-01", tom: "2025-03-31" }));
    expect(withOreNb.replace(/\\u00a0|\s/g, " ")).toContain("1 754,50 kroner");
  });

  it("refuses bad input with 400 and a message", async () => {
    const id = await newSoknad();
    const cases: [unknown, RegExp][] = [
      [{ action: "nope" }, /action/],
      [{}, /action/],
      [{ action: "status", status: "DONE" }, /status/],
      [{ action: "status", status: "MOTTATT", extra: 1 }, /extra|Unrecognized/],
      [{ action: "tildel", navKontor: "9999" }, /navKontor: no such NAV office/],
      [{ action: "etterspor", dokumenter: [{ dokumenttype: "X", innsendelsesfrist: "2025-02-30" }] }, /innsendelsesfrist: not a real date/],
      [{ action: "vedtak", saksreferanse: "SAK-404", utfall: "INNVILGET" }, /no sak SAK-404/],
      [{ action: "vedtak", saksreferanse: "SAK-404", utfall: "AVSLATT", belop: 100 }, /belop/],
      [{ action: "utbetaling", status: "UTBETALT" }, /belop: required/],
      [{ action: "utbetaling", status: "UTBETALT", belop: -5 }, /belop/],
      [{ action: "utbetaling", status: "UTBETALT", belop: 5, fom: "2025-03-10", tom: "2025-03-01" }, /tom is before fom/],
      [{ action: "vilkar" }, /tittel: required/],
      [{ action: "sak", tittel: "" }, /tittel/],
      ["{not json", /JSON/],
    ];
    for (const [body, message] of cases) expect(await refused(id, body)).toMatch(message);
    const events = detailSchema.parse(await t.json(`${API}/${id}`)).hendelser;
    expect(events).toHaveLength(2);

    const badPersona = await t.call(API, { method: "POST", body: { personaId: "kode6" } });
    expect(badPersona.status).toBe(400);
    expect(errorBodySchema.parse(await badPersona.json()).message).toMatch(/no registered address/);
  });

  it("answers 404 for an unknown søknad", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await refused(unknown, { action: "status", status: "MOTTATT" }, 404)).toMatch(/no søknad/);
    expect((await t.call(`${API}/${unknown}`)).status).toBe(404);
    expect((await t.call(`/mock/fagsystem/soknader/${unknown}`)).status).toBe(404);
  });
});

describe("deadlines", () => {
  it("ends a deadline at the end of that day in Oslo, winter and summer", () => {
    expect(endOfDayOslo("2025-01-15")).toBe("2025-01-15T22:59:59.000Z");
    expect(endOfDayOslo("2025-07-01")).toBe("2025-07-01T21:59:59.000Z");
    expect(endOfDayOslo("2025-03-30")).toBe("2025-03-30T21:59:59.000Z"); // the day summer time starts
    expect(endOfDayOslo("2025-10-26")).toBe("2025-10-26T22:59:59.000Z"); // the day it ends
  });
});

describe("HTML page", () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  const expectPlainHtml = (page: string) => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(page).not.toMatch(/<script|<style|\sstyle=/i);
    expect(page).toContain('<link rel="stylesheet" href="/mock/fagsystem/simulator.css">');
  };

  it("lists the søknader and serves its stylesheet", async () => {
    const response = await t.call("/mock/fagsystem");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expectPlainHtml(page);
    expect(page).toContain("<h1>Saksbehandlersimulator</h1>");
    expect(page).toContain("Jonas Eide Nilsen");
    expect(page).toContain('action="/mock/fagsystem/feil"');
    const css = await t.call("/mock/fagsystem/simulator.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
  });

  it("renders a søknad, and a form post appends an event and redirects back with a message", async () => {
    const id = await newSoknad();
    const page = await (await t.call(`/mock/fagsystem/soknader/${id}`)).text();
    expectPlainHtml(page);
    expect(page).toContain("<h1>Søknad fra Sofie Berg</h1>");
    expect(page).toContain(`action="/mock/fagsystem/soknader/${id}/handlinger"`);
    // Every field has a label.
    for (const [, fieldId] of page.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)) expect(page, fieldId).toContain(`for="${fieldId}"`);

    const posted = await t.call(`/mock/fagsystem/soknader/${id}/handlinger`, { method: "POST", body: form({ action: "status", status: "UNDER_BEHANDLING" }), redirect: "manual" });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toMatch(new RegExp(`^/mock/fagsystem/soknader/${id}\\?melding=`));
    const events = detailSchema.parse(await t.json(`${API}/${id}`)).hendelser;
    expect(events.at(-1)).toMatchObject({ type: "soknadsStatus", status: "UNDER_BEHANDLING" });
    const after = await (await t.call(posted.headers.get("location") ?? "")).text();
    expect(after).toContain('role="status"');
    expect(after).toContain("soknadsStatus");

    // The demo: a sak, a vedtak with an amount from the form's defaults, then paying it.
    await t.call(`/mock/fagsystem/soknader/${id}/handlinger`, { method: "POST", body: form({ action: "sak", tittel: "Livsopphold", status: "UNDER_BEHANDLING" }), redirect: "manual" });
    const sak = detailSchema.parse(await t.json(`${API}/${id}`)).hendelser.at(-1);
    const vedtak = await t.call(`/mock/fagsystem/soknader/${id}/handlinger`, {
      method: "POST",
      body: form({ action: "vedtak", saksreferanse: String(sak?.referanse), utfall: "INNVILGET", belop: "7 850", fom: "2025-03-01", tom: "2025-03-31", begrunnelse: "" }),
      redirect: "manual",
    });
    expect(vedtak.status).toBe(303);
    const planned = detailSchema.parse(await t.json(`${API}/${id}`)).hendelser.at(-1);
    expect(planned).toMatchObject({ type: "utbetaling", status: "PLANLAGT_UTBETALING", belop: 7850 });
    const paid = await t.call(`/mock/fagsystem/soknader/${id}/handlinger`, {
      method: "POST",
      body: form({ action: "utbetaling", referanse: String(planned?.utbetalingsreferanse), status: "UTBETALT", belop: "", saksreferanse: "" }),
      redirect: "manual",
    });
    expect(paid.status).toBe(303);
    expect(detailSchema.parse(await t.json(`${API}/${id}`)).hendelser.at(-1)).toMatchObject({ type: "utbetaling", status: "UTBETALT", belop: 7850, saksreferanse: sak?.referanse });
  });

  it("shows an error on the page for a bad form post", async () => {
    const id = await newSoknad();
    const response = await t.call(`/mock/fagsystem/soknader/${id}/handlinger`, { method: "POST", body: form({ action: "utbetaling", status: "UTBETALT" }) });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain("belop: required for a new utbetaling");
  });

  it("escapes a hostile title everywhere", async () => {
    const id = await newSoknad();
    await act(id, { action: "sak", referanse: "SAK-1", tittel: `<script>alert("x")</script>` });
    const page = await (await t.call(`/mock/fagsystem/soknader/${id}`)).text();
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("creates a søknad and switches faults on and off from forms", async () => {
    const created = await t.call("/mock/fagsystem/soknader", { method: "POST", body: form({ personaId: "nylig-hjelp" }), redirect: "manual" });
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toMatch(/^\/mock\/fagsystem\/soknader\/[0-9a-f-]{36}\?melding=/);

    const on = await t.call("/mock/fagsystem/feil", { method: "POST", body: form({ handling: "legg-til", path: "/api/v1/krr", method: "", fnr: "", status: "503", delayMs: "" }), redirect: "manual" });
    expect(on.status).toBe(303);
    expect(await t.json("/mock/faults")).toEqual([{ path: "/api/v1/krr", status: 503 }]);
    expect((await t.call(paths.krrKontaktinfo, { fnr: t.user("forstegang").fnr })).status).toBe(503);
    const bad = await t.call("/mock/fagsystem/feil", { method: "POST", body: form({ handling: "legg-til", path: "api", status: "503" }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("path");
    const off = await t.call("/mock/fagsystem/feil", { method: "POST", body: form({ handling: "fjern" }), redirect: "manual" });
    expect(off.status).toBe(303);
    expect(await t.json("/mock/faults")).toEqual([]);
  });

  it("works through the portal's forwarding", async () => {
    const app = express();
    app.use("/mock/fagsystem", proxyTo(t.mock.url));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const portal = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const id = await newSoknad();
      const page = await fetch(`${portal}/mock/fagsystem/soknader/${id}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Sofie Berg");
      const posted = await fetch(`${portal}/mock/fagsystem/soknader/${id}/handlinger`, { method: "POST", body: form({ action: "forelopigSvar" }), redirect: "manual" });
      expect(posted.status).toBe(303);
      expect(posted.headers.get("location")).toMatch(/^\/mock\/fagsystem\/soknader\//);
      const api = await fetch(`${portal}${API}/${id}/handlinger`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ action: "status", status: "UNDER_BEHANDLING" }) });
      expect(api.status).toBe(201);
      const events = detailSchema.parse(await (await fetch(`${portal}${API}/${id}`)).json()).hendelser;
      expect(events.map((event) => event.type).slice(-2)).toEqual(["forelopigSvar", "soknadsStatus"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
