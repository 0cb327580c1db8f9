/** The `intent` values of an upload form's buttons, shared by the field and the server that reads them. */
export const uploadIntentPrefix = "last-opp:";
export const uploadIntent = (documentKey: string) => `${uploadIntentPrefix}${documentKey}`;
/** The document whose "Last opp" a form's `intent` is, if it is one. */
export function uploadRequested(intent: unknown): string | null {
  const value = Array.isArray(intent) ? intent[0] : intent;
  return typeof value === "string" && value.startsWith(uploadIntentPrefix) && value.length > uploadIntentPrefix.length ? value.slice(uploadIntentPrefix.length) : null;
}
export const deleteIntentPrefix = "slett-fil:";
export const deleteIntent = (fileId: string) => `${deleteIntentPrefix}${fileId}`;
