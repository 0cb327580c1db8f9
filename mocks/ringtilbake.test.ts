/**
 * Call-back requests (ring tilbake) in the mock, on a pinned clock: filing with the deadline from
 * the office's hours, a retry that is one request, each office's queue in order with the overdue
 * marked, the office's actions (three unanswered calls close it with a message in the person's
 * conversation), the person's notice without topic or note, and the report's figures.
 *
 * The mock's offices are open 10:00–15:00, Friday to 14:00, Norwegian time (UTC+1 in March).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  errorBodySchema,
  meldingSchema,
  paths,
  ringTilbakeListSchema,
  ringTilbakeRapportSchema,
  ringTilbakeSchema,
  samtaleSideSchema,
  type SendRingTilbakeRequest,
} from "../app/fagsystem/contract";
import { samtaleIdFor } from "./personas";
import { closingMessage, describeHours, ringTilbakeVarselTekst } from "./ringtilbake";
import { MockStore } from "./state";
import { startTestMock, type TestMock } from "./test-support";

let t: TestMock;
/** The mock's clock: each test sets it before what it does. */
let clock = new Date("2026-03-10T09:15:00Z"); // Tuesday 10:15 in Oslo
const setClock = (iso: string) => {
  clock = new Date(iso);
};

beforeAll(async () => {
  t = await startTestMock({ now: () => clock });
});

afterAll(async () => {
  await t?.close();
});

const API = "/mock/fagsystem/api";
const fnrOf = (id: string) => t.user(id).fnr;

function request(overrides: Partial<SendRingTilbakeRequest> = {}): SendRingTilbakeRequest {
  return {
    ringTilbakeId: randomUUID(),
    navIdent: "Z990001",
    tema: "UTBETALING",
    hastegrad: "I_DAG",
    telefonnummer: "94567804",
    kontakttid: null,
    tolkesprak: null,
    notat: "Utbetalingen kom ikke i går, har ikke mat.",
    ...overrides,
  };
}

const send = (fnr: string, body: unknown) => t.call(paths.ringTilbake, { fnr, method: "POST", body });
const file = async (personaId: string, overrides: Partial<SendRingTilbakeRequest> = {}) => {
  const response = await send(fnrOf(personaId), request(overrides));
  expect(response.status, await response.clone().text()).toBe(201);
  return ringTilbakeSchema.parse(await response.json());
};
const list = async (fnr: string) => ringTilbakeListSchema.parse(await t.json(paths.ringTilbake, fnr));

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  if (code) expect(body.error).toBe(code);
}

const entrySchema = ringTilbakeSchema.extend({ personaId: z.string().nullable(), name: z.string().nullable(), fnr: z.string(), language: z.string() });
const queuesSchema = z.array(z.object({ navEnhet: z.string(), kontornavn: z.string(), ko: z.array(entrySchema), avsluttet: z.array(entrySchema) }));
const queueOf = async (navEnhet: string) => {
  const office = queuesSchema.parse(await t.json(`${API}/ringtilbake`)).find((candidate) => candidate.navEnhet === navEnhet);
  if (!office) throw new Error(`no office ${navEnhet}`);
  return office;
};

const actionSchema = z.object({ ringTilbake: entrySchema, melding: meldingSchema.nullable() });
async function act(ringTilbakeId: string, action: string, status = 200) {
  const response = await t.call(`${API}/ringtilbake/${ringTilbakeId}/handlinger`, { method: "POST", body: { action } });
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return status === 200 ? actionSchema.parse(JSON.parse(text)) : null;
}

const varselSchema = z.object({
  varselId: z.string().uuid(),
  fnr: z.string(),
  samtaleId: z.string().nullable(),
  meldingId: z.string().nullable(),
  ringTilbakeId: z.string().nullable(),
  kanal: z.enum(["SMS", "EPOST"]),
  mottaker: z.string(),
  language: z.enum(["nb", "nn", "en"]),
  tekst: z.string(),
  tidspunkt: z.string(),
});
const varsler = async () => z.array(varselSchema).parse(await t.json(`${API}/varsler`));

