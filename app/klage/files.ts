/** The files a complaint refers to: what the person may open under the søknad it is about. */
import type { Klage } from "~/fagsystem/contract";

/** The document type (and upload field key) of the files a person sends to a complaint. */
export const KLAGE_DOCUMENT = "klage";

/**
 * The complaint's PDF, the person's files, and every letter and new decision its events name.
 * Read from the raw events (not the fold), so a letter is reachable even if the log cannot be folded.
 */
export function klageFileIds(klage: Klage): Set<string> {
  const ids = new Set<string>([klage.klagePdf.id, ...klage.filer.map((file) => file.id)]);
  for (const event of klage.hendelser as Record<string, unknown>[]) {
    for (const field of ["brev", "nyttVedtak"]) {
      const id = (event[field] as { referanse?: { id?: unknown } } | null | undefined)?.referanse?.id;
      if (typeof id === "string") ids.add(id);
    }
  }
  return ids;
}
