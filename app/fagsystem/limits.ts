/**
 * The contract's limits as plain numbers, without zod, so pages can show them (a counter, "up to
 * 10 files") without loading the contract's schemas in the browser.
 */

/** The most files a complaint is sent with (more can follow while it is not decided). */
export const MAX_KLAGE_FILES = 10;
/** The most characters of the complaint's text, and of the reason it is late. */
export const MAX_KLAGE_TEXT = 3000;
export const MAX_KLAGE_LATE_REASON = 1000;

/** The most characters of one message, and the most files it carries. */
export const MAX_MELDING_TEXT = 4000;
export const MAX_MELDING_FILES = 5;
/** Messages per page of a conversation (newest first). */
export const MELDINGER_PER_SIDE = 20;

/** The most characters of a request for economic advice (what the person wants help with). */
export const MAX_RADGIVNING_TEXT = 2000;

/** The most characters of the note on a call-back request (ring tilbake): no more than the office needs. */
export const MAX_RINGTILBAKE_NOTAT = 500;
/** Calls without an answer before the office closes a call-back request and writes to the person instead. */
export const RINGTILBAKE_MAX_FORSOK = 3;
/** The days the call-back report looks back over. */
export const RINGTILBAKE_RAPPORT_DAGER = 30;
