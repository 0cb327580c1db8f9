/**
 * The portal's log: one JSON object per line on standard output (pino), for the platform's log
 * collector (docs/deploy.md "Logs", docs/decisions/030). Each module takes a child with its
 * `area` ("innsyn", "login", ...); a line written while a request is under way carries that
 * request's id (the X-Request-Id the person's browser got).
 *
 * What a line may hold: ids of things (søknad, draft, klage, request), kinds, counts, statuses,
 * durations and errors. Never a fødselsnummer, a name, an address, the text of a message or the
 * name of a file: a line is read by people who may not see the person's case. The audit records
 * of the contact-centre view are the one stream that names the person, and are not written here
 * (app/nks/audit.server.ts).
 */
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger } from "pino";
import { config } from "./config.server";
import { currentRequestScope } from "./request-scope.server";

/** LOG_LEVEL, or info while the configuration cannot be read (server.ts then refuses to start in words). */
function level(): string {
  try {
    return config().LOG_LEVEL;
  } catch {
    return "info";
  }
}

/**
 * Fields of a database error (pg, PGlite) that carry a row's values or the statement, e.g.
 * detail: "Failing row contains (…, 12345678901, …)": the error is logged without them.
 */
const ROW_FIELDS = ["detail", "where", "internalQuery", "query", "parameters"];

function errorWithoutRows(error: unknown) {
  const serialized = stdSerializers.err(error as Error) as unknown;
  if (typeof serialized !== "object" || serialized === null) return serialized;
  for (const field of ROW_FIELDS) delete (serialized as Record<string, unknown>)[field];
  return serialized;
}

/** The portal's logger, writing to `destination` (standard output unless a test gives another). */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: level(),
    // "level":"error" rather than 50: what a person searching the log types.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: stdTimeFunctions.isoTime,
    serializers: { err: errorWithoutRows },
    mixin: () => {
      const requestId = currentRequestScope()?.requestId;
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger: Logger = createLogger();

/** The logger of one part of the portal: every line carries `area`. */
export const logFor = (area: string): Logger => logger.child({ area });
