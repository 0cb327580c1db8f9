/**
 * The complaint draft: starting it from a decision, loading and saving each step, the files,
 * and sending. Routes call these and stay thin. Nothing typed is lost: a step that does not
 * validate keeps what was typed (under `utkast:<step>`) until it does.
 */
import { data, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { requireApplicant, type Applicant } from "~/auth/auth.server";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { MAX_KLAGE_FILES } from "~/fagsystem/limits";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/languages";
import { loadSoknadStatus } from "~/innsyn/innsyn.server";
import type { InnsynView } from "~/innsyn/view";
import { rateLimits } from "~/rate-limit.server";
import { readForm } from "~/request-body.server";
import { filesByDocument, readUploadForm, storeUploads, uploadStatus, type UploadOutcome } from "~/vedlegg/upload.server";
import type { ListedFile } from "~/vedlegg/UploadField";
import { deleteIntentPrefix } from "~/vedlegg/intents";
import { isLate } from "~/innsyn/klagefrist";
import { KLAGE_DOCUMENT } from "./files";
import { createKlageDraft, findKlageDraft, listKlageDrafts, markKlageSubmitted, saveKlageAnswers, type KlageDraft } from "./drafts.server";
import { buildKlageDocument, renderKlagePdf } from "./document.server";
import {
  chosenDecisions,
  earliestDeadline,
  isKlageStep,
  klageSteps,
  nextKlageStep,
  previousKlageStep,
  type KlageAnswers,
  type KlageDecision,
  type KlageStepId,
  type StepContext,
} from "./steps";
import { parseBegrunnelseStep, parseVedtakStep } from "./schemas";
import { logFor } from "~/log.server";

const log = logFor("klage");


const languageOf = (params: Params): Language => (isLanguage(params.lang) ? params.lang : defaultLanguage);
const notFound = () => new Response("Not Found", { status: 404 });

/** The søknad's decisions as a complaint lists them, oldest first. */
function decisionsOf(view: InnsynView): KlageDecision[] {
  return view.vedtak.map((vedtak) => ({
    letterId: vedtak.letterId,
    fattet: vedtak.fattet,
    utfall: vedtak.utfall,
    sakTittel: view.saker.find((sak) => sak.referanse === vedtak.saksreferanse)?.tittel ?? null,
  }));
}

/* ---------- starting ---------- */

/**
 * "Klag på vedtaket": a new draft about that decision, or the person's unsent draft for the same
 * søknad with that decision added (one complaint can be about several decisions).
 */
export async function startKlage(request: Request, params: Params) {
  const language = languageOf(params);
  const applicant = await requireApplicant(request, { eligible: true });
  const form = await readForm(request, "small");
  const soknadId = form.get("soknadId") ?? "";
  const vedtakId = form.get("vedtakId") ?? "";
  if (!/^[0-9a-f-]{36}$/i.test(soknadId) || vedtakId.length === 0 || vedtakId.length > 100) throw notFound();
  const status = await loadSoknadStatus(applicant.fnr, soknadId, new Date());
  // A page of its own (GET) that says so: an answer to the post would be replaced by what the
  // route's loader does after it (sends a visit on to Mine søknader), with and without JavaScript.
  if (status.kind !== "ok") return redirect(`/${language}/klage?${new URLSearchParams({ soknadId, vedtakId })}`);
  const decisions = decisionsOf(status.soknad.view);
  if (!decisions.some((decision) => decision.letterId === vedtakId)) throw notFound();

  const existing = (await listKlageDrafts(applicant.fnr, { soknadId }))[0];
  if (existing) {
    const ids = new Set([...(existing.answers.vedtak?.vedtakIds ?? []), vedtakId]);
    await saveKlageAnswers(applicant.fnr, existing.id, "decisions", decisions, { currentStep: existing.currentStep });
    await saveKlageAnswers(applicant.fnr, existing.id, "vedtak", { vedtakIds: decisions.map((d) => d.letterId).filter((id) => ids.has(id)) }, { currentStep: "vedtak" });
    return redirect(`/${language}/klage/${existing.id}/vedtak`);
  }
  const draft = await createKlageDraft(applicant.fnr, soknadId, { decisions, vedtak: { vedtakIds: [vedtakId] } });
  return redirect(`/${language}/klage/${draft.id}/vedtak`);
}

/* ---------- a step ---------- */

async function stepContext(request: Request, params: Params) {
  const language = languageOf(params);
  const applicant = await requireApplicant(request, { eligible: true });
  const draft = await findKlageDraft(applicant.fnr, params.klageId ?? "");
  if (!draft) throw notFound();
  if (draft.submittedAt) throw redirect(`/${language}/klage/${draft.id}/kvittering`);
  if (!isKlageStep(params.step)) throw notFound();
  return { language, applicant, draft, step: params.step };
}

/** The late question is asked when the deadline of any chosen decision has passed. */
const contextOf = (answers: KlageAnswers, now: Date): StepContext => {
  const chosen = chosenDecisions(answers);
  return { decisions: answers.decisions ?? [], late: chosen.some((decision) => isLate(decision.fattet, now)) };
};

function filesOf(files: readonly { id: string; filnavn: string; storrelse: number; mimetype: string; sider?: number | null }[]): ListedFile[] {
  return files.map((file) => ({ id: file.id, name: file.filnavn, size: file.storrelse, kind: file.mimetype === "application/pdf" ? "pdf" : "image", pages: file.sider ?? null }));
}

const rawValues = (draft: KlageDraft, step: KlageStepId) => {
  const raw = draft.answers[`utkast:${step}`];
  return raw && Object.keys(raw).length > 0 ? raw : null;
};

function valuesFor(draft: KlageDraft, step: KlageStepId): Record<string, string | string[]> {
  const raw = rawValues(draft, step);
  if (raw) return raw;
  if (step === "vedtak") return { vedtakIds: draft.answers.vedtak?.vedtakIds ?? [] };
  if (step === "begrunnelse") return { tekst: draft.answers.begrunnelse?.tekst ?? "", forSentBegrunnelse: draft.answers.begrunnelse?.forSentBegrunnelse ?? "" };
  return {};
}

export async function loadKlageStep(request: Request, params: Params) {
  const { draft, step, applicant } = await stepContext(request, params);
  const now = new Date();
  let answers = draft.answers;
  let unavailable = false;
  let files: ListedFile[] = [];
  try {
    if (step === "vedtak") {
      // The decisions as the søknad has them now (a new one may have come).
      const status = await loadSoknadStatus(applicant.fnr, draft.soknadId, now);
      if (status.kind === "ok") {
        answers = { ...answers, decisions: decisionsOf(status.soknad.view) };
        await saveKlageAnswers(applicant.fnr, draft.id, "decisions", answers.decisions, { currentStep: draft.currentStep });
      } else unavailable = true;
    }
    if (step === "vedlegg" || step === "oppsummering") files = filesOf(await fagsystem.mellomlagring(applicant.fnr, draft.id));
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error, step }, "a step could not be read");
    unavailable = true;
  }
  const context = contextOf(answers, now);
  return {
    klageId: draft.id,
    soknadId: draft.soknadId,
    step,
    position: { number: klageSteps.indexOf(step) + 1, total: klageSteps.length },
    hasPrevious: previousKlageStep(step) !== null,
    deleteAfter: draft.deleteAfter.toISOString(),
    decisions: context.decisions,
    chosen: chosenDecisions(answers).map((decision) => decision.letterId),
    deadline: earliestDeadline(chosenDecisions(answers).length > 0 ? chosenDecisions(answers) : context.decisions),
    late: context.late,
    values: valuesFor({ ...draft, answers }, step),
    answers: { tekst: answers.begrunnelse?.tekst ?? "", forSentBegrunnelse: answers.begrunnelse?.forSentBegrunnelse ?? null },
    files,
    maxFiles: MAX_KLAGE_FILES,
    unavailable,
    returnToSummary: new URL(request.url).searchParams.get("tilbake") === "oppsummering",
  };
}

