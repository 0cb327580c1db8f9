/**
 * Messages (meldinger): the person's conversations with their office, one page of one
 * conversation, and writing in it. The fagsystem holds the messages; the portal holds only what
 * the person has typed and not sent (drafts.server.ts). Every read and write is for the logged-in
 * person: another person's conversation answers 404, for GET and POST alike.
 */
import { data, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { peekSession, requireApplicant, type Applicant } from "~/auth/auth.server";
import type { Melding, Samtale, SamtaleSide } from "~/fagsystem/contract";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { MAX_MELDING_FILES } from "~/fagsystem/limits";
import { isLanguage } from "~/i18n/languages";
import { rateLimits } from "~/rate-limit.server";
import { readForm } from "~/request-body.server";
import { deleteIntentPrefix, uploadRequested } from "~/vedlegg/intents";
import { filesByDocument, readUploadForm, storeUploads, uploadStatus, type UploadOutcome } from "~/vedlegg/upload.server";
import type { ListedFile } from "~/vedlegg/UploadField";
import { fileResponse } from "~/vedlegg/serve-file.server";
import { currentMeldingDraft, finishMeldingDraft, saveMeldingDraft } from "./drafts.server";
import { MELDING_DOCUMENT, UUID } from "./ids";
import { meldingFormSchema } from "./schemas";
import { forgetUnread, unreadCount } from "./unread.server";
import { logFor } from "~/log.server";

const log = logFor("meldinger");

const notFound = () => new Response("Not Found", { status: 404 });

/** A conversation as lists show it. */
export type ConversationSummary = {
  samtaleId: string;
  /** The søknad it is about, with when it was sent; null for the general conversation. */
  soknad: { id: string; sentAt: string | null } | null;
  officeName: string | null;
  count: number;
  unread: number;
  /** The person's messages the office has not read yet. */
  unreadByOffice: number;
  last: { at: string; fromOffice: boolean } | null;
};

function summaryOf(samtale: Samtale, sentAt: Map<string, string | null>): ConversationSummary {
  return {
    samtaleId: samtale.samtaleId,
    soknad: samtale.fiksDigisosId ? { id: samtale.fiksDigisosId, sentAt: sentAt.get(samtale.fiksDigisosId) ?? null } : null,
    officeName: samtale.kontornavn,
    count: samtale.antallMeldinger,
    unread: samtale.antallUleste,
    unreadByOffice: samtale.antallUlesteAvNav,
    last: samtale.sisteMelding ? { at: samtale.sisteMelding.sendtTidspunkt, fromOffice: samtale.sisteMelding.fraNav } : null,
  };
}

async function sentDates(fnr: string): Promise<Map<string, string | null>> {
  const soknader = await fagsystem.soknader(fnr);
  return new Map(soknader.map((soknad) => [soknad.fiksDigisosId, soknad.sendtTidspunkt ?? null]));
}

export type ConversationList = { kind: "ok"; conversations: ConversationSummary[] } | { kind: "unavailable" };

/** The person's conversations: the general one first, then one per søknad. */
export async function listConversations(fnr: string): Promise<ConversationList> {
  try {
    const [samtaler, sent] = await Promise.all([fagsystem.samtaler(fnr), sentDates(fnr)]);
    return { kind: "ok", conversations: samtaler.map((samtale) => summaryOf(samtale, sent)) };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the conversations could not be listed");
    return { kind: "unavailable" };
  }
}

/** How long the status page waits for its conversation: as long as the header waits for its count (unread.server.ts). */
const SOKNAD_CONVERSATION_WAIT_MS = 800;

/**
 * The conversation about one søknad, for its status page; null when the fagsystem cannot say now,
 * or not soon: a slow answer held the whole status page up to the fagsystem's timeout (e2e/faults.spec.ts).
 */
export async function conversationOfSoknad(fnr: string, soknadId: string): Promise<{ samtaleId: string; unread: number } | null> {
  const lookup = fagsystem.samtaler(fnr).then(
    (samtaler) => {
      const samtale = samtaler.find((candidate) => candidate.fiksDigisosId === soknadId);
      return samtale ? { samtaleId: samtale.samtaleId, unread: samtale.antallUleste } : null;
    },
    (error: unknown) => {
      if (!(error instanceof FagsystemError)) throw error;
      log.error({ err: error }, "the conversation of a søknad could not be read");
      return null;
    },
  );
  // A failure after the wait is not the page's any more (an unhandled rejection would end the process).
  lookup.catch((error: unknown) => log.error({ err: error }, "the conversation of a søknad failed after the wait"));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SOKNAD_CONVERSATION_WAIT_MS);
  });
  try {
    return await Promise.race([lookup, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A message as the page shows it. The office's caseworker by first name only; the text is plain text. */
export type MessageView = {
  id: string;
  fromOffice: boolean;
  officeName: string | null;
  caseworker: string | null;
  text: string;
  sentAt: string;
  /** The other side read it: the office (for the person's own messages), or the person. */
  readAt: string | null;
  files: ListedFile[];
};

function messageView(melding: Melding, fileHref: (id: string) => string): MessageView {
  const office = melding.avsender.type === "NAV_KONTOR" ? melding.avsender : null;
  return {
    id: melding.meldingId,
    fromOffice: office !== null,
    officeName: office?.kontornavn ?? null,
    caseworker: office?.saksbehandlerFornavn ?? null,
    text: melding.tekst,
    sentAt: melding.sendtTidspunkt,
    readAt: melding.lestTidspunkt,
    files: melding.filer.map((fil) => ({
      id: fil.id,
      name: fil.filnavn,
      size: fil.storrelse,
      kind: fil.mimetype === "application/pdf" ? "pdf" : "image",
      pages: fil.sider ?? null,
      href: fileHref(fil.id),
    })),
  };
}

const base = (params: Params, samtaleId: string) => `/${isLanguage(params.lang) ? params.lang : "nb"}/meldinger/${samtaleId}`;

/** One page of a conversation from the fagsystem; 404 for an id that is not one of the person's. */
async function page(fnr: string, samtaleId: string, older?: string): Promise<SamtaleSide> {
  try {
    return await fagsystem.samtale(fnr, samtaleId, older);
  } catch (error) {
    if (error instanceof FagsystemError && error.kind === "not-found") throw notFound();
    throw error;
  }
}

/** The draft's files, as the upload field lists them; none when the fagsystem cannot say now. */
async function draftFiles(fnr: string, meldingId: string): Promise<ListedFile[]> {
  let files;
  try {
    files = await fagsystem.mellomlagring(fnr, meldingId);
  } catch (error) {
    // Not the whole conversation unreadable for the draft's files (e2e/faults.spec.ts); sending lists them again.
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "a draft's files could not be listed");
    return [];
  }
  return files
    .filter((file) => file.type === MELDING_DOCUMENT)
    .map((file) => ({ id: file.id, name: file.filnavn, size: file.storrelse, kind: file.mimetype === "application/pdf" ? "pdf" : "image", pages: file.sider ?? null, uploadedAt: file.lastetOpp }));
}

export async function loadConversation(request: Request, params: Params) {
  const applicant = await requireApplicant(request, { eligible: true });
  const samtaleId = params.samtaleId ?? "";
  if (!UUID.test(samtaleId)) throw notFound();
  const olderParam = new URL(request.url).searchParams.get("eldre");
  const older = olderParam && UUID.test(olderParam) ? olderParam : undefined;
  const href = (id: string) => `${base(params, samtaleId)}/fil/${id}`;
  try {
    const [side, sent, draft] = await Promise.all([page(applicant.fnr, samtaleId, older), sentDates(applicant.fnr), currentMeldingDraft(applicant.fnr, samtaleId)]);
    const files = await draftFiles(applicant.fnr, draft.meldingId);
    // Opening the newest page is reading it: the office sees its messages as read, and the
    // messages that were new keep their mark on this page.
    const unread = new Set(side.meldinger.filter((melding) => melding.avsender.type === "NAV_KONTOR" && !melding.lestTidspunkt).map((melding) => melding.meldingId));
    // The header's count was asked for at the same time as this page (the root's loader), so
    // before the mark: the count after it comes with this page's data instead.
    const headerUnread = !older && side.samtale.antallUleste > 0 ? await markRead(applicant.fnr, samtaleId) : undefined;
    return {
      kind: "ok" as const,
      conversation: summaryOf(side.samtale, sent),
      messages: side.meldinger.map((melding) => ({ ...messageView(melding, href), isNew: unread.has(melding.meldingId) })),
      olderId: side.eldre,
      isNewest: !older,
      draft: { meldingId: draft.meldingId, text: draft.tekst, files },
      maxFiles: MAX_MELDING_FILES,
      headerUnread,
    };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "a conversation could not be read");
    return { kind: "unavailable" as const };
  }
}

/** Marks the office's messages read; the person's unread count after it (null when not known). */
async function markRead(fnr: string, samtaleId: string): Promise<number | null> {
  try {
    await fagsystem.markerLest(fnr, samtaleId);
    forgetUnread(fnr);
    return await unreadCount(fnr);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    // Reading works without it: the mark comes with the next visit.
    log.warn({ err: error }, "messages could not be marked read");
    return null;
  }
}

/**
 * What has come since the newest message the page shows (`?etter=<meldingId>`), for the browser's
 * poll (live.ts). A poll is not the person doing something: it reads the session without
 * counting as activity (the inactivity timeout still runs out on an open tab), and it marks
 * nothing read (nobody may be looking). `reload` when the page is too far behind to add to;
 * `read`: when the office read the person's messages on the newest page.
 */
export async function newMessages(request: Request, params: Params): Promise<Response> {
  const headers = { "Cache-Control": "private, no-store" };
  const session = await peekSession(request);
  const nothing = { messages: [], reload: false, read: {} };
  if (!session || session.kind !== "applicant" || session.subject.refusal) return Response.json(nothing, { status: 401, headers });
  const samtaleId = params.samtaleId ?? "";
  if (!UUID.test(samtaleId)) throw notFound();
  const after = new URL(request.url).searchParams.get("etter");
  const href = (id: string) => `${base(params, samtaleId)}/fil/${id}`;
  let side: SamtaleSide;
  try {
    side = await page(session.subject.fnr, samtaleId);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    // The next poll asks again; the page says nothing about a poll that failed.
    return Response.json(nothing, { status: 503, headers });
  }
  const index = after ? side.meldinger.findIndex((melding) => melding.meldingId === after) : side.meldinger.length;
  const reload = index < 0 && side.meldinger.length > 0;
  const fresh = reload ? [] : side.meldinger.slice(0, index);
  const messages = fresh.map((melding) => ({ ...messageView(melding, href), isNew: melding.avsender.type === "NAV_KONTOR" && !melding.lestTidspunkt }));
  // The office's read receipts for the person's messages the page may show as not read yet.
  const read = Object.fromEntries(
    side.meldinger.flatMap((melding) => (melding.avsender.type === "PERSON" && melding.lestTidspunkt ? [[melding.meldingId, melding.lestTidspunkt]] : [])),
  );
  return Response.json({ messages, reload, read }, { headers });
}

/* ---------- writing ---------- */

export type ConversationActionData = {
  errors: Record<string, string>;
  values?: { tekst: string };
  uploads?: UploadOutcome[];
  saved?: true;
};

const answer = (body: ConversationActionData, status = 200) => data(body, { status });
const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The form's fields and files, from a multipart post (with files) or a plain one (JavaScript's autosave). */
async function readMessageForm(request: Request) {
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    // A message of 4,000 characters is up to 16 kB in UTF-8 (emoji take four bytes each).
    const form = await readUploadForm(request, { maxFieldBytes: 24 * 1024, maxFiles: MAX_MELDING_FILES + 5 });
    if (!form.ok) return form;
    const field = (name: string) => firstOf(form.fields[name]) ?? "";
    return { ok: true as const, field, files: form.files, intentField: form.fields.intent };
  }
  const form = await readForm(request, "step");
  return { ok: true as const, field: (name: string) => form.get(name) ?? "", files: [], intentField: form.get("intent") ?? undefined };
}

