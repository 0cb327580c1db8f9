/**
 * Sending a draft: check every step once more, build the søknad document and its PDF,
 * and hand both to the fagsystem with the draft's id as idempotency key, so double
 * clicks, two tabs or a retry after a timeout still give exactly one søknad.
 */
import { data, redirect } from "@remix-run/node";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { rateLimits } from "~/rate-limit.server";
import { remixI18n } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/languages";
import { markSubmitted, submissionsLastDay, type Draft } from "./drafts.server";
import { renderSoknadPdf } from "./pdf.server";
import { loadRegister } from "./register.server";
import { appliesToAnswers, isUrgent } from "./rules";
import { formValuesFor, parseStep, type Answers } from "./schemas";
import { buildSoknadDocument } from "./soknad-document";
import { vedleggToSend } from "./attachments.server";
import { applicableSteps } from "./steps";
import { logFor } from "~/log.server";

const log = logFor("soknad");

export const MAX_SUBMISSIONS_PER_DAY = 2;

export async function sendDraft(request: Request, input: { language: Language; fnr: string; draft: Draft }) {
  const { language, fnr, draft } = input;
  const base = `/${language}/soknad/${draft.id}`;
  // Attempts, not søknader (the draft id makes those exactly one): a script is stopped before the fagsystem.
  await rateLimits().check(["send-person", fnr]);
  try {
    const { office, forDocument, view } = await loadRegister(fnr);
    if (!office) return data({ errors: { form: "soknad-errors:send.noOffice" }, values: {} }, { status: 400 });
    const answers = appliesToAnswers(draft.answers as Answers, { kind: draft.kind, register: view.data });
    // A step that no longer validates (answers changed elsewhere) is where the person must go.
    for (const step of applicableSteps(draft.kind, answers)) {
      if (step === "oppsummering") continue;
      const parsed = parseStep(step, formValuesFor(step, answers[step] as never), { kind: draft.kind, register: view.data, answers });
      if (!parsed.ok) return redirect(`${base}/${step}?tilbake=oppsummering`);
    }
    if ((await submissionsLastDay(fnr)) >= MAX_SUBMISSIONS_PER_DAY) {
      return data({ errors: { form: "soknad-errors:send.limit" }, values: {} }, { status: 429 });
    }
    const t = await remixI18n.getFixedT(language);
    const document = buildSoknadDocument({ kind: draft.kind, answers, register: forDocument, navKontor: office, language, now: new Date() });
    const pdf = await renderSoknadPdf(document, { language, texts: (key) => t(key) });
    const vedlegg = vedleggToSend(answers, await fagsystem.mellomlagring(fnr, draft.id));
    const sent = await fagsystem.sendSoknad(fnr, {
      idempotencyKey: draft.id,
      navEnhet: office.enhetsnummer,
      urgent: isUrgent(answers),
      language,
      soknad: document as unknown as Record<string, unknown>,
      vedlegg,
      pdf: { filename: "soknad.pdf", base64: Buffer.from(pdf).toString("base64") },
    });
    await markSubmitted(fnr, draft.id, sent.fiksDigisosId);
    return redirect(`${base}/kvittering`);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the søknad could not be sent");
    // Nothing is changed: the draft stays as it was and "Send" can be pressed again.
    return data({ errors: { form: "soknad-errors:send.unavailable" }, values: {} }, { status: 503 });
  }
}
