import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { DigisosSoker, Klage, SoknadSummary, VedleggFil } from "~/fagsystem/contract";
import { documentResponse } from "~/innsyn/innsyn.server";
import { uploadIntent } from "~/vedlegg/intents";
import { filesField } from "~/vedlegg/UploadField";
import { bankStatement } from "~/vedlegg/fixtures.test-support";
import { KLAGE_DOCUMENT } from "./files";
import { ettersendKlage, klageNews, klagerOfVedtak, loadKlage, loadKlager, withdrawKlage } from "./klager.server";

// The uploads here are scanned by the scanner the configuration chooses: with mocks, the EICAR mock.
process.env.MOCKS = "true";

/* The fagsystem is stood in for by spies on the one client: what matters is what this module makes of its answers. */

const FNR = "01019012345";
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const SOKNAD = "0b5d6f3e-6a0c-4d5e-8d4a-1f2e3d4c5b6a";
const OTHER_SOKNAD = "1c6e7a4f-7b1d-4e6f-9e5b-2a3f4e5d6c7b";
const KLAGE = "6f1c1a52-8d2c-4a55-9a0e-0c6d1b0f0a01";
const OLD_KLAGE = "7a2d2b63-9e3d-4b66-8b1f-1d7e2c1a1b02";
const OTHER_KLAGE = "8b3e3c74-af4e-4c77-9c2a-2e8f3d2b2c03";
const sha = "b".repeat(128);

const file = (id: string): VedleggFil => ({ id, filnavn: `${id}.pdf`, mimetype: "application/pdf", storrelse: 10, sha512: sha, lastetOpp: ago(3) });
const event = (days: number, status: string, extra: Record<string, unknown> = {}) => ({ type: "klageStatus", hendelsestidspunkt: ago(days), status, ...extra });
const ref = (id: string) => ({ referanse: { type: "dokumentlager", id } });

const klage = (overrides: Partial<Klage> = {}): Klage => ({
  klageId: KLAGE,
  fiksDigisosId: SOKNAD,
  vedtakIds: ["VEDTAK-1"],
  sendtTidspunkt: ago(5),
  navEnhet: "0301",
  language: "nb",
  tekst: "Jeg er uenig.",
  forSentBegrunnelse: null,
  klagePdf: { type: "dokumentlager", id: "KLAGE-PDF" },
  filer: [file("KLAGE-FIL")],
  hendelser: [event(4, "MOTTATT")],
  ...overrides,
});

const summary: SoknadSummary = { fiksDigisosId: SOKNAD, sendtTidspunkt: ago(40), sistOppdatert: ago(4), navKontor: "0301", soknadPdf: { type: "dokumentlager", id: "SOKNAD-PDF" }, kanal: "DIGITAL" };
const log: DigisosSoker = {
  version: "1.0",
  avsender: { systemnavn: "test", systemversjon: "1" },
  hendelser: [
    { type: "vedtakFattet", hendelsestidspunkt: ago(20), utfall: "AVSLATT", vedtaksfil: ref("VEDTAK-1") },
    { type: "vedtakFattet", hendelsestidspunkt: ago(1), utfall: "INNVILGET", vedtaksfil: ref("VEDTAK-NY") },
  ],
};

