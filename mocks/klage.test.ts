import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  PERSON_HEADER,
  VEDLEGG_HEADERS,
  digisosSokerSchema,
  errorBodySchema,
  hendelseSchemas,
  klageHendelseSchemas,
  klageListSchema,
  klageSchema,
  mellomlagretFilSchema,
  mellomlagringSchema,
  paths,
  soknadSummaryListSchema,
  vedleggFilSchema,
  type Hendelse,
  type Klage,
  type KlageStatus,
  type SendKlageRequest,
} from "../app/fagsystem/contract";
import { foldEventLog } from "../app/innsyn/fold";
import { NEXT_STATES, type KlageState } from "./klage";
import { placeholderPdf } from "./pdf";
import { MockStore } from "./state";
import { pdfText, startTestMock, type TestMock } from "./test-support";

let t: TestMock;

beforeAll(async () => {
  t = await startTestMock();
});

afterAll(async () => {
  await t?.close();
});

const API = "/mock/fagsystem/api/klager";
const sha512 = (bytes: Uint8Array) => createHash("sha512").update(bytes).digest("hex");
const pdf = (text: string) => Buffer.from(placeholderPdf(text, ["Klage"]));
const fnrOf = (id: string) => t.user(id).fnr;

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  if (code) expect(body.error).toBe(code);
  return body.message ?? "";
}

/** A persona's seeded søknad and its (first) decision's letter id. */
async function decided(personaId: string) {
  const fnr = fnrOf(personaId);
  const [summary] = soknadSummaryListSchema.parse(await t.json(paths.soknader, fnr));
  if (!summary) throw new Error(`${personaId} has no søknad`);
  const log = digisosSokerSchema.parse(await t.json(paths.innsyn(summary.fiksDigisosId), fnr));
  const vedtak = log.hendelser.find((hendelse) => hendelse.type === "vedtakFattet") as Extract<Hendelse, { type: "vedtakFattet" }> | undefined;
  if (!vedtak) throw new Error(`${personaId} has no vedtak`);
  return { fnr, fiksDigisosId: summary.fiksDigisosId, vedtakId: vedtak.vedtaksfil.referanse.id };
}

function klageBody(target: { fiksDigisosId: string; vedtakId: string }, overrides: Partial<SendKlageRequest> = {}): SendKlageRequest {
  return {
    klageId: randomUUID(),
    fiksDigisosId: target.fiksDigisosId,
    vedtakIds: [target.vedtakId],
    language: "nb",
    tekst: "Jeg er uenig i avslaget. Husleien er høyere enn dere har regnet med.",
    klage: { versjon: "1.0" },
    filIder: [],
    pdf: { filename: "klage.pdf", base64: pdf("Klage").toString("base64") },
    ...overrides,
  };
}

const send = (fnr: string, body: unknown) => t.call(paths.klager, { fnr, method: "POST", body });