export async function conversationAction(request: Request, params: Params) {
  const applicant = await requireApplicant(request, { eligible: true });
  const samtaleId = params.samtaleId ?? "";
  if (!UUID.test(samtaleId)) throw notFound();
  const language = isLanguage(params.lang) ? params.lang : "nb";

  const form = await readMessageForm(request);
  if (!form.ok) {
    const outcome: UploadOutcome = { document: MELDING_DOCUMENT, results: [], error: form.error };
    return answer({ errors: { form: `vedlegg:requestError.${form.error}` }, uploads: [outcome] }, form.error === "request-too-large" ? 413 : 400);
  }
  const intent = form.field("intent");
  const meldingId = form.field("meldingId");
  const tekst = form.field("tekst");
  const values = { tekst };

  try {
    // The conversation must be the person's before anything is stored for it.
    await page(applicant.fnr, samtaleId);
    if (!UUID.test(meldingId)) return answer({ errors: { form: "meldinger:errors.stale" }, values }, 400);
    // What was typed is kept whatever the button was, so nothing is lost on a failure below.
    const saveText = () => saveMeldingDraft(applicant.fnr, samtaleId, meldingId, tekst);

    if (intent === "lagre") {
      await saveText();
      return answer({ errors: {}, saved: true });
    }
    if (intent.startsWith(deleteIntentPrefix)) {
      await saveText();
      await deleteDraftFile(applicant.fnr, meldingId, intent.slice(deleteIntentPrefix.length));
      return answer({ errors: {}, values });
    }
    if (uploadRequested(form.intentField)) {
      await saveText();
      const uploads = await upload(applicant, meldingId, form.files, form.intentField);
      return answer({ errors: {}, values, uploads }, uploadStatus(uploads));
    }
    if (intent !== "send") return answer({ errors: { form: "meldinger:errors.unknownIntent" }, values }, 400);
    return await send(applicant, { samtaleId, meldingId, tekst, language, files: form.files, intentField: form.intentField, params });
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "not-found") throw notFound();
    log.error({ err: error }, "a message could not be sent or its files changed");
    await saveMeldingDraft(applicant.fnr, samtaleId, meldingId, tekst).catch(() => false);
    // "Not sent" only when sending was what failed; an upload or a delete says what was kept.
    return answer({ errors: { form: intent === "send" ? "meldinger:errors.unavailable" : "meldinger:errors.unavailableKept" }, values }, 503);
  }
}

