/** The receipt after sending, and the copy of the søknad as PDF. */
import { requireApplicant } from "~/auth/auth.server";
import { FagsystemError } from "~/fagsystem/client.server";
import { remixI18n } from "~/i18n/i18n.server";
import { defaultLanguage, isLanguage } from "~/i18n/languages";
import type { Params } from "@remix-run/react";
import { findDraft } from "./drafts.server";
import { renderSoknadPdf } from "./pdf.server";
import { loadRegister } from "./register.server";
import { appliesToAnswers, documentRule, isUrgent, type DocumentId } from "./rules";
import type { Answers } from "./schemas";
import { buildSoknadDocument } from "./soknad-document";

/** Documents the person said they will send later must reach the office within this many days. */
export const DOCUMENT_DEADLINE_DAYS = 7;

async function sentDraft(request: Request, params: Params) {
  const applicant = await requireApplicant(request, { eligible: true });
  const draft = await findDraft(applicant.fnr, params.draftId ?? "");
  if (!draft || !draft.submittedAt) throw new Response("Not Found", { status: 404 });
  return { applicant, draft, submittedAt: draft.submittedAt };
}

export async function loadReceipt(request: Request, params: Params) {
  const { applicant, draft, submittedAt } = await sentDraft(request, params);
  const answers = draft.answers as Answers;
  const t = await remixI18n.getFixedT(request);
  const missing = (answers.dokumentasjon?.documents ?? [])
    .filter((document) => document.choice === "senderSenere")
    .map((document) => t(documentRule(document.id as DocumentId).title));
  let office: { name: string; phone: string; openingHours: { day: string; from: string; to: string }[] } | null = null;
  try {
    const loaded = await loadRegister(applicant.fnr);
    if (loaded.office) {
      office = {
        name: loaded.office.navn,
        phone: loaded.office.telefon,
        openingHours: loaded.office.apningstider.map((hours) => ({ day: hours.dag, from: hours.fra, to: hours.til })),
      };
    }
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
  }
  return {
    draftId: draft.id,
    reference: draft.fiksDigisosId,
    submittedAt: submittedAt.toISOString(),
    urgent: isUrgent(answers),
    missing,
    deadline: new Date(submittedAt.getTime() + DOCUMENT_DEADLINE_DAYS * 24 * 60 * 60 * 1000).toISOString(),
    office,
  };
}

/** The copy of the søknad, rendered again from what was sent, in the page's language. */
export async function receiptPdf(request: Request, params: Params): Promise<Response> {
  const { applicant, draft, submittedAt } = await sentDraft(request, params);
  const language = isLanguage(params.lang) ? params.lang : defaultLanguage;
  const { office, forDocument, view } = await loadRegister(applicant.fnr);
  if (!office) throw new Response("Not Found", { status: 404 });
  const answers = appliesToAnswers(draft.answers as Answers, { kind: draft.kind, register: view.data });
  const document = buildSoknadDocument({ kind: draft.kind, answers, register: forDocument, navKontor: office, language, now: submittedAt });
  const t = await remixI18n.getFixedT(language);
  const pdf = await renderSoknadPdf(document, { language, texts: (key) => t(key) });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="soknad.pdf"',
      "Cache-Control": "no-store",
    },
  });
}