async function sent(fnr: string, body: SendKlageRequest): Promise<Klage> {
  const response = await send(fnr, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return klageSchema.parse(await response.json());
}

/** One file as the portal sends it: raw bytes, described by headers. */
function upload(pathname: string, fnr: string, bytes: Uint8Array, options: { sha512?: string; type?: string } = {}): Promise<Response> {
  return fetch(new URL(pathname, t.mock.url), {
    method: "POST",
    headers: {
      [PERSON_HEADER]: fnr,
      "Content-Type": "application/pdf",
      [VEDLEGG_HEADERS.type]: options.type ?? "klage|vedlegg",
      [VEDLEGG_HEADERS.filnavn]: encodeURIComponent("husleie æøå.pdf"),
      [VEDLEGG_HEADERS.sha512]: options.sha512 ?? sha512(bytes),
    },
    body: Uint8Array.from(bytes),
  });
}

const klagerOf = async (fnr: string) => klageListSchema.parse(await t.json(paths.klager, fnr));

const appendedSchema = z.object({
  klageId: z.string().uuid(),
  fiksDigisosId: z.string().uuid(),
  hendelser: z.array(klageHendelseSchemas.klageStatus.strict()).length(1),
  soknadHendelser: z.array(z.object({ type: z.string() }).passthrough()),
});

async function act(klageId: string, body: Record<string, unknown>) {
  const response = await t.call(`${API}/${klageId}/handlinger`, { method: "POST", body: { action: "klage", ...body } });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return appendedSchema.parse(JSON.parse(text));
}

async function refused(klageId: string, body: unknown, status = 400): Promise<string> {
  const response = await t.call(`${API}/${klageId}/handlinger`, { method: "POST", body });
  expect(response.status, JSON.stringify(body)).toBe(status);
  return errorBodySchema.parse(await response.json()).message ?? "";
}

const download = (id: string, fnr: string) => t.call(paths.dokumentlager(id), { fnr });

describe("sending a complaint", () => {
  it("creates it once: a retry answers the same complaint with 200", async () => {
    const target = await decided("avslag");
    const body = klageBody(target, { forSentBegrunnelse: "  Jeg lå på sykehus.  " });
    const before = Date.now();
    const first = await sent(target.fnr, body);
    expect(first).toMatchObject({
      klageId: body.klageId,
      fiksDigisosId: target.fiksDigisosId,
      vedtakIds: [target.vedtakId],
      language: "nb",
      tekst: body.tekst,
      forSentBegrunnelse: "Jeg lå på sykehus.",
      navEnhet: "1902",
      filer: [],
      hendelser: [],
    });
    expect(Date.parse(first.sendtTidspunkt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Object.keys(first)).not.toContain("fnr");

    const again = await send(target.fnr, { ...body, tekst: "Changed on the way" });
    expect(again.status).toBe(200);
    expect(klageSchema.parse(await again.json())).toEqual(first);
    expect((await klagerOf(target.fnr)).filter((klage) => klage.klageId === body.klageId)).toEqual([first]);

    // The PDF as sent is the person's to read.
    const file = await download(first.klagePdf.id, target.fnr);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf("Klage"));
  });

  it("twenty parallel sends with one klageId give one complaint, and its file moves once", async () => {
    const target = await decided("avslag");
    const klageId = randomUUID();
    const fil = mellomlagretFilSchema.parse(await (await upload(paths.mellomlagring(klageId), target.fnr, pdf("parallel"))).json());
    const body = klageBody(target, { klageId, filIder: [fil.id] });
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(target.fnr, body)));
    expect(responses.map((response) => response.status).sort((a, b) => a - b)).toEqual([...Array<number>(19).fill(200), 201]);
    const bodies = await Promise.all(responses.map(async (response) => klageSchema.parse(await response.json())));
    for (const answer of bodies) expect(answer).toEqual(bodies[0]);
    expect(bodies[0]?.filer.map((file) => file.id)).toEqual([fil.id]);
    expect(t.mock.state.klagerFor(target.fnr).filter((klage) => klage.klageId === klageId)).toHaveLength(1);
  });

  it("lists the person's complaints newest first", async () => {
    const target = await decided("innvilget");
    const older = await sent(target.fnr, klageBody(target));
    const newer = await sent(target.fnr, klageBody(target));
    const list = await klagerOf(target.fnr);
    expect(list.map((klage) => klage.klageId).slice(0, 2)).toEqual([newer.klageId, older.klageId]);
    expect(await klagerOf(fnrOf("forstegang"))).toEqual([]);
  });

  it("takes only the søknad's own decisions, and a PDF", async () => {
    const target = await decided("avslag");
    const other = await decided("innvilget");
    expect(await expectError(await send(target.fnr, klageBody(target, { vedtakIds: [target.vedtakId, randomUUID()] })), 400, "unknown-vedtak")).toMatch(/no vedtak/);
    // A decision of someone else's søknad is not a decision of this one.
    await expectError(await send(target.fnr, klageBody(target, { vedtakIds: [other.vedtakId] })), 400, "unknown-vedtak");
    // A letter that is no decision (the foreløpig svar) is not one either.
    const log = digisosSokerSchema.parse(await t.json(paths.innsyn(target.fiksDigisosId), target.fnr));
    const forelopig = log.hendelser.find((hendelse) => hendelse.type === "forelopigSvar") as Extract<Hendelse, { type: "forelopigSvar" }>;
    await expectError(await send(target.fnr, klageBody(target, { vedtakIds: [forelopig.forvaltningsbrev.referanse.id] })), 400, "unknown-vedtak");
    await expectError(await send(target.fnr, klageBody(target, { pdf: { filename: "klage.pdf", base64: Buffer.from("not a pdf").toString("base64") } })), 400, "invalid-pdf");
    await expectError(await send(target.fnr, { ...klageBody(target), tekst: "   " }), 400, "invalid-klage");
    await expectError(await send(target.fnr, { ...klageBody(target), vedtakIds: [] }), 400, "invalid-klage");
    await expectError(await send(target.fnr, "{not json"), 400, "invalid-json");
    await expectError(await t.call(paths.klager, { method: "POST", body: klageBody(target) }), 400, "missing-person");
    // The same decision twice is one decision.
    const twice = await sent(target.fnr, klageBody(target, { vedtakIds: [target.vedtakId, target.vedtakId] }));
    expect(twice.vedtakIds).toEqual([target.vedtakId]);
  });

  it("answers 404 for someone else's søknad, and for someone else's klageId", async () => {
    const owner = await decided("avslag");
    const stranger = fnrOf("innvilget");
    await expectError(await send(stranger, klageBody(owner)), 404, "not-found");
    await expectError(await send(owner.fnr, klageBody({ ...owner, fiksDigisosId: randomUUID() })), 404, "not-found");
    const klage = await sent(owner.fnr, klageBody(owner));
    // Another person sending with the same id learns nothing and changes nothing.
    const theirs = await decided("innvilget");
    await expectError(await send(stranger, klageBody(theirs, { klageId: klage.klageId })), 404, "not-found");
    expect((await klagerOf(stranger)).map((item) => item.klageId)).not.toContain(klage.klageId);
  });

  it("moves the listed files from mellomlagring into the complaint, drops the rest, and refuses later uploads there", async () => {
    const target = await decided("avslag");
    const klageId = randomUUID();
    const a = mellomlagretFilSchema.parse(await (await upload(paths.mellomlagring(klageId), target.fnr, pdf("a"))).json());
    const b = mellomlagretFilSchema.parse(await (await upload(paths.mellomlagring(klageId), target.fnr, pdf("b"))).json());
    const forgotten = mellomlagretFilSchema.parse(await (await upload(paths.mellomlagring(klageId), target.fnr, pdf("forgotten"))).json());
    const othersFile = mellomlagretFilSchema.parse(await (await upload(paths.mellomlagring(klageId), fnrOf("innvilget"), pdf("theirs"))).json());

    // Files not in this person's mellomlagring for this complaint: refused, nothing created or moved.
    for (const filIder of [[othersFile.id], [randomUUID()], [a.id, a.id]]) {
      await expectError(await send(target.fnr, klageBody(target, { klageId, filIder })), 400, "invalid-vedlegg");
    }
    expect(t.mock.state.klage(klageId)).toBeUndefined();
    expect(mellomlagringSchema.parse(await t.json(paths.mellomlagring(klageId), target.fnr)).filer).toHaveLength(3);

    const klage = await sent(target.fnr, klageBody(target, { klageId, filIder: [b.id, a.id] }));
    const strip = ({ type: _type, tilleggsinfo: _tilleggsinfo, ...fil }: typeof a) => fil;
    expect(klage.filer).toEqual([strip(b), strip(a)]);
    expect(mellomlagringSchema.parse(await t.json(paths.mellomlagring(klageId), target.fnr)).filer).toEqual([]);
    expect((await download(a.id, target.fnr)).status).toBe(200);
    expect((await download(forgotten.id, target.fnr)).status).toBe(404);
    // The other person's space under the same id is theirs and untouched.
    expect(mellomlagringSchema.parse(await t.json(paths.mellomlagring(klageId), fnrOf("innvilget"))).filer.map((fil) => fil.id)).toEqual([othersFile.id]);

    await expectError(await upload(paths.mellomlagring(klageId), target.fnr, pdf("late")), 409, "already-sent");
  });
});

