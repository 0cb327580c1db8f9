import type { AppLoadContext, EntryContext, HandleDocumentRequestFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./nonce";
import { startHousekeeping } from "./housekeeping.server";
import { documentBytes } from "./document-bytes.server";
import { closeStore, store } from "./store/store.server";
import { logFor } from "./log.server";
import { onMissingTranslation } from "./i18n/i18n";

const log = logFor("remix");

startHousekeeping();
onMissingTranslation((key) => logFor("i18n").warn({ key }, "no translation: missing in locales/ or in namespacesFor (app/i18n/namespaces.ts)"));

/**
 * Opens the database and applies its migrations; server.ts awaits it before it listens. Opened
 * at the first request instead, PGlite's start on a new DATA_DIR (several seconds on the event
 * loop) fell on the first person's login and on the calls it had under way.
 */
export async function ready(): Promise<void> {
  await store();
}

/** For /internal/isready (server.ts): resolves once the database has answered. */
export async function databaseAnswers(): Promise<void> {
  await (await store()).query("SELECT 1");
}

/** At shutdown (server.ts), once the requests in flight are done. */
export async function closeDatabase(): Promise<void> {
  await closeStore();
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address as the HTTP server saw it (the rate limits count by it). */
    clientAddress: string;
  }
}

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

const handleRequest: HandleDocumentRequestFunction = (
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) => {
  const nonce = loadContext.cspNonce ?? "";
  // Every loader has finished before rendering starts and no part of a page waits for data, so
  // the whole document is rendered first and sent as one piece: React writes it in small chunks,
  // and one write instead of dozens is much of what a page costs the server under load.
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          documentBytes(pipe).then((html) => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(html.byteLength));
            resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
          }, reject);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error({ err: error }, "rendering failed after the shell");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
};

export default handleRequest;

/** Logged on the server only (an error nobody handled: e2e/server-log.ts); the person sees a translated error page without details. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (error instanceof Response) return;
  // Remix's own answers to what a client asked for (no such route, a `_data` that does not match): not our error.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // The request's id (from its scope) ties this to the request line, which has the route; the URL is not logged.
  log.error({ err: error, method: request.method }, "unhandled error");
}
