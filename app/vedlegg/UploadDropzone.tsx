/**
 * Aksel's dropzone for UploadField, in a module of its own: UploadField fetches it after the
 * page has hydrated, so the pages with upload places do not load Aksel's FileUpload (and its
 * icons and the Intl formatter it makes when loaded) before they can be used.
 */
import { FileUpload } from "@navikt/ds-react";

export function UploadDropzone({ label, description, accept, onSelect }: { label: string; description: string; accept: string; onSelect: (files: File[]) => void }) {
  return <FileUpload.Dropzone label={label} description={description} multiple accept={accept} onSelect={(files) => onSelect(files.map((file) => file.file))} />;
}