async function upload(applicant: Applicant, meldingId: string, files: Parameters<typeof filesByDocument>[0], intentField: string | string[] | undefined) {
  const uploads: UploadOutcome[] = [];
  for (const [document, group] of filesByDocument(files, intentField)) {
    if (document !== MELDING_DOCUMENT) continue;
    uploads.push(await storeUploads(group, MELDING_DOCUMENT, { kind: "draft", fnr: applicant.fnr, draftId: meldingId, maxFiles: MAX_MELDING_FILES }));
  }
  return uploads;
}

async function deleteDraftFile(fnr: string, meldingId: string, fileId: string) {
  try {
    await fagsystem.slettMellomlagring(fnr, meldingId, fileId);
  } catch (error) {
    // Already gone (a second click) is what was asked for.
    if (!(error instanceof FagsystemError) || error.kind !== "not-found") throw error;
  }
}

type SendInput = {
  samtaleId: string;
  meldingId: string;
  tekst: string;
  language: "nb" | "nn" | "en";
  files: Parameters<typeof filesByDocument>[0];
  intentField: string | string[] | undefined;
  params: Params;
};

/**
 * Files chosen with the message go first, through every check of the upload pipeline; a refused
 * one stops the send and says why, with the text kept. Then the message goes with the form's
 * meldingId: a double click, a second tab or a retry after a timeout is the same message.
 */
