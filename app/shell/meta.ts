import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import type { Resource } from "i18next";
import { defaultNamespace, type Language } from "~/i18n/languages";

type RootMatchData = { language: Language; resources: Resource } | undefined;

function lookup(resources: Resource, language: Language, key: string): string | undefined {
  const [namespace, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : [defaultNamespace, key];
  let node: unknown = resources[language]?.[namespace];
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

/** `<title>` for a page: its own title, then the service name, both in the page's language. */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: string): MetaDescriptor[] {
  const root = args.matches.find((match) => match.id === "root")?.data as RootMatchData;
  if (!root) return [];
  const service = lookup(root.resources, root.language, "common:shell.serviceName") ?? "";
  const title = lookup(root.resources, root.language, key);
  return [{ title: title && title !== service ? `${title} – ${service}` : service }];
}
