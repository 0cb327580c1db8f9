/** Names shared by the server and the browser (no zod here, so the page does not carry it). */

/** The document type (and upload field key) of the files a person attaches to a message. */
export const MELDING_DOCUMENT = "melding";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