async function send(applicant: Applicant, input: SendInput) {
  const { samtaleId, meldingId, tekst } = input;
  const values = { tekst };
  await saveMeldingDraft(applicant.fnr, samtaleId, meldingId, tekst);
  const chosen = filesByDocument(input.files).get(MELDING_DOCUMENT) ?? [];
  const parsed = meldingFormSchema.safeParse({ tekst });
  if (chosen.length > 0) {
    const uploads = [await storeUploads(chosen, MELDING_DOCUMENT, { kind: "draft", fnr: applicant.fnr, draftId: meldingId, maxFiles: MAX_MELDING_FILES })];
    // A file the message has already (a double click with a file chosen) is no reason to stop.
    const refused = uploads.some((outcome) => outcome.error !== null || outcome.results.some((result) => result.status !== "ok" && result.status !== "duplicate"));
    // The same form again after an earlier post went through but its answer was lost (a crash, a
    // dropped connection): the fagsystem takes no more files for a sent message. It is sent.
    if (refused && parsed.success && (await alreadySent(applicant.fnr, samtaleId, meldingId))) return sent(applicant, input);
    if (refused || !parsed.success) {
      const errors: Record<string, string> = parsed.success ? { form: "meldinger:errors.filesRefused" } : { tekst: parsed.error.issues[0]!.message };
      return answer({ errors, values, uploads }, refused ? Math.max(400, uploadStatus(uploads)) : 400);
    }
  }
  if (!parsed.success) return answer({ errors: { tekst: parsed.error.issues[0]!.message }, values }, 400);

  await rateLimits().check(["message-person", applicant.fnr]);
  const files = (await fagsystem.mellomlagring(applicant.fnr, meldingId)).filter((file) => file.type === MELDING_DOCUMENT);
  try {
    await fagsystem.sendMelding(applicant.fnr, samtaleId, { meldingId, language: input.language, tekst: parsed.data.tekst, filIder: files.slice(0, MAX_MELDING_FILES).map((file) => file.id) });
  } catch (error) {
    // A form whose meldingId is another person's message: nothing of theirs is shown.
    if (error instanceof FagsystemError && error.kind === "rejected") {
      log.warn({ err: error }, "the fagsystem refused a message");
      return answer({ errors: { form: "meldinger:errors.refused" }, values }, 400);
    }
    throw error;
  }
  return sent(applicant, input);
}

