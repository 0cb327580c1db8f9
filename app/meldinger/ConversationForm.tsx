/**
 * Writing a message: one multipart form, so the text and any files chosen go together with
 * "Send meldingen", with and without JavaScript. "Last opp" and "Slett" in the same form keep
 * the text (the server saves it as the draft on every post). With JavaScript the text is also
 * saved when the field is left, and the message shows at once while it is being sent.
 */
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { Alert, BodyShort, Button, Textarea, VStack } from "@navikt/ds-react";
import { PaperclipIcon, PaperplaneIcon } from "@navikt/aksel-icons";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { MAX_MELDING_TEXT } from "~/fagsystem/limits";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { focusOn } from "~/shell/focus";
import { UploadField, type ListedFile } from "~/vedlegg/UploadField";
import type { UploadOutcome } from "~/vedlegg/upload.server";
import { MELDING_DOCUMENT } from "./ids";
import { Message } from "./MessageParts";

const TEXT_ID = "tekst";

type ActionData = { errors: Record<string, string>; values?: { tekst: string }; uploads?: UploadOutcome[]; saved?: true } | undefined;

/** The text of the message on its way (a send, with JavaScript), or null. */
export function usePendingText(): string | null {
  const navigation = useNavigation();
  if (navigation.state !== "submitting" || navigation.formData?.get("intent") !== "send") return null;
  const text = navigation.formData.get("tekst");
  return typeof text === "string" && text.trim() ? text.trim() : null;
}

export function PendingMessage() {
  const pending = usePendingText();
  if (!pending) return null;
  return (
    <li>
      <Message message={{ id: "pending", fromOffice: false, officeName: null, caseworker: null, text: pending, sentAt: new Date().toISOString(), readAt: null, files: [] }} pending />
    </li>
  );
}

export function ConversationForm({
  draft,
  maxFiles,
  office,
  actionData,
  sent,
  shownSent,
}: {
  draft: { meldingId: string; text: string; files: ListedFile[] };
  maxFiles: number;
  office: string | null;
  actionData: ActionData;
  /** The id of the message just sent (`?sendt=`), for the receipt line. */
  sent: string | null;
  /**
   * The `sent` the page has shown already. Kept by the page, not here: after a send the form is a
   * new one (its key is the new draft's id), which would take the new `sent` for one it had shown.
   */
  shownSent: React.MutableRefObject<string | null>;
}) {
  const { t } = useTranslation("meldinger");
  const navigation = useNavigation();
  const autosave = useFetcher();
  const errors = actionData?.errors ?? {};
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]));
  const sending = usePendingText() !== null;
  const lastSaved = useRef(draft.text);

  // After a send with JavaScript, the receipt line takes focus (the address changes only in its query).
  const receipt = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent && sent !== shownSent.current && navigation.state === "idle") focusOn(receipt.current);
    shownSent.current = sent;
  }, [sent, navigation.state, shownSent]);

  const saveOnBlur = (event: React.FocusEvent<HTMLTextAreaElement>) => {
    const text = event.currentTarget.value;
    if (text === lastSaved.current) return;
    lastSaved.current = text;
    autosave.submit({ intent: "lagre", meldingId: draft.meldingId, tekst: text }, { method: "post" });
  };

  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      <VStack gap="space-16">
        {sent && !actionData ? (
          <div ref={receipt} tabIndex={-1}>
            <Alert variant="success" size="small">
              {t("conversation.sent")}
            </Alert>
          </div>
        ) : null}
        <FormErrorSummary errors={fieldErrors} fieldIds={{ tekst: TEXT_ID, form: TEXT_ID }} />
        <input type="hidden" name="meldingId" value={draft.meldingId} />
        <Textarea
          id={TEXT_ID}
          name="tekst"
          label={office ? t("write.label", { office }) : t("write.labelUnknown")}
          description={t("write.description")}
          maxLength={MAX_MELDING_TEXT}
          minRows={3}
          defaultValue={actionData?.values?.tekst ?? draft.text}
          error={fieldErrors.tekst}
          onBlur={saveOnBlur}
        />
        <BodyShort size="small" role="status" className="muted">
          {autosave.state === "idle" && (autosave.data as ActionData)?.saved ? t("write.saved") : ""}
        </BodyShort>
        {/* Closed until wanted, so the newest messages are near the top on a phone; a <details>
            opens without JavaScript, and is open while there are files or an answer about them. */}
        <details className="attach" open={draft.files.length > 0 || (actionData?.uploads?.length ?? 0) > 0 || undefined}>
          <summary className="attach__summary">
            <PaperclipIcon aria-hidden /> {t("write.attach")}
          </summary>
          <VStack gap="space-12" className="attach__body">
            <BodyShort>{t("write.filesIntro", { count: maxFiles })}</BodyShort>
            <UploadField documentKey={MELDING_DOCUMENT} label={t("write.files")} files={draft.files} outcomes={actionData?.uploads} canDelete embedded={false} maxFiles={maxFiles} />
          </VStack>
        </details>
        <div>
          <Button type="submit" name="intent" value="send" icon={<PaperplaneIcon aria-hidden />} loading={sending}>
            {t("write.send")}
          </Button>
        </div>
      </VStack>
    </Form>
  );
}
