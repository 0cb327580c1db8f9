/**
 * Aksel's dropzone for UploadField, in a module of its own: UploadField fetches it after the
 * page has hydrated, so the pages with upload places do not load Aksel's FileUpload (and its
 * icons and the Intl formatter it makes when loaded) before they can be used.
 */
import { FileUpload } from "@navikt/ds-react";

/** `id` is the id of its button (the file chooser), which a screen reader reads with the `error`. */
export function UploadDropzone({
  id,
  label,
  description,
  accept,
  error,
  onSelect,
}: {
  id: string;
  label: string;
  description: string;
  accept: string;
  error?: string;
  onSelect: (files: File[]) => void;
}) {
  return <FileUpload.Dropzone id={id} label={label} description={description} multiple accept={accept} error={error} onSelect={(files) => onSelect(files.map((file) => file.file))} />;
}
