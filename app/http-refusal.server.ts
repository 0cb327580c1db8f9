/**
 * The words for what server.ts refuses before a request reaches Remix (a method the portal does
 * not answer, a host it cannot be, a post from another site, an error outside Remix): plain text in the language of the
 * address, from the same texts as the error page (common:errors). Everything later is refused
 * by Remix with the error page itself (app/shell/ErrorPage.tsx).
 */
import en from "../locales/en/common.json";
import nb from "../locales/nb/common.json";
import nn from "../locales/nn/common.json";
import { defaultLanguage, languageOfPath } from "./i18n/languages";

const texts: Record<string, unknown> = { nb, nn, en };

export type EarlyRefusal = "badRequest" | "methodNotAllowed" | "crossSite" | "unexpected";

const keys: Record<EarlyRefusal, readonly [string, string]> = {
  badRequest: ["errors.badRequest.title", "errors.badRequest.body"],
  methodNotAllowed: ["errors.methodNotAllowed.title", "errors.methodNotAllowed.body"],
  crossSite: ["errors.crossSite.title", "errors.crossSite.body"],
  unexpected: ["errors.unexpected.title", "errors.unexpected.body"],
};

function text(language: string, key: string): string {
  return String(key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts[language]));
}

export function refusalText(path: string, kind: EarlyRefusal, status: number): string {
  const language = languageOfPath(path) ?? defaultLanguage;
  const [title, body] = keys[kind].map((key) => text(language, key));
  return `${title}\n\n${body}\n\n${text(language, "errors.statusCode").replace("{{status}}", String(status))}\n`;
}

/**
 * The answer to a post to a file (a resource route with only a loader): Remix's own is JSON saying
 * "Unexpected Server Error" with 405; this says it in words, as server.ts does for other methods.
 */
export function postNotAllowed(request: Request): Response {
  return new Response(refusalText(new URL(request.url).pathname, "methodNotAllowed", 405), {
    status: 405,
    headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" },
  });
}