describe("files and withdrawal", () => {
  it("takes more files while the complaint is open, refuses them once it is decided, and serves them to the owner only", async () => {
    const target = await decided("avslag");
    const klage = await sent(target.fnr, klageBody(target));
    const answer = await upload(paths.klageVedlegg(klage.klageId), target.fnr, pdf("more"));
    expect(answer.status).toBe(201);
    const fil = vedleggFilSchema.parse(await answer.json());
    expect(fil).toMatchObject({ filnavn: "husleie æøå.pdf", mimetype: "application/pdf", sha512: sha512(pdf("more")) });

    await expectError(await upload(paths.klageVedlegg(klage.klageId), target.fnr, pdf("more")), 409, "duplicate");
    await expectError(await upload(paths.klageVedlegg(klage.klageId), target.fnr, pdf("x"), { sha512: sha512(pdf("y")) }), 400, "sha512-mismatch");
    await expectError(await upload(paths.klageVedlegg(klage.klageId), fnrOf("innvilget"), pdf("not mine")), 404, "not-found");
    await expectError(await upload(paths.klageVedlegg(randomUUID()), target.fnr, pdf("nowhere")), 404, "not-found");

    // The caseworker moves it along: still open while with the Statsforvalter, decided after.
    for (const status of ["MOTTATT", "UNDER_BEHANDLING", "OPPRETTHOLDT", "SENDT_TIL_STATSFORVALTEREN"]) await act(klage.klageId, { status });
    expect((await upload(paths.klageVedlegg(klage.klageId), target.fnr, pdf("for the Statsforvalter"))).status).toBe(201);
    await act(klage.klageId, { status: "STADFESTET" });
    await expectError(await upload(paths.klageVedlegg(klage.klageId), target.fnr, pdf("too late")), 409, "klage-avgjort");

    const [now] = (await klagerOf(target.fnr)).filter((item) => item.klageId === klage.klageId);
    expect(now?.filer.map((file) => file.id)).toHaveLength(2);
    expect(now?.filer[0]).toEqual(fil);
    const bytes = await download(fil.id, target.fnr);
    expect(bytes.status).toBe(200);
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(pdf("more"));
    for (const id of [fil.id, klage.klagePdf.id, ...(now?.hendelser.flatMap((hendelse) => (hendelse.brev as { referanse: { id: string } } | null)?.referanse.id ?? []) ?? [])]) {
      expect((await download(id, fnrOf("innvilget"))).status, id).toBe(404);
      expect((await download(id, target.fnr)).status, id).toBe(200);
      expect((await t.call(`/mock/fagsystem/dokumenter/${id}`)).status, id).toBe(200);
    }
  });

  it("withdraws an open complaint with a letter in its language, answers a repeat the same, and refuses a decided one", async () => {
    const target = await decided("avslag");
    const klage = await sent(target.fnr, klageBody(target, { language: "en" }));
    await act(klage.klageId, { status: "MOTTATT" });
    const trekk = () => t.call(paths.trekkKlage(klage.klageId), { fnr: target.fnr, method: "POST", body: {} });

    await expectError(await t.call(paths.trekkKlage(klage.klageId), { fnr: fnrOf("innvilget"), method: "POST", body: {} }), 404, "not-found");
    const [first, parallel] = await Promise.all([trekk(), trekk()]);
    expect([first?.status, parallel?.status]).toEqual([200, 200]);
    const withdrawn = klageSchema.parse(await first?.json());
    expect(klageSchema.parse(await parallel?.json())).toEqual(withdrawn);
    expect(withdrawn.hendelser.map((hendelse) => hendelse.status)).toEqual(["MOTTATT", "TRUKKET"]);
    const event = klageHendelseSchemas.klageStatus.parse(withdrawn.hendelser[1]);
    expect(event).toMatchObject({ status: "TRUKKET", nyttVedtak: null, arsak: null, brev: { referanse: { type: "dokumentlager" } } });

    const again = await trekk();
    expect(again.status).toBe(200);
    expect(klageSchema.parse(await again.json())).toEqual(withdrawn);
    await expectError(await upload(paths.klageVedlegg(klage.klageId), target.fnr, pdf("after")), 409, "klage-avgjort");

    const letter = await download(event.brev?.referanse.id ?? "", target.fnr);
    expect(letter.status).toBe(200);
    const bytes = new Uint8Array(await letter.arrayBuffer());
    expect(Buffer.from(bytes).toString("latin1")).toContain("/Lang (en-GB)");
    const text = pdfText(bytes).replace(/\s+/g, " ");
    for (const expected of ["You have withdrawn your appeal", "Marek Nowak", "NAV Tromsø", "SAK-3001", "remain in force"]) expect(text, expected).toContain(expected);
    expect(text).not.toMatch(/complain/i);

    const decidedKlage = await sent(target.fnr, klageBody(target));
    for (const status of ["MOTTATT", "UNDER_BEHANDLING", "MEDHOLD"]) await act(decidedKlage.klageId, { status });
    await expectError(await t.call(paths.trekkKlage(decidedKlage.klageId), { fnr: target.fnr, method: "POST", body: {} }), 409, "klage-avgjort");
    await expectError(await t.call(paths.trekkKlage(randomUUID()), { fnr: target.fnr, method: "POST", body: {} }), 404, "not-found");
  });
});

