/**
 * Loading and saving one step of a draft. Routes call these and stay thin.
 * Nothing the person typed is lost: input that does not validate yet is kept as it was
 * typed (under `utkast:<step>`) until the step validates.
 */
import { data, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { requireApplicant } from "~/auth/auth.server";
import { FagsystemError } from "~/fagsystem/client.server";
import { remixI18n } from "~/i18n/i18n.server";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/languages";
import { buildSoknadDocument } from "./soknad-document";
import { soknadOutline } from "./soknad-outline";
import { countryName } from "~/i18n/country";
import { findDraft, saveStep, type Draft } from "./drafts.server";
import { loadIncome, loadRegister } from "./register.server";
import { appliesToAnswers, documentRule, requiredDocuments } from "./rules";
import { formDataToValues, formValuesFor, parseStep, type Answers, type FormValues } from "./schemas";
import { isApplicableStep, nextStep, previousStep, stepPosition, type StepId } from "./steps";
import { registerFor, type StepViewProps } from "./step-view";
import { sendDraft } from "./send.server";
import { deleteInDocumentationStep, filesOfDraft, uploadInDocumentationStep } from "./attachments.server";
import { OTHER_DOCUMENTS } from "~/vedlegg/limits";
import { deleteIntentPrefix } from "~/vedlegg/intents";
import { readForm } from "~/request-body.server";
import { logFor } from "~/log.server";

const log = logFor("soknad");

const rawKey = (step: StepId) => `utkast:${step}`;

function newConsent(before: Answers["inntekt"], after: Answers["inntekt"]): boolean {
  return (after?.skattConsent === "ja" && before?.skattConsent !== "ja") || (after?.bostotteConsent === "ja" && before?.bostotteConsent !== "ja");
}

export type StepIntent = "next" | "back" | "later" | "autosave";

async function context(request: Request, params: Params) {
  const language = isLanguage(params.lang) ? params.lang : defaultLanguage;
  const applicant = await requireApplicant(request, { eligible: true });
  const draft = await findDraft(applicant.fnr, params.draftId ?? "");
  if (!draft) throw new Response("Not Found", { status: 404 });
  if (draft.submittedAt) throw redirect(`/${language}/soknad/${draft.id}/kvittering`);
  const answers = draft.answers as Answers;
  if (!isApplicableStep(draft.kind, params.step, answers)) throw new Response("Not Found", { status: 404 });
  const step = params.step as StepId;
  return { language, applicant, draft, step };
}

function rawValues(draft: Draft, step: StepId): FormValues | null {
  const raw = draft.answers[rawKey(step)] as FormValues | undefined;
  return raw && Object.keys(raw).length > 0 ? raw : null;
}

async function viewFor(request: Request, fnr: string, draft: Draft, step: StepId) {
  const { view, office, forDocument } = await loadRegister(fnr);
  const answers = appliesToAnswers(draft.answers as Answers, { kind: draft.kind, register: view.data });
  if (step === "inntekt") view.income = await loadIncome(fnr, answers.inntekt);
  const t = await remixI18n.getFixedT(request);
  const language = (await remixI18n.getLocale(request)) as Language;
  view.citizenshipNames = view.citizenship.map((code) => countryName(code, language));
  const outline =
    step === "oppsummering" && office
      ? soknadOutline(buildSoknadDocument({ kind: draft.kind, answers, register: forDocument, navKontor: office, language, now: new Date() }), {
          language,
          texts: (key) => t(key),
          view: "summary",
        })
      : undefined;
  const files = step === "dokumentasjon" ? await filesOfDraft(fnr, draft.id) : {};
  const documents =
    step === "dokumentasjon"
      ? requiredDocuments(answers, view.data, draft.kind).map((id) => {
          const rule = documentRule(id);
          return { id, title: t(rule.title), description: t(rule.description), hasAmount: rule.hasAmount, files: files[id] ?? [] };
        })
      : [];
  return { view, answers, documents, otherFiles: files[OTHER_DOCUMENTS] ?? [], outline };
}

/** Saved answers as form values; on the first visit to personalia, the register's phone and account. */
function initialValues(step: StepId, answers: Answers, prefill: { phone: string | null; accountNumber: string | null }): FormValues {
  const saved = formValuesFor(step, answers[step] as never);
  if (step === "personalia" && !answers.personalia) {
    return { addressChoice: "folkeregistrert", phone: prefill.phone ?? "", accountNumber: prefill.accountNumber ?? "", ...saved };
  }
  return saved;
}

export async function loadStep(request: Request, params: Params) {
  const { applicant, draft, step } = await context(request, params);
  try {
    const { view, answers, documents, otherFiles, outline } = await viewFor(request, applicant.fnr, draft, step);
    // A union by step: each step's register holds only what that step shows (step-view.ts).
    const props = {
      draftId: draft.id,
      outline,
      step,
      kind: draft.kind,
      values: rawValues(draft, step) ?? initialValues(step, answers, view),
      errors: {},
      register: registerFor(step, view),
      answers,
      documents,
      otherFiles,
    } as StepViewProps;
    return {
      unavailable: false as const,
      draftId: draft.id,
      deleteAfter: draft.deleteAfter.toISOString(),
      position: stepPosition(draft.kind, step, answers),
      previous: previousStep(draft.kind, step, answers),
      props,
    };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error, step }, "a step could not be read");
    return { unavailable: true as const, draftId: draft.id, step };
  }
}

