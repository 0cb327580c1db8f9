// Test support: the soknad-pdf texts (and the soknad texts the summary uses) without i18next, shared by the PDF and outline tests.
import en from "../../locales/en/soknad-pdf.json";
import nb from "../../locales/nb/soknad-pdf.json";
import nn from "../../locales/nn/soknad-pdf.json";
import enSoknad from "../../locales/en/soknad.json";
import nbSoknad from "../../locales/nb/soknad.json";
import nnSoknad from "../../locales/nn/soknad.json";
import type { SoknadLanguage } from "./soknad-document";

const locales = { "soknad-pdf": { nb, nn, en }, soknad: { nb: nbSoknad, nn: nnSoknad, en: enSoknad } } as const;

/** A stand-in for i18next's t: the text of a key, or the key itself when there is none. */
export function textsFor(language: SoknadLanguage) {
  return (key: string) => {
    const [namespace, path] = key.split(":") as [string, string];
    if (namespace !== "soknad-pdf" && namespace !== "soknad") return key;
    const text = path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locales[namespace][language]);
    return typeof text === "string" ? text : key;
  };
}