describe("the simulator's klage action", () => {
  it("allows every move the design lists, each with its letter, and the portal can read the result", async () => {
    const target = await decided("avslag");
    const covered = new Set<string>();
    const walks: { language: SendKlageRequest["language"]; steps: Record<string, unknown>[] }[] = [
      { language: "nb", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "MEDHOLD", belop: 4500 }] },
      { language: "nn", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "DELVIS_MEDHOLD" }, { status: "SENDT_TIL_STATSFORVALTEREN" }, { status: "STADFESTET", begrunnelse: "Vedtaket er rett." }] },
      { language: "en", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "AVVIST", arsak: "FOR_SENT" }] },
      { language: "nb", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }, { status: "SENDT_TIL_STATSFORVALTEREN" }, { status: "OPPHEVET" }] },
      { language: "nn", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }, { status: "SENDT_TIL_STATSFORVALTEREN" }, { status: "ENDRET" }] },
      { language: "nb", steps: [{ status: "TRUKKET" }] },
      { language: "nb", steps: [{ status: "MOTTATT" }, { status: "TRUKKET" }] },
      { language: "nb", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "TRUKKET" }] },
      { language: "nb", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }, { status: "TRUKKET" }] },
      { language: "nb", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }, { status: "SENDT_TIL_STATSFORVALTEREN" }, { status: "TRUKKET" }] },
      { language: "en", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "AVVIST", arsak: "IKKE_KLAGERETT" }] },
      { language: "nn", steps: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "AVVIST", arsak: "ANNET", begrunnelse: "Klaga er ikkje underskriven." }] },
    ];
    for (const walk of walks) {
      const klage = await sent(target.fnr, klageBody(target, { language: walk.language }));
      let from: KlageState = "SENDT";
      for (const step of walk.steps) {
        const before = digisosSokerSchema.parse(await t.json(paths.innsyn(target.fiksDigisosId), target.fnr)).hendelser;
        const { hendelser, soknadHendelser } = await act(klage.klageId, step);
        const [event] = hendelser;
        const status = step.status as KlageStatus;
        covered.add(`${from}→${status}`);
        expect(event?.status).toBe(status);
        expect(Boolean(event?.brev), status).toBe(status !== "MOTTATT" && status !== "UNDER_BEHANDLING");
        expect(event?.arsak ?? null).toBe(status === "AVVIST" ? step.arsak : null);

        // The søknad's log: a new vedtak for MEDHOLD, DELVIS_MEDHOLD and ENDRET, nothing else.
        const after = digisosSokerSchema.parse(await t.json(paths.innsyn(target.fiksDigisosId), target.fnr)).hendelser;
        expect(after.slice(0, before.length)).toEqual(before);
        expect(after.slice(before.length)).toEqual(soknadHendelser);
        for (const hendelse of after) expect(hendelseSchemas[hendelse.type as Hendelse["type"]].strict().safeParse(hendelse).success, hendelse.type).toBe(true);
        if (status === "MEDHOLD" || status === "DELVIS_MEDHOLD" || status === "ENDRET") {
          const [vedtak, utbetaling] = soknadHendelser;
          expect(vedtak).toMatchObject({ type: "vedtakFattet", saksreferanse: "SAK-3001", utfall: status === "DELVIS_MEDHOLD" ? "DELVIS_INNVILGET" : "INNVILGET" });
          expect(event?.nyttVedtak?.referanse.id).toBe((vedtak as Extract<Hendelse, { type: "vedtakFattet" }>).vedtaksfil.referanse.id);
          if (step.belop) expect(utbetaling).toMatchObject({ type: "utbetaling", status: "PLANLAGT_UTBETALING", belop: step.belop, saksreferanse: "SAK-3001", mottaker: "Marek Nowak" });
          else expect(utbetaling).toBeUndefined();

          // What the portal's fold makes of it: the new decision, with its letter, under the same sak.
          const folded = foldEventLog({ version: "1.0.0", avsender: { systemnavn: "Mock fagsystem", systemversjon: "1.0" }, hendelser: after }, { sendtTidspunkt: null, deliveries: [], now: new Date() });
          if (!folded.ok) throw new Error(folded.reason);
          expect(folded.view.skippedUnknown).toBe(0);
          expect(folded.view.vedtak.map((item) => item.letterId)).toContain(event?.nyttVedtak?.referanse.id);
          // And the new decision can itself be complained about.
          const next = await sent(target.fnr, klageBody({ ...target, vedtakId: event?.nyttVedtak?.referanse.id ?? "" }));
          expect(next.vedtakIds).toEqual([event?.nyttVedtak?.referanse.id]);
        } else {
          expect(soknadHendelser).toEqual([]);
          expect(event?.nyttVedtak).toBeNull();
        }
        from = status;
      }
      const [stored] = (await klagerOf(target.fnr)).filter((item) => item.klageId === klage.klageId);
      expect(klageSchema.parse(stored).hendelser.map((hendelse) => hendelse.status)).toEqual(walk.steps.map((step) => step.status));
    }

    const designed = Object.entries(NEXT_STATES).flatMap(([from, next]) => next.map((status) => `${from}→${status}`));
    expect([...covered].sort()).toEqual(designed.sort());
  });

  it("refuses a move the state does not allow and says which are", async () => {
    const target = await decided("avslag");
    const klage = await sent(target.fnr, klageBody(target));
    expect(await refused(klage.klageId, { action: "klage", status: "MEDHOLD" })).toBe("status: a klage in SENDT can become MOTTATT or TRUKKET, not MEDHOLD");
    await act(klage.klageId, { status: "MOTTATT" });
    await act(klage.klageId, { status: "UNDER_BEHANDLING" });
    expect(await refused(klage.klageId, { action: "klage", status: "STADFESTET" })).toBe(
      "status: a klage in UNDER_BEHANDLING can become MEDHOLD, DELVIS_MEDHOLD, AVVIST, OPPRETTHOLDT or TRUKKET, not STADFESTET",
    );
    await act(klage.klageId, { status: "AVVIST", arsak: "FOR_SENT" });
    expect(await refused(klage.klageId, { action: "klage", status: "TRUKKET" })).toMatch(/AVVIST, which is final/);

    const open = await sent(target.fnr, klageBody(target));
    const cases: [unknown, RegExp][] = [
      [{ action: "klage", status: "MOTTATT", begrunnelse: "Mottatt." }, /begrunnelse: MOTTATT comes without a letter/],
      [{ action: "klage", status: "MOTTATT", belop: 100 }, /belop: only for MEDHOLD/],
      [{ action: "klage", status: "MOTTATT", arsak: "FOR_SENT" }, /arsak: only for AVVIST/],
      [{ action: "klage", status: "AVVIST" }, /arsak: required for AVVIST/],
      [{ action: "klage", status: "DONE" }, /status/],
      [{ action: "klage", status: "MOTTATT", extra: 1 }, /Unrecognized/],
      [{ action: "klage", klageId: randomUUID(), status: "MOTTATT" }, /klageId: the body says/],
      [{ action: "status", status: "MOTTATT" }, /action/],
      ["{not json", /JSON/],
    ];
    for (const [body, message] of cases) expect(await refused(open.klageId, body)).toMatch(message);
    expect(t.mock.state.klage(open.klageId)?.hendelser).toEqual([]);
    expect(await refused(randomUUID(), { action: "klage", status: "MOTTATT" }, 404)).toMatch(/no klage/);
  });

  it("writes each letter in the complaint's language: real nynorsk, and English that says appeal", async () => {
    const target = await decided("avslag");
    const textOf = async (id: string | undefined) => {
      const response = await download(id ?? "", target.fnr);
      expect(response.status).toBe(200);
      return pdfText(new Uint8Array(await response.arrayBuffer())).replace(/\s+/g, " ");
    };

    const nn = await sent(target.fnr, klageBody(target, { language: "nn" }));
    for (const status of ["MOTTATT", "UNDER_BEHANDLING", "OPPRETTHOLDT"]) await act(nn.klageId, { status });
    const sendt = await act(nn.klageId, { status: "SENDT_TIL_STATSFORVALTEREN" });
    const endret = await act(nn.klageId, { status: "ENDRET", belop: 1200 });
    const sendtText = await textOf(sendt.hendelser[0]?.brev?.referanse.id);
    for (const expected of ["Vi har sendt klaga di til Statsforvaltaren", "Du klaga på vedtaket frå", "forvaltningslova § 18", "Marek Nowak"]) expect(sendtText, expected).toContain(expected);
    const endretText = await textOf(endret.hendelser[0]?.brev?.referanse.id);
    for (const expected of ["Statsforvaltaren har endra vedtaket", "eit eige brev", "Du kan ikkje klage"]) expect(endretText, expected).toContain(expected);
    const vedtakText = await textOf(endret.hendelser[0]?.nyttVedtak?.referanse.id);
    for (const expected of ["Vedtak om økonomisk sosialhjelp", "Statsforvaltaren har endra vedtaket", "Dette er det nye vedtaket", "innvilga", "1", "200 kroner", "Du kan ikkje klage"]) expect(vedtakText, expected).toContain(expected);
    for (const text of [sendtText, endretText, vedtakText]) expect(text).not.toMatch(/\b(ikke|klagen|behandle|hvis|Statsforvalteren)\b/);

    const en = await sent(target.fnr, klageBody(target, { language: "en", forSentBegrunnelse: "I was in hospital." }));
    for (const status of ["MOTTATT", "UNDER_BEHANDLING"]) await act(en.klageId, { status });
    const avvist = await act(en.klageId, { status: "AVVIST", arsak: "FOR_SENT" });
    const avvistText = await textOf(avvist.hendelser[0]?.brev?.referanse.id);
    for (const expected of ["we cannot consider it", "section 29", "section 31", "what you wrote about why your appeal was late", "You can appeal", "County Governor (Statsforvalteren)"]) expect(avvistText, expected).toContain(expected);
    expect(avvistText).not.toMatch(/complain/i);

    const nb = await sent(target.fnr, klageBody(target));
    for (const status of ["MOTTATT", "UNDER_BEHANDLING"]) await act(nb.klageId, { status });
    const medhold = await act(nb.klageId, { status: "MEDHOLD", begrunnelse: "Husleien var høyere enn vi regnet med." });
    const medholdText = await textOf(medhold.hendelser[0]?.brev?.referanse.id);
    for (const expected of ["Svar på klagen din: vi endrer vedtaket", "Vi er enige med deg", "Husleien var høyere enn vi regnet med.", "NAV Tromsø"]) expect(medholdText, expected).toContain(expected);
    const nyttText = await textOf(medhold.hendelser[0]?.nyttVedtak?.referanse.id);
    for (const expected of ["Vi har vurdert saken på nytt og gjort et nytt vedtak", "Du kan klage", "tre uker"]) expect(nyttText, expected).toContain(expected);
    for (const text of [medholdText, nyttText]) expect(text).not.toMatch(/\b(ikkje|klaga|handsam\w*|dersom|Statsforvaltaren)\b/);
  });
});