type Intent = "next" | "back" | "later" | "autosave";

function toValues(form: URLSearchParams | Record<string, string | string[]>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  const add = (key: string, value: string) => {
    if (key.length > 100) return;
    const before = values[key];
    values[key] = before === undefined ? value.slice(0, 10_000) : [...(Array.isArray(before) ? before : [before]), value.slice(0, 10_000)].slice(0, 100);
  };
  if (form instanceof URLSearchParams) for (const [key, value] of form) add(key, value);
  else for (const [key, value] of Object.entries(form)) for (const item of Array.isArray(value) ? value : [value]) add(key, item);
  return values;
}

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function saveKlageStep(request: Request, params: Params) {
  const { language, applicant, draft, step } = await stepContext(request, params);
  const base = `/${language}/klage/${draft.id}`;
  if (step === "vedlegg" && /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) return uploadToKlage(request, applicant, draft);

  const values = toValues(await readForm(request, "step"));
  const intentValue = firstOf(values.intent) ?? "";
  const returnToSummary = firstOf(values.returnTo) === "oppsummering";
  delete values.intent;
  delete values.returnTo;
  if (step === "vedlegg" && intentValue.startsWith(deleteIntentPrefix)) return deleteKlageFile(applicant, draft, intentValue.slice(deleteIntentPrefix.length));
  const intent: Intent = (["back", "later", "autosave"] as const).find((candidate) => candidate === intentValue) ?? "next";

  const context = contextOf(draft.answers, new Date());
  const parsed = step === "vedtak" ? parseVedtakStep(values, context) : step === "begrunnelse" ? parseBegrunnelseStep(values, context) : ({ ok: true, value: null } as const);
  let answers = draft.answers;
  // Where the person is: the next step after a "Neste" that validated, else this one (resumed from the front page).
  const currentStep = intent === "next" && parsed.ok ? (nextKlageStep(step) ?? step) : step;
  if (step === "vedtak" || step === "begrunnelse") {
    if (parsed.ok) {
      answers = { ...answers, [step]: parsed.value };
      await saveKlageAnswers(applicant.fnr, draft.id, step, parsed.value, { currentStep });
    }
    await saveKlageAnswers(applicant.fnr, draft.id, `utkast:${step}`, parsed.ok ? {} : values, { currentStep });
  } else {
    await saveKlageAnswers(applicant.fnr, draft.id, `utkast:${step}`, {}, { currentStep });
  }
  switch (intent) {
    case "autosave":
      return data({ saved: true as const, errors: {} as Record<string, string>, values });
    case "later":
      return redirect(`/${language}?lagret=1`);
    case "back": {
      const previous = previousKlageStep(step);
      return redirect(previous ? `${base}/${previous}` : `/${language}/innsyn/${draft.soknadId}`);
    }
    case "next": {
      if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
      if (step === "oppsummering") return sendKlage(applicant, { ...draft, answers }, language);
      // Choosing decisions can make the complaint late: then the next step asks why, even from the summary.
      const becameLate = step === "vedtak" && contextOf(answers, new Date()).late && !answers.begrunnelse?.forSentBegrunnelse;
      const target = returnToSummary && !becameLate ? "oppsummering" : nextKlageStep(step);
      return redirect(`${base}/${target ?? "oppsummering"}${becameLate && returnToSummary ? "?tilbake=oppsummering" : ""}`);
    }
  }
}

