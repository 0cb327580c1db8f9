import { useRouteLoaderData } from "@remix-run/react";
import type { Resource } from "i18next";
import type { AkselTranslations } from "./aksel.server";

const parsed = new Map<string, unknown>();

/**
 * The root loader sends the page's translations as JSON strings made once on the server
 * (app/shell/root-data.server.ts). Each is parsed once: the same text gives the same object,
 * on the server for every request of one kind of page and in the browser after a navigation
 * that reloads the root, so the i18n instance made from it is shared (createI18n).
 */
export function parsedJson<T>(json: string | undefined): T | undefined {
  if (json === undefined) return undefined;
  let value = parsed.get(json);
  if (value === undefined) {
    value = JSON.parse(json) as unknown;
    if (parsed.size >= 16) parsed.delete(parsed.keys().next().value as string);
    parsed.set(json, value);
  }
  return value as T;
}

type RootTexts = { resourcesJson?: string; akselTranslationsJson?: string } | undefined;

/** The page's translations, as the root loader sent them (for meta functions, pass the root match's data). */
export function rootResources(data: RootTexts): Resource {
  return parsedJson<Resource>(data?.resourcesJson) ?? {};
}

/** Aksel's component texts in the page's language, as the root loader sent them. */
export function rootAkselTranslations(data: RootTexts): AkselTranslations | undefined {
  return parsedJson<AkselTranslations>(data?.akselTranslationsJson);
}

/** The same, in a component. */
export function useAkselTranslations(): AkselTranslations | undefined {
  return rootAkselTranslations(useRouteLoaderData<RootTexts>("root"));
}
