import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { klageSchema, klageStatusSchema, type Klage, type KlageStatus } from "../fagsystem/contract";
import { foldKlage } from "./fold";
import { NEW_VEDTAK_DAYS, OPEN_KLAGE_STATES, type KlageView } from "./view";

/* ---------- builders ---------- */

const NOW = new Date("2025-03-15T12:00:00.000Z");
/** A moment `minutes` after 1 March 2025 00:00 UTC. */
const t = (minutes: number) => new Date(Date.UTC(2025, 2, 1) + minutes * 60_000).toISOString();

type Event = Record<string, unknown> & { type: string; hendelsestidspunkt: string };

const KLAGE_ID = "6f1c1a52-8d2c-4a55-9a0e-0c6d1b0f0a01";
const SOKNAD_ID = "0b5d6f3e-6a0c-4d5e-8d4a-1f2e3d4c5b6a";
const sha = "a".repeat(128);

const klage = (hendelser: Event[], overrides: Partial<Klage> = {}): Klage =>
  klageSchema.parse({
    klageId: KLAGE_ID,
    fiksDigisosId: SOKNAD_ID,
    vedtakIds: ["VEDTAK-1"],
    sendtTidspunkt: t(-10),
    navEnhet: "0301",
    language: "nb",
    tekst: "Jeg trenger penger til husleie.\nDet står i kontrakten.",
    forSentBegrunnelse: null,
    klagePdf: { type: "dokumentlager", id: "KLAGE-PDF" },
    filer: [],
    hendelser,
    ...overrides,
  });

function fold(hendelser: Event[], overrides: Partial<Klage> = {}, now = NOW): KlageView {
  const result = foldKlage(klage(hendelser, overrides), { now });
  if (!result.ok) throw new Error(result.reason);
  return result.view;
}

const brev = (id: string) => ({ referanse: { type: "dokumentlager", id } });
const status = (at: string, value: KlageStatus, fields: { brev?: string; nyttVedtak?: string; arsak?: "FOR_SENT" | "IKKE_KLAGERETT" | "ANNET" } = {}): Event => ({
  type: "klageStatus",
  hendelsestidspunkt: at,
  status: value,
  ...(fields.brev ? { brev: brev(fields.brev) } : {}),
  ...(fields.nyttVedtak ? { nyttVedtak: brev(fields.nyttVedtak) } : {}),
  ...(fields.arsak ? { arsak: fields.arsak } : {}),
});
const states = (view: KlageView) => view.timeline.map((entry) => (entry.kind === "sendt" ? "SENDT" : entry.status));

/* ---------- the rules, one at a time ---------- */