/* ---------- files ---------- */

async function uploadToKlage(request: Request, applicant: Applicant, draft: KlageDraft) {
  const form = await readUploadForm(request);
  if (!form.ok) {
    const outcome: UploadOutcome = { document: KLAGE_DOCUMENT, results: [], error: form.error };
    return data({ errors: {} as Record<string, string>, uploads: [outcome] }, { status: form.error === "request-too-large" ? 413 : 400 });
  }
  // "Slett" is a button of the same multipart form as the upload (the field is not embedded in the step's form).
  const intent = firstOf(form.fields.intent) ?? "";
  if (intent.startsWith(deleteIntentPrefix)) return deleteKlageFile(applicant, draft, intent.slice(deleteIntentPrefix.length));
  const uploads: UploadOutcome[] = [];
  for (const [document, files] of filesByDocument(form.files, form.fields.intent)) {
    if (document !== KLAGE_DOCUMENT) continue;
    uploads.push(await storeUploads(files, KLAGE_DOCUMENT, { kind: "draft", fnr: applicant.fnr, draftId: draft.id, maxFiles: MAX_KLAGE_FILES }));
  }
  await saveKlageAnswers(applicant.fnr, draft.id, "utkast:vedlegg", {}, { currentStep: "vedlegg" });
  return data({ errors: {} as Record<string, string>, uploads }, { status: uploadStatus(uploads) });
}

async function deleteKlageFile(applicant: Applicant, draft: KlageDraft, fileId: string) {
  try {
    await fagsystem.slettMellomlagring(applicant.fnr, draft.id, fileId);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind !== "not-found") {
      log.error({ err: error }, "a file could not be deleted");
      return data({ errors: { form: "klage:errors.unavailable" } as Record<string, string>, uploads: [] as UploadOutcome[] }, { status: 503 });
    }
  }
  return data({ errors: {} as Record<string, string>, uploads: [] as UploadOutcome[] });
}

/* ---------- sending ---------- */

/**
 * Checks every step again, builds the complaint and its PDF, and sends both with the draft's id
 * as klageId: double clicks, two tabs or a retry after a timeout give one complaint.
 */
