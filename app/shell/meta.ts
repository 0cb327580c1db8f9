import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import type { Resource } from "i18next";
import { defaultLanguage, defaultNamespace, languages, type Language } from "~/i18n/languages";
import { rootResources } from "~/i18n/root-texts";

type RootMatchData = { language: Language; resourcesJson?: string; [ACTION_DATA]?: Record<string, unknown> } | undefined;

/**
 * Where PageMeta (PageMeta.tsx) puts the router's action data on the root match, for the meta
 * functions, which Remix gives loader data only. A symbol, so it can never clash with a field
 * of the root loader's data.
 */
export const ACTION_DATA: unique symbol = Symbol("actionData");

function lookup(resources: Resource, language: Language, key: string): string | undefined {
  const [namespace, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : [defaultNamespace, key];
  let node: unknown = resources[language]?.[namespace];
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(values[name] ?? whole));

export type TitleOptions = {
  /** The page is a step of the application: "Steg 3 av 9: Arbeid og utdanning – …". */
  step?: { number: number; total: number } | null;
  /** The page shows the error summary: "Feil: …" before the rest, as GOV.UK does. */
  errors?: boolean;
};

/**
 * `<title>` for a page: its own title, then the service name, both in the page's language; on a
 * step of the application its place first, and "Feil: " before everything while the page shows
 * the error summary (docs/decisions/020-focus-after-navigation.md).
 */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: string, options: TitleOptions = {}): MetaDescriptor[] {
  const root = args.matches.find((match) => match.id === "root")?.data as RootMatchData;
  if (!root) return [];
  const text = (textKey: string) => lookup(rootResources(root), root.language, textKey);
  const service = text("common:shell.serviceName") ?? "";
  let own = text(key);
  if (own && options.step) own = fill(text("common:shell.stepTitle") ?? "{{title}}", { ...options.step, title: own });
  let title = own && own !== service ? `${own} – ${service}` : service;
  if (options.errors) title = fill(text("common:shell.errorTitle") ?? "{{title}}", { title });
  return [{ title }];
}

/**
 * What the route's action answered to the submit the page shows, if it was one (undefined after
 * a plain visit). Meta functions call this from their own `args`: the last match is their route.
 */
export function actionDataOf<T>(args: Pick<MetaArgs, "matches">): T | undefined {
  const root = args.matches.find((match) => match.id === "root")?.data as RootMatchData;
  const own = args.matches[args.matches.length - 1];
  return own ? (root?.[ACTION_DATA]?.[own.id] as T | undefined) : undefined;
}

/**
 * `<title>` from texts the page already has (a guide's prose): its parts in order, then the service,
 * each once ("Satser – Økonomisk sosialhjelp", not "… – Økonomisk sosialhjelp – Økonomisk sosialhjelp").
 */
export function textTitle(args: Pick<MetaArgs, "matches">, parts: readonly string[]): MetaDescriptor[] {
  const service = translated(args, "common:shell.serviceName") ?? "";
  const seen = new Set<string>();
  const unique = [...parts, service].filter((part) => {
    const key = part.trim().toLocaleLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [{ title: unique.join(" – ") }];
}

/** One text of the page's translations, for a meta function (undefined if the page was not sent it). */
export function translated(args: Pick<MetaArgs, "matches">, key: string): string | undefined {
  const root = args.matches.find((match) => match.id === "root")?.data as RootMatchData;
  return root ? lookup(rootResources(root), root.language, key) : undefined;
}

/**
 * What a search engine reads besides the title, for a public page: the description, the canonical
 * address, and the same page in every language (hreflang, x-default the bokmål one). `origin` is
 * PUBLIC_URL, or the request's own (app/shell/public-url.server.ts); `path` is language-free.
 */
export function searchMeta({ origin, path, language, description }: { origin: string; path: string; language: Language; description?: string }): MetaDescriptor[] {
  const url = (lang: Language) => `${origin}/${lang}${path}`;
  return [
    ...(description ? [{ name: "description", content: description }] : []),
    { tagName: "link", rel: "canonical", href: url(language) },
    ...languages.map((lang) => ({ tagName: "link", rel: "alternate", hrefLang: lang, href: url(lang) })),
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: url(defaultLanguage) },
  ];
}