let klager: Klage[];
beforeEach(() => {
  klager = [klage(), klage({ klageId: OLD_KLAGE, sendtTidspunkt: ago(100), hendelser: [event(90, "MEDHOLD", { brev: ref("BREV-MEDHOLD"), nyttVedtak: ref("VEDTAK-NY") })] }), klage({ klageId: OTHER_KLAGE, fiksDigisosId: OTHER_SOKNAD, klagePdf: { type: "dokumentlager", id: "OTHER-PDF" }, filer: [] })];
  vi.spyOn(fagsystem, "klager").mockImplementation(async () => structuredClone(klager));
  vi.spyOn(fagsystem, "soknader").mockResolvedValue([summary, { ...summary, fiksDigisosId: OTHER_SOKNAD, soknadPdf: null }]);
  vi.spyOn(fagsystem, "innsyn").mockResolvedValue(log);
  vi.spyOn(fagsystem, "vedlegg").mockResolvedValue({ vedlegg: [] });
  vi.spyOn(fagsystem, "navEnhet").mockRejectedValue(new FagsystemError("not-found", "no office", 404));
  vi.spyOn(fagsystem, "dokument").mockResolvedValue({ contentType: "application/pdf", bytes: new Uint8Array([37, 80, 68, 70]) });
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const unavailable = () => new FagsystemError("unavailable", "down", 503);
async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  return 200;
}

describe("the person's complaints", () => {
  it("are folded, newest first, and can be taken per søknad and per decision", async () => {
    const all = await loadKlager(FNR, NOW);
    expect(all.kind).toBe("ok");
    if (all.kind !== "ok") return;
    // Sent at the same time: by id.
    expect(all.klager.map((item) => [item.klageId, item.state, item.open])).toEqual([
      [KLAGE, "MOTTATT", true],
      [OTHER_KLAGE, "MOTTATT", true],
      [OLD_KLAGE, "MEDHOLD", false],
    ]);
    const ofSoknad = await loadKlager(FNR, NOW, SOKNAD);
    expect(ofSoknad.kind === "ok" && ofSoknad.klager.map((item) => item.klageId)).toEqual([KLAGE, OLD_KLAGE]);
    expect(klagerOfVedtak(ofSoknad.kind === "ok" ? ofSoknad.klager : [], "VEDTAK-1")).toHaveLength(2);
    expect(klagerOfVedtak(ofSoknad.kind === "ok" ? ofSoknad.klager : [], "VEDTAK-X")).toHaveLength(0);
  });

  it("still lists one whose log cannot be read, without a state", async () => {
    klager = [klage({ hendelser: [{ type: "klageStatus", hendelsestidspunkt: ago(1), status: "KANSKJE" }] })];
    const list = await loadKlager(FNR, NOW);
    expect(list).toEqual({ kind: "ok", klager: [expect.objectContaining({ klageId: KLAGE, state: null, open: false, news: false })] });
  });

  it("say so when the fagsystem cannot answer", async () => {
    vi.mocked(fagsystem.klager).mockRejectedValue(unavailable());
    expect(await loadKlager(FNR, NOW)).toEqual({ kind: "unavailable" });
    expect(await klageNews(FNR, NOW)).toEqual([]);
  });

  it("give the front page those with news, newest news first", async () => {
    klager = [klage({ hendelser: [event(10, "MOTTATT")] }), klage({ klageId: OLD_KLAGE, hendelser: [event(2, "UNDER_BEHANDLING")] }), klage({ klageId: OTHER_KLAGE, hendelser: [event(45, "MOTTATT")] })];
    expect((await klageNews(FNR, NOW)).map((item) => item.klageId)).toEqual([OLD_KLAGE, KLAGE]);
  });
});

describe("one complaint's page", () => {
  it("has the view and the decisions it is about, with date and outcome, and the new decision", async () => {
    const page = await loadKlage(FNR, SOKNAD, OLD_KLAGE, NOW);
    expect(page).toMatchObject({
      kind: "ok",
      klage: { klageId: OLD_KLAGE, state: "MEDHOLD", nyttVedtak: "VEDTAK-NY" },
      vedtak: [{ letterId: "VEDTAK-1", fattet: ago(20), utfall: "AVSLATT", klagefrist: ago(-1) }],
      knownVedtak: ["VEDTAK-1", "VEDTAK-NY"],
    });
  });

  it("is a 404 for an unknown complaint, one about another søknad, and another person's søknad", async () => {
    expect(await status(loadKlage(FNR, SOKNAD, "00000000-0000-4000-8000-000000000000", NOW))).toBe(404);
    expect(await status(loadKlage(FNR, SOKNAD, OTHER_KLAGE, NOW))).toBe(404);
    expect(await status(loadKlage(FNR, "2d7f8b5a-8c2e-4f7a-8f6c-3b4a5f6e7d8c", KLAGE, NOW))).toBe(404);
  });

  it("explains a fagsystem failure and a log it cannot read, and shows the complaint without the søknad's details", async () => {
    vi.mocked(fagsystem.klager).mockRejectedValueOnce(unavailable());
    expect(await loadKlage(FNR, SOKNAD, KLAGE, NOW)).toEqual({ kind: "unavailable", soknadId: SOKNAD });
    klager = [klage({ hendelser: [{ type: "klageStatus", hendelsestidspunkt: ago(1) }] })];
    expect(await loadKlage(FNR, SOKNAD, KLAGE, NOW)).toEqual({ kind: "invalid", soknadId: SOKNAD });
    klager = [klage()];
    vi.mocked(fagsystem.innsyn).mockRejectedValue(unavailable());
    expect(await loadKlage(FNR, SOKNAD, KLAGE, NOW)).toMatchObject({ kind: "ok", vedtak: [{ letterId: "VEDTAK-1", fattet: null, utfall: null, klagefrist: null }], knownVedtak: [] });
  });
});

describe("withdrawing", () => {
  it("asks the fagsystem to withdraw an open complaint", async () => {
    const trekk = vi.spyOn(fagsystem, "trekkKlage").mockResolvedValue(klage({ hendelser: [event(0, "TRUKKET")] }));
    expect(await withdrawKlage(FNR, SOKNAD, KLAGE)).toBe("withdrawn");
    expect(trekk).toHaveBeenCalledWith(FNR, KLAGE);
  });

  it("is safe to repeat on a withdrawn one", async () => {
    klager = [klage({ hendelser: [event(1, "TRUKKET")] })];
    vi.spyOn(fagsystem, "trekkKlage").mockResolvedValue(klager[0]!);
    expect(await withdrawKlage(FNR, SOKNAD, KLAGE)).toBe("withdrawn");
  });

  it("says a decided complaint is decided, whether the portal or the fagsystem knew first", async () => {
    const trekk = vi.spyOn(fagsystem, "trekkKlage").mockRejectedValue(new FagsystemError("rejected", "409", 409, "klage-avgjort"));
    expect(await withdrawKlage(FNR, SOKNAD, OLD_KLAGE)).toBe("decided");
    expect(trekk).not.toHaveBeenCalled();
    expect(await withdrawKlage(FNR, SOKNAD, KLAGE)).toBe("decided");
  });

  it("explains a failure, and is a 404 for someone else's", async () => {
    vi.spyOn(fagsystem, "trekkKlage").mockRejectedValue(new FagsystemError("timeout", "slow"));
    expect(await withdrawKlage(FNR, SOKNAD, KLAGE)).toBe("unavailable");
    expect(await status(withdrawKlage(FNR, SOKNAD, OTHER_KLAGE))).toBe(404);
    vi.mocked(fagsystem.trekkKlage).mockRejectedValue(new FagsystemError("not-found", "404", 404));
    expect(await status(withdrawKlage(FNR, SOKNAD, KLAGE))).toBe(404);
  });
});

describe("more files for a complaint", () => {
  const upload = async (files: { name: string; bytes: Uint8Array }[], intent = uploadIntent(KLAGE_DOCUMENT)) => {
    const form = new FormData();
    form.set("intent", intent);
    for (const item of files) form.append(filesField(KLAGE_DOCUMENT), new File([item.bytes as Uint8Array<ArrayBuffer>], item.name, { type: "application/pdf" }));
    return new Request("http://localhost/nb/innsyn/x/klage/y", { method: "POST", body: form });
  };
  const answer = (response: Awaited<ReturnType<typeof ettersendKlage>>) => ({ status: response.init?.status ?? 200, uploads: response.data.uploads });

  it("checks each file and sends the accepted ones to the complaint", async () => {
    const store = vi.spyOn(fagsystem, "ettersendKlage").mockImplementation(async (_fnr, _klageId, item) => ({ ...file("NY"), filnavn: item.filnavn, sha512: item.sha512 }));
    const pdf = await bankStatement(1);
    const result = answer(await ettersendKlage(await upload([{ name: "lege.pdf", bytes: pdf }, { name: "tom.pdf", bytes: new Uint8Array() }]), FNR, SOKNAD, KLAGE));
    expect(result).toEqual({ status: 200, uploads: [{ document: KLAGE_DOCUMENT, error: null, results: [{ name: "lege.pdf", status: "ok" }, { name: "tom.pdf", status: "empty" }] }] });
    expect(store).toHaveBeenCalledTimes(1);
    expect(store.mock.calls[0]?.[1]).toBe(KLAGE);
    expect(store.mock.calls[0]?.[2]).toMatchObject({ type: KLAGE_DOCUMENT, filnavn: "lege.pdf", mimetype: "application/pdf" });
  });

  it("answers no-file for 'Last opp' without a file", async () => {
    expect(answer(await ettersendKlage(await upload([]), FNR, SOKNAD, KLAGE))).toEqual({ status: 400, uploads: [{ document: KLAGE_DOCUMENT, results: [], error: "no-file" }] });
  });

  it("refuses a decided complaint, also one decided while the files were on their way", async () => {
    const store = vi.spyOn(fagsystem, "ettersendKlage").mockRejectedValue(new FagsystemError("rejected", "409", 409, "klage-avgjort"));
    const pdf = await bankStatement(1);
    expect(answer(await ettersendKlage(await upload([{ name: "a.pdf", bytes: pdf }]), FNR, SOKNAD, OLD_KLAGE))).toEqual({ status: 409, uploads: [{ document: KLAGE_DOCUMENT, results: [], error: "klage-avgjort" }] });
    expect(store).not.toHaveBeenCalled();
    expect(answer(await ettersendKlage(await upload([{ name: "a.pdf", bytes: pdf }]), FNR, SOKNAD, KLAGE))).toEqual({ status: 409, uploads: [{ document: KLAGE_DOCUMENT, results: [], error: "klage-avgjort" }] });
  });

  it("is a 404 for someone else's complaint, and explains a fagsystem failure", async () => {
    const pdf = await bankStatement(1);
    expect(await status(ettersendKlage(await upload([{ name: "a.pdf", bytes: pdf }]), FNR, SOKNAD, OTHER_KLAGE))).toBe(404);
    vi.mocked(fagsystem.klager).mockRejectedValue(unavailable());
    expect(answer(await ettersendKlage(await upload([{ name: "a.pdf", bytes: pdf }]), FNR, SOKNAD, KLAGE))).toEqual({ status: 503, uploads: [{ document: KLAGE_DOCUMENT, results: [], error: "unavailable" }] });
  });
});

describe("the complaint's files under the søknad's document route", () => {
  it("serves the PDF, the person's files and the letters of the søknad's complaints", async () => {
    for (const id of ["KLAGE-PDF", "KLAGE-FIL", "BREV-MEDHOLD"]) {
      const response = await documentResponse(FNR, SOKNAD, id, false);
      expect(response instanceof Response && response.status, id).toBe(200);
    }
  });

  it("is a 404 for a complaint's file under another søknad", async () => {
    expect(await status(documentResponse(FNR, SOKNAD, "OTHER-PDF", false))).toBe(404);
    expect(await status(documentResponse(FNR, OTHER_SOKNAD, "KLAGE-PDF", false))).toBe(404);
  });

  it("does not let the complaints' failure stop the søknad's own files", async () => {
    vi.mocked(fagsystem.klager).mockRejectedValue(unavailable());
    expect(((await documentResponse(FNR, SOKNAD, "SOKNAD-PDF", false)) as Response).status).toBe(200);
    expect(await documentResponse(FNR, SOKNAD, "KLAGE-PDF", false)).toBe("unavailable");
  });
});