describe("foldKlage", () => {
  it("shows a complaint without events as sent, open, not news, with the person's own words and files", () => {
    const file = { id: "F1", filnavn: "kontrakt.pdf", mimetype: "application/pdf" as const, storrelse: 1234, sha512: sha, lastetOpp: t(-10), sider: 2 };
    const view = fold([], { forSentBegrunnelse: "Jeg lå på sykehus.", filer: [file] });
    expect(view).toMatchObject({
      klageId: KLAGE_ID,
      soknadId: SOKNAD_ID,
      vedtakIds: ["VEDTAK-1"],
      sendt: t(-10),
      state: "SENDT",
      stateSince: t(-10),
      open: true,
      news: false,
      letters: [],
      nyttVedtak: null,
      avvistArsak: null,
      tekst: "Jeg trenger penger til husleie.\nDet står i kontrakten.",
      forSentBegrunnelse: "Jeg lå på sykehus.",
      klagePdfId: "KLAGE-PDF",
      files: [file],
      skippedUnknown: 0,
    });
    expect(view.timeline).toEqual([{ at: t(-10), kind: "sendt" }]);
  });

  it("follows the states in time order, each with its date and letter", () => {
    const view = fold([status(t(120), "OPPRETTHOLDT", { brev: "B-OPP" }), status(t(0), "MOTTATT"), status(t(60), "UNDER_BEHANDLING"), status(t(180), "SENDT_TIL_STATSFORVALTEREN", { brev: "B-SF" })]);
    expect(view.timeline).toEqual([
      { at: t(-10), kind: "sendt" },
      { at: t(0), kind: "status", status: "MOTTATT", letterId: null, nyttVedtak: null, arsak: null },
      { at: t(60), kind: "status", status: "UNDER_BEHANDLING", letterId: null, nyttVedtak: null, arsak: null },
      { at: t(120), kind: "status", status: "OPPRETTHOLDT", letterId: "B-OPP", nyttVedtak: null, arsak: null },
      { at: t(180), kind: "status", status: "SENDT_TIL_STATSFORVALTEREN", letterId: "B-SF", nyttVedtak: null, arsak: null },
    ]);
    expect(view.state).toBe("SENDT_TIL_STATSFORVALTEREN");
    expect(view.stateSince).toBe(t(180));
    expect(view.open).toBe(true);
    expect(view.letters).toEqual([
      { status: "OPPRETTHOLDT", letterId: "B-OPP", date: t(120) },
      { status: "SENDT_TIL_STATSFORVALTEREN", letterId: "B-SF", date: t(180) },
    ]);
  });

  it("is open exactly in SENDT, MOTTATT, UNDER_BEHANDLING, OPPRETTHOLDT and SENDT_TIL_STATSFORVALTEREN", () => {
    expect([...OPEN_KLAGE_STATES].sort()).toEqual(["MOTTATT", "OPPRETTHOLDT", "SENDT", "SENDT_TIL_STATSFORVALTEREN", "UNDER_BEHANDLING"]);
    for (const value of klageStatusSchema.options) {
      expect(fold([status(t(0), value)]).open, value).toBe(OPEN_KLAGE_STATES.includes(value));
    }
  });

  it("gives the new decision of MEDHOLD, DELVIS_MEDHOLD and ENDRET; the newest one wins", () => {
    expect(fold([status(t(0), "MEDHOLD", { brev: "B1", nyttVedtak: "NY-1" })]).nyttVedtak).toBe("NY-1");
    const view = fold([status(t(0), "DELVIS_MEDHOLD", { brev: "B1", nyttVedtak: "NY-1" }), status(t(60), "SENDT_TIL_STATSFORVALTEREN", { brev: "B2" }), status(t(120), "ENDRET", { brev: "B3", nyttVedtak: "NY-2" })]);
    expect(view.nyttVedtak).toBe("NY-2");
    expect(view.state).toBe("ENDRET");
    expect(view.timeline.flatMap((entry) => (entry.kind === "status" ? [entry.nyttVedtak] : []))).toEqual(["NY-1", null, "NY-2"]);
  });

  it("gives the reason of AVVIST, and none when the office gave none", () => {
    expect(fold([status(t(0), "AVVIST", { brev: "B", arsak: "FOR_SENT" })]).avvistArsak).toBe("FOR_SENT");
    expect(fold([status(t(0), "AVVIST", { brev: "B" })]).avvistArsak).toBeNull();
  });

  it("orders equal times by the usual order of the states, whatever order they came in", () => {
    const log = [status(t(0), "UNDER_BEHANDLING"), status(t(0), "MOTTATT")];
    expect(states(fold(log))).toEqual(["SENDT", "MOTTATT", "UNDER_BEHANDLING"]);
    expect(states(fold([...log].reverse()))).toEqual(["SENDT", "MOTTATT", "UNDER_BEHANDLING"]);
  });

  it("compares times across offsets", () => {
    // 01:30+02:00 is 23:30 the day before in UTC, before 00:00Z.
    const view = fold([status("2025-03-02T00:00:00Z", "UNDER_BEHANDLING"), status("2025-03-02T01:30:00+02:00", "MOTTATT")]);
    expect(states(view)).toEqual(["SENDT", "MOTTATT", "UNDER_BEHANDLING"]);
  });

  it("drops duplicated events, whatever their key order", () => {
    const event = status(t(0), "MOTTATT");
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as Event;
    expect(fold([event, reordered, event])).toEqual(fold([event]));
  });

  it("does not repeat a state sent again, but keeps the letter the repeat brings", () => {
    const view = fold([status(t(0), "TRUKKET"), status(t(5), "TRUKKET", { brev: "B-TRUKKET" })]);
    expect(states(view)).toEqual(["SENDT", "TRUKKET"]);
    expect(view.timeline[1]).toMatchObject({ at: t(0), letterId: "B-TRUKKET" });
    expect(view.stateSince).toBe(t(0));
    expect(view.letters).toEqual([{ status: "TRUKKET", letterId: "B-TRUKKET", date: t(5) }]);
  });

  it("lists a letter sent again once, at its newest date", () => {
    const view = fold([status(t(0), "OPPRETTHOLDT", { brev: "B" }), status(t(60), "SENDT_TIL_STATSFORVALTEREN", { brev: "B" })]);
    expect(view.letters).toEqual([{ status: "SENDT_TIL_STATSFORVALTEREN", letterId: "B", date: t(60) }]);
  });

  it("skips and counts events of an unknown type", () => {
    const view = fold([status(t(0), "MOTTATT"), { type: "klageNyTypeFraFremtiden", hendelsestidspunkt: t(30), noe: 1 }]);
    expect(view.state).toBe("MOTTATT");
    expect(view.skippedUnknown).toBe(1);
  });

  it("refuses a complaint whose known event breaks its schema, and says where", () => {
    const result = foldKlage(klage([status(t(0), "MOTTATT"), { type: "klageStatus", hendelsestidspunkt: t(1), status: "KANSKJE" }]), { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/hendelser\[1\] \(klageStatus\) is invalid: status/);
  });

  it("never throws: a failure inside becomes ok:false", () => {
    expect(foldKlage({ ...klage([]), hendelser: null } as unknown as Klage, { now: NOW }).ok).toBe(false);
    expect(foldKlage(null as unknown as Klage, { now: NOW }).ok).toBe(false);
  });

  it("calls a state news within NEW_VEDTAK_DAYS, exactly that old too, and one from the future; SENDT never", () => {
    const at = (daysBefore: number) => new Date(NOW.getTime() - daysBefore * 86_400_000).toISOString();
    expect(fold([status(at(NEW_VEDTAK_DAYS), "MOTTATT")]).news).toBe(true);
    expect(fold([status(at(NEW_VEDTAK_DAYS + 0.01), "MOTTATT")]).news).toBe(false);
    expect(fold([status(at(-1), "MOTTATT")]).news).toBe(true);
    expect(fold([], { sendtTidspunkt: at(0) }).news).toBe(false);
    // An older state change is not news once a newer state has come and gone out of the window.
    expect(fold([status(at(40), "MOTTATT"), status(at(35), "MEDHOLD", { brev: "B", nyttVedtak: "N" })]).news).toBe(false);
  });

  it("keeps the files oldest first and the decisions complained about once each", () => {
    const file = (id: string, minute: number) => ({ id, filnavn: `${id}.pdf`, mimetype: "application/pdf" as const, storrelse: 1, sha512: sha, lastetOpp: t(minute) });
    const view = fold([], { filer: [file("B", 30), file("A", 10), file("C", 10)], vedtakIds: ["V1", "V2", "V1"] });
    expect(view.files.map((item) => item.id)).toEqual(["A", "C", "B"]);
    expect(view.vedtakIds).toEqual(["V1", "V2"]);
  });
});

/* ---------- properties ---------- */

describe("foldKlage, for any log", () => {
  const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
  const nullish = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const letter = pick(["B1", "B2", "B3"]).map((id) => brev(id));
  const eventBody: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ type: fc.constant("klageStatus"), status: pick(klageStatusSchema.options), brev: nullish(letter), nyttVedtak: nullish(letter), arsak: nullish(pick(["FOR_SENT", "IKKE_KLAGERETT", "ANNET"] as const)) }, { requiredKeys: ["type", "status"] }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("klageNyTypeFraFremtiden"), noe: fc.integer() }) },
  );
  /** A log and a shuffled copy; with `sameTimes` many events share their time. */
  const logAndPermutation = (sameTimes: boolean) =>
    fc.array(eventBody, { maxLength: 20 }).chain((bodies) => {
      const times = sameTimes ? fc.array(fc.integer({ min: 0, max: 3 }), { minLength: bodies.length, maxLength: bodies.length }) : fc.constant(bodies.map((_, index) => index));
      return times.chain((minutes) => {
        const log = bodies.map((body, index) => ({ ...body, hendelsestidspunkt: t(minutes[index]!) }) as Event);
        return fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }));
      });
    });
  const known = (log: Event[]) => log.filter((event) => event.type === "klageStatus");

  it("folds any permutation to the same view, also when events share their time", () => {
    fc.assert(
      fc.property(fc.boolean().chain(logAndPermutation), ([log, shuffled]) => {
        expect(fold(shuffled)).toEqual(fold(log));
      }),
    );
  });

  it("ignores duplicates and unknown types", () => {
    fc.assert(
      fc.property(logAndPermutation(true), ([log]) => {
        const view = fold(log);
        // (Unknown events are counted as they come, each copy too.)
        expect({ ...fold([...log, ...log]), skippedUnknown: view.skippedUnknown }).toEqual(view);
        expect({ ...fold(known(log)), skippedUnknown: view.skippedUnknown }).toEqual(view);
        expect(view.skippedUnknown).toBe(log.length - known(log).length);
      }),
    );
  });

  it("shows SENDT before any event, else the state of the latest event; open exactly in the open states", () => {
    fc.assert(
      fc.property(logAndPermutation(false), ([log]) => {
        const view = fold(log);
        const latest = known(log).at(-1);
        expect(view.state).toBe(latest ? latest.status : "SENDT");
        expect(view.open).toBe(OPEN_KLAGE_STATES.includes(view.state));
      }),
    );
  });

  it("keeps the timeline oldest first, starting with sendt, with no state twice in a row", () => {
    fc.assert(
      fc.property(logAndPermutation(true), ([log]) => {
        const view = fold(log);
        expect(view.timeline[0]).toEqual({ at: t(-10), kind: "sendt" });
        const times = view.timeline.slice(1).map((entry) => Date.parse(entry.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const shown = states(view);
        shown.forEach((state, index) => index > 0 && expect(state).not.toBe(shown[index - 1]));
        expect(shown.at(-1)).toBe(view.state);
        // Every letter is listed once.
        expect(new Set(view.letters.map((item) => item.letterId)).size).toBe(view.letters.length);
      }),
    );
  });
});