async function sendKlage(applicant: Applicant, draft: KlageDraft, language: Language) {
  const base = `/${language}/klage/${draft.id}`;
  await rateLimits().check(["send-person", applicant.fnr]);
  const now = new Date();
  try {
    const status = await loadSoknadStatus(applicant.fnr, draft.soknadId, now);
    if (status.kind !== "ok") return data({ errors: { form: "klage:errors.sendUnavailable" }, values: {} }, { status: 503 });
    const answers: KlageAnswers = { ...draft.answers, decisions: decisionsOf(status.soknad.view) };
    const context = contextOf(answers, now);
    const vedtak = parseVedtakStep({ vedtakIds: draft.answers.vedtak?.vedtakIds ?? [] }, context);
    if (!vedtak.ok) return redirect(`${base}/vedtak?tilbake=oppsummering`);
    const begrunnelse = parseBegrunnelseStep({ tekst: answers.begrunnelse?.tekst ?? "", forSentBegrunnelse: answers.begrunnelse?.forSentBegrunnelse ?? "" }, context);
    if (!begrunnelse.ok) return redirect(`${base}/begrunnelse?tilbake=oppsummering`);
    const files = await fagsystem.mellomlagring(applicant.fnr, draft.id);
    const office = status.soknad.view.navKontor ? (status.offices[status.soknad.view.navKontor] ?? null) : null;
    const document = buildKlageDocument({
      klageId: draft.id,
      soknadId: draft.soknadId,
      person: { fnr: applicant.fnr, name: applicant.name },
      office: office ? { enhetsnummer: office.enhetsnummer, navn: office.navn } : null,
      decisions: chosenDecisions({ ...answers, vedtak: vedtak.value }),
      tekst: begrunnelse.value.tekst,
      forSentBegrunnelse: begrunnelse.value.forSentBegrunnelse,
      files: files.map((file) => ({ id: file.id, filnavn: file.filnavn })),
      language,
      sent: now,
    });
    const pdf = await renderKlagePdf(document);
    await fagsystem.sendKlage(applicant.fnr, {
      klageId: draft.id,
      fiksDigisosId: draft.soknadId,
      vedtakIds: vedtak.value.vedtakIds,
      language,
      tekst: begrunnelse.value.tekst,
      forSentBegrunnelse: begrunnelse.value.forSentBegrunnelse,
      klage: document as unknown as Record<string, unknown>,
      filIder: files.map((file) => file.id),
      pdf: { filename: "klage.pdf", base64: Buffer.from(pdf).toString("base64") },
    });
    await markKlageSubmitted(applicant.fnr, draft.id, { now });
    return redirect(`${base}/kvittering`);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the complaint could not be sent");
    // Nothing changed: the draft stays as it was and "Send" can be pressed again.
    return data({ errors: { form: "klage:errors.sendUnavailable" }, values: {} }, { status: 503 });
  }
}

/* ---------- after sending ---------- */

async function sentKlage(request: Request, params: Params) {
  const applicant = await requireApplicant(request, { eligible: true });
  const draft = await findKlageDraft(applicant.fnr, params.klageId ?? "");
  if (!draft || !draft.submittedAt) throw notFound();
  return { applicant, draft, submittedAt: draft.submittedAt };
}

export async function loadKlageReceipt(request: Request, params: Params) {
  const { draft, submittedAt } = await sentKlage(request, params);
  return {
    klageId: draft.id,
    soknadId: draft.soknadId,
    submittedAt: submittedAt.toISOString(),
    decisions: chosenDecisions(draft.answers),
    late: Boolean(draft.answers.begrunnelse?.forSentBegrunnelse),
  };
}

/** The person's copy, rendered again from what was sent, in the page's language. */
export async function klageReceiptPdf(request: Request, params: Params): Promise<Response> {
  const { applicant, draft, submittedAt } = await sentKlage(request, params);
  let files: { id: string; filnavn: string }[] = [];
  let office: { enhetsnummer: string; navn: string } | null = null;
  try {
    const klage = (await fagsystem.klager(applicant.fnr)).find((candidate) => candidate.klageId === draft.id);
    files = (klage?.filer ?? []).filter((file) => Date.parse(file.lastetOpp) <= submittedAt.getTime()).map((file) => ({ id: file.id, filnavn: file.filnavn }));
    const status = await loadSoknadStatus(applicant.fnr, draft.soknadId, new Date());
    const number = status.kind === "ok" ? status.soknad.view.navKontor : null;
    const found = status.kind === "ok" && number ? status.offices[number] : undefined;
    if (found) office = { enhetsnummer: found.enhetsnummer, navn: found.navn };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    // The copy is still the person's words; the file names and office wait for a better moment.
  }
  const document = buildKlageDocument({
    klageId: draft.id,
    soknadId: draft.soknadId,
    person: { fnr: applicant.fnr, name: applicant.name },
    office,
    decisions: chosenDecisions(draft.answers),
    tekst: draft.answers.begrunnelse?.tekst ?? "",
    forSentBegrunnelse: draft.answers.begrunnelse?.forSentBegrunnelse ?? null,
    files,
    language: languageOf(params),
    sent: submittedAt,
  });
  const pdf = await renderKlagePdf(document);
  return new Response(Buffer.from(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="klage.pdf"', "Cache-Control": "no-store" },
  });
}

/** The person's unsent complaint drafts, for the front page. */
export async function klageDraftsFor(fnr: string) {
  const drafts = await listKlageDrafts(fnr);
  return drafts.map((draft) => ({ id: draft.id, soknadId: draft.soknadId, updatedAt: draft.updatedAt.toISOString(), deleteAfter: draft.deleteAfter.toISOString(), step: draft.currentStep }));
}
