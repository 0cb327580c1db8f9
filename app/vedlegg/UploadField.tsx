/**
 * The upload control for one document: the files already there (with "Slett" where that is
 * allowed), a plain file input that works without JavaScript, the upload button, and one
 * clear line per file after an upload. Used in the søknad, on the status page, and later in
 * klage and meldinger: the caller decides which form it posts with.
 *
 * With JavaScript the page is not reloaded, so focus is put where the answer is (the upload's
 * button is disabled while it runs, a deleted file's button is gone): after an upload on the
 * result, after "Last opp" without a file on the file chooser with its error, after deleting a
 * file on the file after it (or before it, if it was the last), or on the document's heading
 * when none is left (docs/decisions/020-focus-after-navigation.md).
 */
import { useNavigation } from "@remix-run/react";
import { Alert, BodyShort, Button, ErrorMessage, HStack, Label, Loader, VStack } from "@navikt/ds-react";
import { TrashIcon, UploadIcon } from "@navikt/aksel-icons";
import { useEffect, useId, useRef, useState, type ComponentProps, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-language";
import { focusOn } from "~/shell/focus";
import { deleteIntent, uploadIntent } from "./intents";
import { MAX_FILES_PER_DOCUMENT } from "./limits";
import type { UploadOutcome } from "./upload.server";

export type ListedFile = { id: string; name: string; size: number; kind: "pdf" | "image"; pages?: number | null; uploadedAt?: string; href?: string };

/** The form field names the upload piece reads. */
export const UPLOAD_FIELDS = { intent: "intent" } as const;
/** Each document has its own file input, so one post can carry files for several documents. */
export const filesField = (documentKey: string) => `filer.${documentKey}`;

type Dropzone = ComponentType<ComponentProps<typeof import("./UploadDropzone").UploadDropzone>>;
/** Fetched once for all the upload places of a page (tried again at the next page if it failed). */
let dropzone: Promise<Dropzone> | undefined;
function loadDropzone(): Promise<Dropzone> {
  if (!dropzone) {
    dropzone = import("./UploadDropzone").then((module) => module.UploadDropzone);
    dropzone.catch(() => (dropzone = undefined));
  }
  return dropzone;
}

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.heif,application/pdf,image/jpeg,image/png,image/heic,image/heif";

export function formatBytes(bytes: number, locale: (n: number, options: Intl.NumberFormatOptions) => string): string {
  if (bytes < 1024 * 1024) return `${locale(Math.max(1, Math.round(bytes / 1024)), {})} kB`;
  return `${locale(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

export function UploadField({
  documentKey,
  label,
  files,
  outcomes,
  canDelete,
  embedded,
  headingId,
  maxFiles = MAX_FILES_PER_DOCUMENT,
}: {
  documentKey: string;
  label: string;
  files: readonly ListedFile[];
  /** The results of the last upload; each is shown at the document it was for. */
  outcomes?: readonly UploadOutcome[] | null;
  /** Before sending, files can be removed again. */
  canDelete: boolean;
  /** Inside a form that is not multipart: the upload button switches the post to multipart. */
  embedded: boolean;
  /** The element that names the document, for focus when its last file has been deleted. */
  headingId?: string;
  /** The most files this place takes (said in the refusal of one more). */
  maxFiles?: number;
}) {
  const { t } = useTranslation("vedlegg");
  const format = useFormat();
  const navigation = useNavigation();
  const inputId = useId();
  const uploading = navigation.state === "submitting" && navigation.formData?.get(UPLOAD_FIELDS.intent) === uploadIntent(documentKey);
  const number = (value: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(undefined, options).format(value);
  const mine = outcomes?.find((outcome) => outcome.document === documentKey) ?? null;
  // "Last opp" with no file chosen is the field's own error; the others are the request's.
  const noFile = mine?.error === "no-file";
  const requestError = mine?.error && !noFile ? mine.error : null;
  const noFileMessage = noFile ? t("requestError.no-file") : undefined;
  // With JavaScript, Aksel's dropzone (drag and drop on a desktop, the camera or files on a
  // phone) chooses the files; they are put into the plain input, which the form posts as before.
  // Its code is fetched once the page has hydrated; until it is there (or if it cannot be
  // fetched) the plain input stays.
  const [Dropzone, setDropzone] = useState<Dropzone | null>(null);
  useEffect(() => {
    if (typeof DataTransfer === "undefined") return;
    let cancelled = false;
    loadDropzone().then(
      (component) => !cancelled && setDropzone(() => component),
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const nativeInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ name: string; size: number }[]>([]);
  const choose = (files: File[]) => {
    if (!nativeInput.current) return;
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    nativeInput.current.files = transfer.files;
    setChosen(files.map((file) => ({ name: file.name, size: file.size })));
  };
  useEffect(() => {
    // After an upload the page shows the results; the choice starts again empty.
    if (navigation.state === "idle") setChosen([]);
  }, [navigation.state]);

  // This field's submit on its way (an upload, or deleting its file at `index`), and where focus
  // goes when it has been answered.
  const field = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const submitted = useRef<{ kind: "upload" } | { kind: "delete"; index: number } | null>(null);
  const intent = navigation.state === "submitting" ? navigation.formData?.get(UPLOAD_FIELDS.intent) : null;
  useEffect(() => {
    if (intent === uploadIntent(documentKey)) submitted.current = { kind: "upload" };
    const deleted = files.findIndex((file) => intent === deleteIntent(file.id));
    if (deleted >= 0) submitted.current = { kind: "delete", index: deleted };
  }, [intent, documentKey, files]);
  useEffect(() => {
    const done = submitted.current;
    if (navigation.state !== "idle" || !done) return;
    submitted.current = null;
    const chooser = document.getElementById(inputId);
    if (done.kind === "upload") {
      focusOn(noFile ? chooser : result.current);
      return;
    }
    const names = [...(field.current?.querySelectorAll<HTMLElement>("[data-file-name]") ?? [])];
    const next = names[Math.min(done.index, names.length - 1)];
    focusOn(next?.querySelector("a") ?? next ?? (headingId ? document.getElementById(headingId) : null) ?? chooser);
  }, [navigation.state, noFile, inputId, headingId]);

  return (
    <VStack gap="space-12" ref={field}>
      {files.length > 0 ? (
        <VStack as="ul" gap="space-8" className="plain-list" aria-label={t("list", { document: label })}>
          {files.map((file) => (
            <li key={file.id} className="file-row">
              <HStack gap="space-8" align="center" justify="space-between" wrap>
                <VStack gap="space-0">
                  <BodyShort weight="semibold" className="file-name" data-file-name>
                    {file.href ? <a href={file.href}>{file.name}</a> : file.name}
                  </BodyShort>
                  <BodyShort size="small">
                    {[
                      file.kind === "pdf" ? (file.pages ? t("pdfPages", { count: file.pages }) : t("pdf")) : t("image"),
                      file.uploadedAt ? t("sizeAndDate", { size: formatBytes(file.size, number), date: format.date(file.uploadedAt) }) : formatBytes(file.size, number),
                    ].join(" · ")}
                  </BodyShort>
                </VStack>
                {canDelete ? (
                  <Button
                    type="submit"
                    name={UPLOAD_FIELDS.intent}
                    value={deleteIntent(file.id)}
                    variant="tertiary"
                    size="small"
                    icon={<TrashIcon aria-hidden />}
                    formNoValidate
                  >
                    {t("delete", { name: file.name })}
                  </Button>
                ) : null}
              </HStack>
            </li>
          ))}
        </VStack>
      ) : null}
      <div ref={result} className="upload-result">
        {requestError ? <Alert variant="error" size="small">{t(`requestError.${requestError}`)}</Alert> : null}
        {mine && mine.results.length > 0 ? (
          <VStack as="ul" gap="space-4" className="plain-list">
            {mine.results.map((result, index) => (
              <li key={`${result.name}-${index}`}>
                <Alert variant={result.status === "ok" ? "success" : "error"} size="small" inline>
                  {result.status === "ok" ? t("result.ok", { name: result.name }) : t(`result.${result.status}`, { name: result.name, max: maxFiles })}
                </Alert>
              </li>
            ))}
          </VStack>
        ) : null}
      </div>
      {Dropzone ? (
        <VStack gap="space-8">
          <Dropzone id={inputId} label={t("choose", { document: label })} description={t("hint")} accept={ACCEPT} onSelect={choose} error={noFileMessage} />
          {chosen.length > 0 ? (
            <BodyShort size="small" aria-live="polite">
              {t("chosen", { files: chosen.map((file) => `${file.name} (${formatBytes(file.size, number)})`).join(", ") })}
            </BodyShort>
          ) : null}
          <input ref={nativeInput} type="file" name={filesField(documentKey)} multiple hidden tabIndex={-1} aria-hidden />
        </VStack>
      ) : (
        <VStack gap="space-4">
          <Label htmlFor={inputId}>{t("choose", { document: label })}</Label>
          <BodyShort size="small" id={`${inputId}-hint`}>
            {t("hint")}
          </BodyShort>
          <input
            id={inputId}
            type="file"
            name={filesField(documentKey)}
            multiple
            accept={ACCEPT}
            aria-describedby={noFile ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
            aria-invalid={noFile || undefined}
            className="file-input"
          />
          {noFile ? (
            <ErrorMessage id={`${inputId}-error`} showIcon>
              {noFileMessage}
            </ErrorMessage>
          ) : null}
        </VStack>
      )}
      <HStack gap="space-8" align="center">
        <Button
          type="submit"
          name={UPLOAD_FIELDS.intent}
          value={uploadIntent(documentKey)}
          variant="secondary"
          icon={<UploadIcon aria-hidden />}
          formEncType={embedded ? "multipart/form-data" : undefined}
          formNoValidate
          disabled={uploading}
        >
          {t("upload")}
        </Button>
        {uploading ? (
          <HStack gap="space-4" align="center" role="status">
            <Loader size="small" title={t("uploading")} />
            <BodyShort size="small">{t("uploading")}</BodyShort>
          </HStack>
        ) : null}
      </HStack>
    </VStack>
  );
}
