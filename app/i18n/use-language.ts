import { useRouteLoaderData } from "@remix-run/react";
import { defaultLanguage, type Language } from "./languages";
import * as format from "./format";

type RootData = { language: Language };

export function useLanguage(): Language {
  return useRouteLoaderData<RootData>("root")?.language ?? defaultLanguage;
}

/** Intl formatting in the page's language. */
export function useFormat() {
  const language = useLanguage();
  return {
    date: (value: Date | string, style?: "long" | "short") => format.formatDate(value, language, style),
    dateTime: (value: Date | string) => format.formatDateTime(value, language),
    time: (value: Date | string) => format.formatTime(value, language),
    money: (amount: number) => format.formatMoney(amount, language),
  };
}
