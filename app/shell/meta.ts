import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import type { Resource } from "i18next";
import { defaultNamespace, type Language } from "~/i18n/languages";

type RootMatchData = { language: Language; resources: Resource; [ACTION_DATA]?: Record<string, unknown> } | undefined;

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
  const text = (textKey: string) => lookup(root.resources, root.language, textKey);
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