describe("the simulator's JSON list and HTML page", () => {
  const overviewSchema = z.array(klageSchema.extend({ personaId: z.string(), name: z.string(), fnr: z.string(), status: z.string(), open: z.boolean(), nextStatuses: z.array(z.string()) }));

  it("lists every complaint with its person, state and next states", async () => {
    const target = await decided("klagefrist-ute");
    const klage = await sent(target.fnr, klageBody(target, { forSentBegrunnelse: "Jeg var på sykehus." }));
    const list = overviewSchema.parse(await t.json(API));
    const entry = list.find((item) => item.klageId === klage.klageId);
    expect(entry).toMatchObject({ personaId: "klagefrist-ute", name: "Silje Tjelta", fnr: target.fnr, status: "SENDT", open: true, nextStatuses: ["MOTTATT", "TRUKKET"], navEnhet: "1103" });
    expect(overviewSchema.element.parse(await t.json(`${API}/${klage.klageId}`))).toEqual(entry);
    expect((await t.call(`${API}/${randomUUID()}`)).status).toBe(404);
  });

  it("shows a søknad's complaints with a form for the next state that works without script", async () => {
    const target = await decided("klagefrist-ute");
    const klage = await sent(target.fnr, klageBody(target, { tekst: `<script>alert("x")</script>` }));
    const page = await (await t.call(`/mock/fagsystem/soknader/${target.fiksDigisosId}`)).text();
    expect(page).toContain(`id="klage-${klage.klageId}"`);
    expect(page).toContain(`action="/mock/fagsystem/klager/${klage.klageId}/handlinger"`);
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;");
    for (const [, fieldId] of page.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)) expect(page, fieldId).toContain(`for="${fieldId}"`);
    const overview = await (await t.call("/mock/fagsystem")).text();
    expect(overview).toContain("<th scope=\"col\">Klager</th>");

    const form = (fields: Record<string, string>) => new URLSearchParams(fields);
    const post = (fields: Record<string, string>) => t.call(`/mock/fagsystem/klager/${klage.klageId}/handlinger`, { method: "POST", body: form(fields), redirect: "manual" });
    // Fields the chosen state does not take (a reason, an amount) are left out, as the vedtak form does.
    const moved = await post({ status: "MOTTATT", arsak: "FOR_SENT", begrunnelse: "typed before choosing", belop: "100" });
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toMatch(new RegExp(`^/mock/fagsystem/soknader/${target.fiksDigisosId}\\?melding=.*#klage-${klage.klageId}$`));
    expect(t.mock.state.klage(klage.klageId)?.hendelser.map((hendelse) => hendelse.status)).toEqual(["MOTTATT"]);
    await post({ status: "UNDER_BEHANDLING" });
    expect((await post({ status: "AVVIST", arsak: "FOR_SENT", begrunnelse: "", belop: "" })).status).toBe(303);
    expect(t.mock.state.klage(klage.klageId)?.hendelser.at(-1)).toMatchObject({ status: "AVVIST", arsak: "FOR_SENT" });

    const bad = await post({ status: "MEDHOLD" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain('role="alert"');
    expect(badPage).toContain("AVVIST, which is final");
    expect(badPage).toContain("Klagen er avgjort (AVVIST)");
    expect((await t.call(`/mock/fagsystem/klager/${randomUUID()}/handlinger`, { method: "POST", body: form({ status: "MOTTATT" }) })).status).toBe(404);
  });
});

describe("the rest of the mock", () => {
  it("lets faults target the complaint paths by prefix, method and person, as the other paths", async () => {
    const target = await decided("avslag");
    const klage = await sent(target.fnr, klageBody(target));
    const put = async (fault: unknown) => expect((await t.call("/mock/faults", { method: "PUT", body: fault })).status).toBe(201);
    try {
      await put({ path: paths.klager, method: "GET", status: 503 });
      expect((await t.call(paths.klager, { fnr: target.fnr })).status).toBe(503);
      // A prefix fault for GET leaves the POSTs under the same prefix alone.
      expect((await send(target.fnr, klageBody(target))).status).toBe(201);
      await t.call("/mock/faults", { method: "DELETE" });

      await put({ path: paths.klageVedlegg(klage.klageId), fnr: target.fnr, status: 500 });
      expect((await upload(paths.klageVedlegg(klage.klageId), target.fnr, pdf("faulty"))).status).toBe(500);
      await put({ path: paths.klager, method: "POST", drop: true });
      await expect(send(target.fnr, klageBody(target))).rejects.toThrow();
      expect((await t.call(paths.klager, { fnr: target.fnr })).status).toBe(200);
    } finally {
      await t.call("/mock/faults", { method: "DELETE" });
    }
    expect((await klagerOf(target.fnr)).find((item) => item.klageId === klage.klageId)?.filer).toEqual([]);
  });

  it("keeps complaints across a restart, as the rest of the state", async () => {
    const target = await decided("avslag");
    const klage = await sent(target.fnr, klageBody(target));
    await act(klage.klageId, { status: "MOTTATT" });
    await t.mock.state.flush();
    const reopened = await MockStore.open(t.dataDir);
    expect(reopened.klage(klage.klageId)).toEqual(t.mock.state.klage(klage.klageId));
    expect(reopened.klagerFor(target.fnr).length).toBe(t.mock.state.klagerFor(target.fnr).length);
  });

  it("answers the portal's client in the contract's shapes, and names the refusals", async () => {
    process.env.FAGSYSTEM_URL = t.mock.url;
    process.env.MOCKS = "true";
    const { fagsystem } = await import("../app/fagsystem/client.server");
    const target = await decided("avslag");
    const body = klageBody(target, { language: "nn" });
    const klage = await fagsystem.sendKlage(target.fnr, body);
    expect(await fagsystem.sendKlage(target.fnr, body)).toEqual(klage);
    expect((await fagsystem.klager(target.fnr)).map((item) => item.klageId)).toContain(klage.klageId);
    const bytes = pdf("client");
    const fil = await fagsystem.ettersendKlage(target.fnr, klage.klageId, { type: "klage|vedlegg", filnavn: "a.pdf", sha512: sha512(bytes), mimetype: "application/pdf", bytes });
    expect(fil.sha512).toBe(sha512(bytes));
    const withdrawn = await fagsystem.trekkKlage(target.fnr, klage.klageId);
    expect(withdrawn.hendelser.at(-1)).toMatchObject({ status: "TRUKKET" });
    expect(await fagsystem.trekkKlage(target.fnr, klage.klageId)).toEqual(withdrawn);
    const other = bytes.subarray(0, bytes.length - 1);
    await expect(fagsystem.ettersendKlage(target.fnr, klage.klageId, { type: "klage|vedlegg", filnavn: "b.pdf", sha512: sha512(other), mimetype: "application/pdf", bytes: other })).rejects.toMatchObject({
      kind: "rejected",
      status: 409,
      code: "klage-avgjort",
    });
    await expect(fagsystem.trekkKlage(fnrOf("innvilget"), klage.klageId)).rejects.toMatchObject({ kind: "not-found" });
    await expect(fagsystem.sendKlage(target.fnr, { ...body, klageId: randomUUID(), vedtakIds: ["nope"] })).rejects.toMatchObject({ kind: "rejected", code: "unknown-vedtak" });
  });
});
