/**
 * What one HTTP request shares among the loaders and the action Remix runs for it. Remix hands
 * each loader a Request of its own, so a page's root and route loaders cannot recognise each
 * other through it; this scope can. server.ts opens one per request (`requestScope.run`); code
 * called outside one (unit tests, scripts) simply finds none and does its work unshared.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestScope = {
  /** A random id for this request: audit records and the X-Request-Id header carry it. */
  requestId?: string;
  /** The session lookup (auth.server.ts): one per request, not one per loader. */
  session?: Promise<unknown>;
  /** Fagsystem reads already made in this request, by URL (client.server.ts); a write clears it. */
  fagsystemReads?: Map<string, Promise<unknown>>;
};

// server.ts and the server build each load this module; the storage itself must be one.
const KEY = Symbol.for("sosialhjelp.requestScope");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestScope> | undefined>;
export const requestScope: AsyncLocalStorage<RequestScope> = (holder[KEY] ??= new AsyncLocalStorage<RequestScope>());

export const currentRequestScope = (): RequestScope | undefined => requestScope.getStore();