export async function saveStepForm(request: Request, params: Params) {
  const { language, applicant, draft, step } = await context(request, params);
  // Only the documentation step takes files; anywhere else a multipart post is not a form (415, unread).
  if (step === "dokumentasjon" && /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    try {
      const register = (await loadRegister(applicant.fnr)).view.data;
      const answers = appliesToAnswers(draft.answers as Answers, { kind: draft.kind, register });
      return await uploadInDocumentationStep(request, { fnr: applicant.fnr, draft, documents: requiredDocuments(answers, register, draft.kind) });
    } catch (error) {
      if (!(error instanceof FagsystemError)) throw error;
      log.error({ err: error }, "the documentation step could not take files");
      return data({ errors: { form: "soknad-errors:form.unavailable" }, values: {} as FormValues }, { status: 503 });
    }
  }
  const values = formDataToValues(await readForm(request, "step"));
  if (step === "dokumentasjon" && typeof values.intent === "string" && values.intent.startsWith(deleteIntentPrefix)) {
    const fileId = values.intent.slice(deleteIntentPrefix.length);
    delete values.intent;
    delete values.returnTo;
    return deleteInDocumentationStep({ fnr: applicant.fnr, draft, fileId, values });
  }
  const intent: StepIntent = (["back", "later", "autosave"] as const).find((candidate) => candidate === values.intent) ?? "next";
  const returnToSummary = values.returnTo === "oppsummering";
  delete values.intent;
  delete values.returnTo;

  let register;
  try {
    register = (await loadRegister(applicant.fnr)).view.data;
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    // The person's input is kept even when the registers are down.
    await saveStep(applicant.fnr, draft.id, rawKey(step), values, { currentStep: step });
    return data({ errors: { form: "soknad-errors:form.unavailable" }, values }, { status: 503 });
  }
  const answers = appliesToAnswers(draft.answers as Answers, { kind: draft.kind, register });
  const parsed = parseStep(step, values, { kind: draft.kind, register, answers });

  if (parsed.ok) {
    const updated = { ...answers, [step]: parsed.value } as Answers;
    const next = intent === "next" ? (returnToSummary ? "oppsummering" : nextStep(draft.kind, step, updated)) : step;
    await saveStep(applicant.fnr, draft.id, step, parsed.value as unknown as Record<string, unknown>, { currentStep: next ?? step });
    await saveStep(applicant.fnr, draft.id, rawKey(step), {}, { currentStep: next ?? step });
  } else {
    await saveStep(applicant.fnr, draft.id, rawKey(step), values, { currentStep: step });
  }

  const base = `/${language}/soknad/${draft.id}`;
  if (step === "oppsummering" && intent === "next" && parsed.ok) {
    return sendDraft(request, { language, fnr: applicant.fnr, draft });
  }
  switch (intent) {
    case "autosave":
      // The same schema's verdict, so the page can show a field's error as soon as it is left.
      return data({ saved: true as const, fieldErrors: parsed.ok ? {} : parsed.errors });
    case "later":
      return redirect(`/${language}?lagret=1`);
    case "back": {
      const previous = previousStep(draft.kind, step, answers);
      return redirect(previous ? `${base}/${previous}` : `/${language}/soknad`);
    }
    case "next": {
      if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
      if (step === "inntekt" && newConsent(answers.inntekt, parsed.value as Answers["inntekt"])) {
        // A new yes to fetching: stay and show what the registers said before going on.
        return redirect(`${base}/inntekt${returnToSummary ? "?tilbake=oppsummering" : ""}`);
      }
      const target = returnToSummary ? "oppsummering" : nextStep(draft.kind, step, { ...answers, [step]: parsed.value } as Answers);
      return redirect(target ? `${base}/${target}` : base);
    }
  }
}