/** The message is in the fagsystem: the conversation's next draft starts empty, and the page says it was sent. */
async function sent(applicant: Applicant, { samtaleId, meldingId, params }: SendInput) {
  await finishMeldingDraft(applicant.fnr, samtaleId, meldingId);
  forgetUnread(applicant.fnr);
  return redirect(`${base(params, samtaleId)}?sendt=${meldingId}`);
}

/** Whether the message is among the conversation's newest (where a retry's would be), sent by an earlier post of the same form. */
async function alreadySent(fnr: string, samtaleId: string, meldingId: string): Promise<boolean> {
  try {
    const side = await page(fnr, samtaleId);
    return side.meldinger.some((melding) => melding.meldingId === meldingId && melding.avsender.type === "PERSON");
  } catch (error) {
    // Cannot tell now: the files' refusal is the answer.
    if (error instanceof FagsystemError) return false;
    throw error;
  }
}

/** A file of one of the person's messages or drafts; another person's file answers 404. */
export async function messageFile(request: Request, params: Params): Promise<Response> {
  const applicant = await requireApplicant(request, { eligible: true });
  const samtaleId = params.samtaleId ?? "";
  const fileId = params.fileId ?? "";
  if (!UUID.test(samtaleId) || !/^[0-9a-f-]{36}$/i.test(fileId)) throw notFound();
  let dokument;
  try {
    const [, file] = await Promise.all([page(applicant.fnr, samtaleId), fagsystem.dokument(applicant.fnr, fileId)]);
    dokument = file;
  } catch (error) {
    if (error instanceof Response) throw error;
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "not-found") throw notFound();
    log.error({ err: error }, "a file could not be read");
    return redirect(`${base(params, samtaleId)}?fil=utilgjengelig`);
  }
  return fileResponse(dokument, fileId, { prefix: "melding", download: new URL(request.url).searchParams.has("last-ned") });
}