describe("filing a call-back request", () => {
  it("files with the office of the person's municipality, with the deadline from its hours, and lists it for that person only", async () => {
    setClock("2026-03-10T09:15:00Z"); // Tuesday 10:15
    const fnr = fnrOf("innvilget"); // Kristian lives in Hamar
    const body = request({ tolkesprak: "ti", kontakttid: "FORMIDDAG" });
    const response = await send(fnr, body);
    expect(response.status).toBe(201);
    expect(ringTilbakeSchema.parse(await response.json())).toEqual({
      ringTilbakeId: body.ringTilbakeId,
      mottattTidspunkt: "2026-03-10T09:15:00.000Z",
      registrertAv: "Z990001",
      navEnhet: "0403",
      kontornavn: "NAV Hamar",
      tema: "UTBETALING",
      hastegrad: "I_DAG",
      telefonnummer: "94567804",
      kontakttid: "FORMIDDAG",
      tolkesprak: "ti",
      notat: "Utbetalingen kom ikke i går, har ikke mat.",
      frist: "2026-03-10T11:15:00.000Z", // 12:15, 2 hours on
      forfalt: false,
      status: "APEN",
      forsok: [],
      lukket: null,
    });
    expect((await list(fnr)).map((entry) => entry.ringTilbakeId)).toContain(body.ringTilbakeId);
    expect((await list(fnrOf("gift"))).map((entry) => entry.ringTilbakeId)).not.toContain(body.ringTilbakeId);
  });

  it("sets two and five office days' deadlines at closing time, and moves today's to the next opening after closing", async () => {
    setClock("2026-03-10T09:15:00Z");
    expect((await file("innvilget", { hastegrad: "TO_VIRKEDAGER" })).frist).toBe("2026-03-12T14:00:00.000Z"); // Thursday 15:00
    expect((await file("innvilget", { hastegrad: "NAR_DET_PASSER" })).frist).toBe("2026-03-17T14:00:00.000Z"); // Tuesday 15:00
    setClock("2026-03-13T13:30:00Z"); // Friday 14:30, after the office closed at 14
    expect((await file("innvilget")).frist).toBe("2026-03-16T11:00:00.000Z"); // Monday 12:00
  });

  it("keeps an empty note as none, and lists the newest first", async () => {
    setClock("2026-03-10T09:15:00Z");
    const first = await file("avslag", { notat: "   " });
    expect(first.notat).toBeNull();
    setClock("2026-03-10T09:16:00Z");
    const second = await file("avslag", { notat: undefined });
    expect((await list(fnrOf("avslag"))).slice(0, 2).map((entry) => entry.ringTilbakeId)).toEqual([second.ringTilbakeId, first.ringTilbakeId]);
  });

  it("answers a retry or a double click with the request it already has: one request, one notice", async () => {
    setClock("2026-03-10T09:15:00Z");
    const fnr = fnrOf("gift");
    const body = request();
    const [a, b] = await Promise.all([send(fnr, body), send(fnr, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const again = await send(fnr, { ...body, notat: "Noe annet", hastegrad: "NAR_DET_PASSER" });
    expect(again.status).toBe(200);
    expect(ringTilbakeSchema.parse(await again.json())).toMatchObject({ notat: body.notat, hastegrad: "I_DAG" });
    expect((await list(fnr)).filter((entry) => entry.ringTilbakeId === body.ringTilbakeId)).toHaveLength(1);
    expect((await varsler()).filter((varsel) => varsel.ringTilbakeId === body.ringTilbakeId)).toHaveLength(1);
  });

  it("refuses what the contract does not allow with 400", async () => {
    const fnr = fnrOf("forstegang");
    const refused = (change: Record<string, unknown>) => send(fnr, { ...request(), ...change });
    await expectError(await refused({ notat: "x".repeat(501) }), 400, "invalid-ringtilbake");
    await expectError(await refused({ navIdent: "z990001" }), 400, "invalid-ringtilbake");
    await expectError(await refused({ tema: "HELSE" }), 400, "invalid-ringtilbake");
    await expectError(await refused({ hastegrad: "NA" }), 400, "invalid-ringtilbake");
    await expectError(await refused({ tolkesprak: "Arabisk" }), 400, "invalid-ringtilbake");
    await expectError(await refused({ telefonnummer: "945 67 804" }), 400, "invalid-ringtilbake");
    await expectError(await refused({ ringTilbakeId: "1" }), 400, "invalid-ringtilbake");
    await expectError(await send(fnr, "{not json"), 400, "invalid-json");
    expect((await send(fnr, request({ notat: "x".repeat(500) }))).status).toBe(201);
  });

  it("is 404 for a person the registers do not know and for another person's id, and has no office for a person without an address", async () => {
    await expectError(await send("01010112345", request()), 404, "not-found");
    const body = request();
    expect((await send(fnrOf("forstegang"), body)).status).toBe(201);
    await expectError(await send(fnrOf("aleneforelder"), body), 404, "not-found");
    await expectError(await t.call(paths.ringTilbake), 400, "missing-person");
    await expectError(await send(fnrOf("kode6"), request()), 400, "no-nav-kontor");
  });
});

describe("the person's notice", () => {
  it("says which office calls and by when, in the person's language, without the topic or the note", async () => {
    setClock("2026-03-10T09:15:00Z");
    const today = await file("nylig-hjelp", { tema: "VEDTAK", notat: "Klage på vedtaket om husleie" });
    const later = await file("nylig-hjelp", { hastegrad: "TO_VIRKEDAGER", language: "nn", tema: "SOKNAD" });
    const english = await file("nylig-hjelp", { hastegrad: "NAR_DET_PASSER", language: "en" });
    const mine = (await varsler()).filter((varsel) => varsel.fnr === fnrOf("nylig-hjelp"));
    const textOf = (id: string) => mine.find((varsel) => varsel.ringTilbakeId === id);
    expect(textOf(today.ringTilbakeId)).toMatchObject({
      kanal: "SMS",
      mottaker: "+4746789006",
      samtaleId: null,
      meldingId: null,
      language: "nb",
      tidspunkt: "2026-03-10T09:15:00.000Z",
      tekst: "NAV Kristiansand ringer deg i dag. Vi kan ringe fra skjult nummer. Hører du ikke fra oss, kan du ringe 55 55 33 33.",
    });
    expect(textOf(later.ringTilbakeId)?.tekst).toBe("NAV Kristiansand ringjer deg innan torsdag 12. mars. Vi kan ringje frå skjult nummer. Høyrer du ikkje frå oss, kan du ringje 55 55 33 33.");
    expect(textOf(english.ringTilbakeId)?.tekst).toBe("NAV Kristiansand will call you by Tuesday 17 March. The call may come from a hidden number. If you do not hear from us, you can call 55 55 33 33.");
    for (const varsel of mine) {
      expect(varsel.tekst).not.toMatch(/vedtak|husleie|søknad|utbetaling|mat/i);
    }
  });

  it("says the weekday when today's request waits for Monday", () => {
    expect(ringTilbakeVarselTekst("nb", { kontornavn: "NAV Hamar", telefon: "55 55 33 33", frist: "2026-03-16T11:00:00.000Z", now: new Date("2026-03-13T13:30:00Z") })).toBe(
      "NAV Hamar ringer deg innen mandag 16. mars. Vi kan ringe fra skjult nummer. Hører du ikke fra oss, kan du ringe 55 55 33 33.",
    );
  });
});

describe("the office's queue", () => {
  it("puts the most urgent first, then the earliest deadline, then the first to arrive, and marks the overdue", async () => {
    // NAV Grünerløkka (Oslo): forstegang, mindrearig and nav-ansatt live there.
    setClock("2026-03-05T12:00:00Z"); // last Thursday: due Monday, overdue now, yet less urgent than today's
    const e = await file("mindrearig", { hastegrad: "TO_VIRKEDAGER" });
    expect(e.frist).toBe("2026-03-09T14:00:00.000Z");
    setClock("2026-03-10T09:15:00Z");
    const a = await file("forstegang", { hastegrad: "NAR_DET_PASSER" });
    const b = await file("mindrearig", { hastegrad: "TO_VIRKEDAGER" });
    setClock("2026-03-10T09:20:00Z");
    const d = await file("nav-ansatt"); // I_DAG, due 11:20Z
    setClock("2026-03-10T12:30:00Z"); // 13:30: today's now closes at 15
    const c = await file("forstegang");
    const b2 = await file("nav-ansatt", { hastegrad: "TO_VIRKEDAGER" }); // the same deadline as b, later
    expect(c.frist).toBe("2026-03-10T14:00:00.000Z");
    expect(b2.frist).toBe(b.frist);

    const mine = new Set([a, b, c, d, e, b2].map((entry) => entry.ringTilbakeId));
    const queue = (await queueOf("0315")).ko.filter((entry) => mine.has(entry.ringTilbakeId));
    expect(queue.map((entry) => entry.ringTilbakeId)).toEqual([d.ringTilbakeId, c.ringTilbakeId, e.ringTilbakeId, b.ringTilbakeId, b2.ringTilbakeId, a.ringTilbakeId]);
    expect(queue.map((entry) => entry.forfalt)).toEqual([true, false, true, false, false, false]);
    expect(queue[0]).toMatchObject({ personaId: "nav-ansatt", kontornavn: "NAV Grünerløkka", status: "APEN" });
    // The person sees it overdue too.
    expect((await list(fnrOf("nav-ansatt"))).find((entry) => entry.ringTilbakeId === d.ringTilbakeId)?.forfalt).toBe(true);

    // A call without an answer: no longer overdue (the office did call), still at the top.
    const tried = await act(d.ringTilbakeId, "ringt-ikke-nadd");
    expect(tried?.ringTilbake).toMatchObject({ status: "RINGT_IKKE_NADD", forfalt: false, forsok: [{ tidspunkt: "2026-03-10T12:30:00.000Z", nadd: false }] });
    // Reached: out of the queue, into the finished ones.
    setClock("2026-03-10T12:40:00Z");
    const reached = await act(c.ringTilbakeId, "ringt-nadd");
    expect(reached).toMatchObject({ ringTilbake: { status: "RINGT_NADD", forsok: [{ tidspunkt: "2026-03-10T12:40:00.000Z", nadd: true }], lukket: null }, melding: null });
    const after = await queueOf("0315");
    expect(after.ko.filter((entry) => mine.has(entry.ringTilbakeId)).map((entry) => entry.ringTilbakeId)).toEqual([d.ringTilbakeId, e.ringTilbakeId, b.ringTilbakeId, b2.ringTilbakeId, a.ringTilbakeId]);
    expect(after.avsluttet[0]?.ringTilbakeId).toBe(c.ringTilbakeId);
    // Reached again changes nothing; no answer on a reached one is refused; an unknown id is 404, a bad action 400.
    expect((await act(c.ringTilbakeId, "ringt-nadd"))?.ringTilbake.forsok).toHaveLength(1);
    await act(c.ringTilbakeId, "ringt-ikke-nadd", 400);
    await act(randomUUID(), "lukk", 404);
    await act(d.ringTilbakeId, "ringt", 400);
  });

  it("closes on the office's word, before the deadline, without a message", async () => {
    setClock("2026-03-10T09:15:00Z");
    const filed = await file("klagefrist-ute", { hastegrad: "TO_VIRKEDAGER" });
    setClock("2026-03-10T10:00:00Z");
    const closed = await act(filed.ringTilbakeId, "lukk");
    expect(closed).toMatchObject({ ringTilbake: { status: "LUKKET", lukket: { tidspunkt: "2026-03-10T10:00:00.000Z", arsak: "AVSLUTTET", melding: null } }, melding: null });
    expect((await act(filed.ringTilbakeId, "lukk"))?.ringTilbake.lukket?.tidspunkt).toBe("2026-03-10T10:00:00.000Z");
    await act(filed.ringTilbakeId, "ringt-nadd", 400);
  });

  it("after the third call without an answer closes it, writes to the person once, and the notices hold neither topic nor note", async () => {
    setClock("2026-03-10T09:15:00Z");
    const fnr = fnrOf("gift"); // Henrik, Hamar
    const filed = await file("gift", { tema: "VEDTAK", notat: "Fikk avslag, har ikke strøm", telefonnummer: "49012309", hastegrad: "TO_VIRKEDAGER" });
    setClock("2026-03-10T09:30:00Z");
    expect((await act(filed.ringTilbakeId, "ringt-ikke-nadd"))?.ringTilbake.status).toBe("RINGT_IKKE_NADD");
    setClock("2026-03-10T12:00:00Z");
    expect((await act(filed.ringTilbakeId, "ringt-ikke-nadd"))?.ringTilbake.status).toBe("RINGT_IKKE_NADD");
    setClock("2026-03-11T09:05:00Z");
    // Two clicks at once on the third: one closes it, the other finds it closed.
    const responses = await Promise.all([0, 1].map(() => t.call(`${API}/ringtilbake/${filed.ringTilbakeId}/handlinger`, { method: "POST", body: { action: "ringt-ikke-nadd" } })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    const closed = actionSchema.parse(await responses.find((response) => response.status === 200)!.json());

    const samtaleId = samtaleIdFor(fnr, null);
    expect(closed.ringTilbake).toMatchObject({
      status: "LUKKET",
      forsok: [
        { tidspunkt: "2026-03-10T09:30:00.000Z", nadd: false },
        { tidspunkt: "2026-03-10T12:00:00.000Z", nadd: false },
        { tidspunkt: "2026-03-11T09:05:00.000Z", nadd: false },
      ],
      lukket: { tidspunkt: "2026-03-11T09:05:00.000Z", arsak: "IKKE_NADD", melding: { samtaleId, meldingId: closed.melding?.meldingId } },
    });
    expect(closed.melding?.avsender).toMatchObject({ type: "NAV_KONTOR", kontornavn: "NAV Hamar" });
    expect(closed.melding?.tekst).toBe(
      [
        "Hei!",
        "Du ba NAV om å ringe deg. Vi har prøvd å ringe deg 3 ganger på 49012309 (10. mars kl. 10.30, 10. mars kl. 13.00, 11. mars kl. 10.05), men fikk ikke svar. Derfor har vi avsluttet forespørselen.",
        "Vi vil gjerne snakke med deg. Ta kontakt med oss: ring NAV Hamar på 55 55 33 33 (mandag–torsdag 10.00–15.00, fredag 10.00–14.00), eller svar på denne meldingen. Skriv gjerne når det passer at vi ringer, og om du har fått nytt telefonnummer.",
        "Trenger du hjelp i dag og kontoret er stengt, kan du kontakte legevakten eller kommunens vakttelefon.",
        "Med vennlig hilsen\nNAV Hamar",
      ].join("\n\n"),
    );

    // In the person's general conversation, once; the person's list shows it closed, with the message.
    const page = samtaleSideSchema.parse(await t.json(paths.samtale(samtaleId), fnr));
    expect(page.meldinger.filter((melding) => melding.tekst.includes("Vi har prøvd å ringe deg"))).toHaveLength(1);
    expect(page.meldinger[0]?.meldingId).toBe(closed.melding?.meldingId);
    expect((await list(fnr)).find((entry) => entry.ringTilbakeId === filed.ringTilbakeId)?.lukket?.melding?.meldingId).toBe(closed.melding?.meldingId);

    // Two notices: that the office will call, and that there is a message; neither says what about.
    const notices = (await varsler()).filter((varsel) => varsel.ringTilbakeId === filed.ringTilbakeId || varsel.meldingId === closed.melding?.meldingId);
    expect(notices.map((varsel) => [varsel.kanal, varsel.tekst])).toEqual([
      ["SMS", "NAV Hamar ringer deg innen torsdag 12. mars. Vi kan ringe fra skjult nummer. Hører du ikke fra oss, kan du ringe 55 55 33 33."],
      ["SMS", "Du har fått en ny melding fra NAV. Logg inn på nav.no for å lese den."],
    ]);
    for (const notice of notices) expect(notice.tekst).not.toMatch(/vedtak|avslag|strøm/i);
    expect(closed.melding?.tekst).not.toMatch(/vedtak|avslag|strøm/i);

    // Closed is closed.
    await act(filed.ringTilbakeId, "ringt-ikke-nadd", 400);
    expect((await act(filed.ringTilbakeId, "lukk"))?.ringTilbake.lukket?.arsak).toBe("IKKE_NADD");
  });

  it("describes opening hours in words, days with the same hours together", () => {
    expect(describeHours([])).toBe("");
    expect(
      describeHours([
        { dag: "MANDAG", fra: "09:00", til: "11:30" },
        { dag: "MANDAG", fra: "12:30", til: "15:00" },
        { dag: "TIRSDAG", fra: "09:00", til: "15:00" },
        { dag: "ONSDAG", fra: "09:00", til: "15:00" },
        { dag: "FREDAG", fra: "09:00", til: "15:00" },
      ]),
    ).toBe("mandag 09.00–11.30 og 12.30–15.00, tirsdag–onsdag 09.00–15.00, fredag 09.00–15.00");
    expect(closingMessage({ forsok: [], telefonnummer: "41234501", kontornavn: "NAV X" } as never, undefined)).toContain("ring NAV X, eller svar på denne meldingen");
  });
});

describe("the report", () => {
  it("counts per office over the last 30 days: requests, the share first called by the deadline, the median minutes to the first call", async () => {
    // NAV Bergenhus: aleneforelder lives there, and no other test files there. One request from before the period.
    setClock("2026-02-07T09:15:00Z");
    await file("aleneforelder", { hastegrad: "NAR_DET_PASSER" });

    setClock("2026-03-10T09:15:00Z"); // Tuesday 10:15
    const inTime = await file("aleneforelder"); // I_DAG, due 11:15Z
    const inTimeNoAnswer = await file("aleneforelder", { hastegrad: "TO_VIRKEDAGER" });
    const late = await file("aleneforelder");
    await file("aleneforelder"); // never called: the deadline passes
    await file("aleneforelder", { hastegrad: "NAR_DET_PASSER" }); // waits
    const closedEarly = await file("aleneforelder", { hastegrad: "TO_VIRKEDAGER" });
    const closedLate = await file("aleneforelder");

    setClock("2026-03-10T09:45:00Z");
    await act(inTime.ringTilbakeId, "ringt-nadd"); // 30 minutes
    setClock("2026-03-10T10:00:00Z");
    await act(closedEarly.ringTilbakeId, "lukk"); // not measured
    setClock("2026-03-10T10:45:00Z");
    await act(inTimeNoAnswer.ringTilbakeId, "ringt-ikke-nadd"); // 90 minutes: a call without an answer is a call
    setClock("2026-03-10T12:00:00Z");
    await act(closedLate.ringTilbakeId, "lukk"); // closed after 11:15 without a call: late
    setClock("2026-03-10T14:15:00Z");
    await act(late.ringTilbakeId, "ringt-nadd"); // 300 minutes, past 11:15

    setClock("2026-03-10T15:00:00Z");
    const report = ringTilbakeRapportSchema.parse(await t.json(paths.ringTilbakeRapport));
    expect(report.fra).toBe("2026-02-08T15:00:00.000Z");
    expect(report.til).toBe("2026-03-10T15:00:00.000Z");
    expect(report.kontorer.find((kontor) => kontor.navEnhet === "1209")).toEqual({
      navEnhet: "1209",
      kontornavn: "NAV Bergenhus",
      antall: 7,
      malt: 5,
      ringtITide: 2,
      andelITide: 0.4,
      medianMinutterTilForsteOppringing: 90,
      venter: 1,
      lukketUtenOppringing: 1,
    });
    // Every office is there, those without requests too.
    expect(report.kontorer.map((kontor) => kontor.navEnhet)).toContain("1151");
    expect(report.kontorer.find((kontor) => kontor.navEnhet === "1151")).toMatchObject({ antall: 0, malt: 0, andelITide: null, medianMinutterTilForsteOppringing: null });
    // The simulator's JSON API gives the same.
    expect(ringTilbakeRapportSchema.parse(await t.json(`${API}/ringtilbake/rapport`))).toEqual(report);
  });
});

describe("the simulator's page", () => {
  it("shows each office's queue, urgent first and overdue marked, escaped, with the three actions as forms, and the report", async () => {
    setClock("2026-03-10T09:15:00Z");
    const slow = await file("under-behandling", { hastegrad: "NAR_DET_PASSER", notat: "<script>alert(1)</script> Husleie" }); // Trondheim
    const urgent = await file("under-behandling", { tolkesprak: "ti" });
    setClock("2026-03-10T13:00:00Z"); // the urgent one is overdue
    const page = await (await t.call("/mock/fagsystem")).text();
    expect(page).toContain('<h2 id="ringtilbake">Ring tilbake</h2>');
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Husleie");
    expect(page).not.toContain("<script>alert(1)");
    const urgentAt = page.indexOf(`id="ringtilbake-${urgent.ringTilbakeId}"`);
    const slowAt = page.indexOf(`id="ringtilbake-${slow.ringTilbakeId}"`);
    expect(urgentAt).toBeGreaterThan(0);
    expect(urgentAt).toBeLessThan(slowAt);
    expect(page.slice(urgentAt, slowAt)).toContain("FORFALT");
    expect(page.slice(urgentAt, slowAt)).toContain("tigrinja");
    expect(page).toContain(`action="/mock/fagsystem/ringtilbake/${urgent.ringTilbakeId}/handlinger"`);
    for (const action of ["ringt-nadd", "ringt-ikke-nadd", "lukk"]) expect(page.slice(urgentAt, slowAt)).toContain(`value="${action}"`);
    expect(page).toContain('id="ringtilbake-rapport-1601"');

    const posted = await t.call(`/mock/fagsystem/ringtilbake/${urgent.ringTilbakeId}/handlinger`, { method: "POST", body: new URLSearchParams({ action: "ringt-nadd" }), redirect: "manual" });
    expect(posted.status).toBe(303);
    expect(decodeURIComponent(posted.headers.get("Location") ?? "")).toContain("er ringt og nådd");
    expect((await list(fnrOf("under-behandling"))).find((entry) => entry.ringTilbakeId === urgent.ringTilbakeId)?.status).toBe("RINGT_NADD");
    const refused = await t.call(`/mock/fagsystem/ringtilbake/${urgent.ringTilbakeId}/handlinger`, { method: "POST", body: new URLSearchParams({ action: "lukk" }) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("already RINGT_NADD");
  });

  it("keeps the requests with the rest of the mock's state on disk", async () => {
    await t.mock.state.flush();
    const reopened = await MockStore.open(t.dataDir);
    expect(reopened.ringTilbakeAlle().length).toBe(t.mock.state.ringTilbakeAlle().length);
    expect(reopened.ringTilbakeAlle().length).toBeGreaterThan(10);
  });
});
