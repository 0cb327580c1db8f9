import { useRouteLoaderData } from "@remix-run/react";
import { defaultLanguage, type Language } from "./languages";
import * as format from "./format";
import { useIntlText } from "./intl-texts";

type RootData = { language: Language };

export function useLanguage(): Language {
  return useRouteLoaderData<RootData>("root")?.language ?? defaultLanguage;
}

const valueKey = (value: Date | string) => (typeof value === "string" ? value : value.toISOString());

/**
 * Intl formatting in the page's language. While the page hydrates, the texts the server
 * made are reused (intl-texts.tsx), so the browser does not build Intl formatters then.
 */
export function useFormat() {
  const language = useLanguage();
  const text = useIntlText();
  return {
    date: (value: Date | string, style: "long" | "short" = "long") =>
      text(`date-${style}|${language}|${valueKey(value)}`, () => format.formatDate(value, language, style)),
    dateTime: (value: Date | string) => text(`date-time|${language}|${valueKey(value)}`, () => format.formatDateTime(value, language)),
    time: (value: Date | string) => text(`time|${language}|${valueKey(value)}`, () => format.formatTime(value, language)),
    money: (amount: number) => text(`money|${language}|${amount}`, () => format.formatMoney(amount, language)),
  };
}
