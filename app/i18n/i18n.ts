import type { i18n, Resource } from "i18next";
import { defaultNamespace, type Language } from "./languages";

/**
 * The translation function React components get (through react-i18next's `useTranslation`),
 * on the server and in the browser, from the translations the root loader sends with the page.
 *
 * It is not i18next: i18next is 48 kB of minified JavaScript (14 kB gzipped, a tenth of the
 * page budget) for backends, detection, formatting, nesting and context, none of which the
 * pages use. This does what they use, the way i18next does it (`i18n.test.ts` checks every key
 * of every language against i18next): `namespace:key.path`, `{{value}}` without escaping,
 * plurals by `count` (`_zero` for 0 when present, then the language's plural form, then the
 * key itself), a missing key gives the key without its namespace. A text that needs more (a
 * `$t(...)` reference, a `{{value, format}}`) fails that test. Server-side texts outside React
 * (the PDF, messages built in actions) still use i18next (`i18n.server.ts`).
 * docs/decisions/013-page-weight-and-server-time.md
 */

type Options = { count?: unknown; [name: string]: unknown };
type Tree = Record<string, unknown>;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralForm(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language, { type: "cardinal" });
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

function find(tree: unknown, path: string): unknown {
  if (!tree || typeof tree !== "object") return undefined;
  const direct = (tree as Tree)[path];
  if (direct !== undefined) return direct;
  let node: unknown = tree;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

const placeholder = /\{\{(.+?)\}\}/g;

function interpolate(text: string, options: Options | undefined): string {
  if (!text.includes("{{")) return text;
  return text.replace(placeholder, (match, raw: string) => {
    const name = raw.trim();
    const value = find(options, name);
    // As i18next: a value not given at all leaves the placeholder; one given as undefined or null is empty.
    if (value === undefined) return options && Object.prototype.hasOwnProperty.call(options, name) ? "" : match;
    return value === null ? "" : String(value);
  });
}

function makeT(language: Language, bundle: Record<string, unknown>, namespace: string, onMissing?: (key: string) => void) {
  return (key: string, options?: Options): string => {
    let ns = namespace;
    let path = key;
    const colon = key.indexOf(":");
    if (colon > 0) {
      ns = key.slice(0, colon);
      path = key.slice(colon + 1).split(":").join(".");
    }
    const tree = bundle[ns];
    const count = options?.count;
    const candidates: string[] = [];
    if (typeof count === "number") {
      if (count === 0) candidates.push(`${path}_zero`);
      candidates.push(`${path}_${pluralForm(language, count)}`);
    }
    candidates.push(path);
    for (const candidate of candidates) {
      const value = find(tree, candidate);
      if (typeof value === "string") return interpolate(value, options);
      if (value !== undefined && value !== null && candidate === path) return `key '${path} (${language})' returned an object instead of string.`;
    }
    onMissing?.(`${ns}:${path}`);
    return path;
  };
}

/** The instance made last for each language, with the translations it was made from. */
const instances = new Map<Language, { bundle: unknown; instance: i18n }>();

const warned = new Set<string>();
let reportMissing: ((key: string) => void) | undefined;
/** The server's report of a key a page's translations lack: entry.server.tsx hands it the log (this module also runs in the browser). */
export function onMissingTranslation(report: (key: string) => void) {
  reportMissing = report;
}
/** On the server, a key the page's translations lack is logged once (app/i18n/namespaces.ts). */
const logMissing =
  typeof document === "undefined"
    ? (key: string) => {
        if (warned.has(key) || warned.size > 1000) return;
        warned.add(key);
        reportMissing?.(key);
      }
    : undefined;

/**
 * The instance for a page language and its translations. The same function runs on the server
 * and in the browser, so the first render matches and the browser needs no extra request.
 *
 * Made once per language and translations: on the server, every page of one kind gets the same
 * translations object (`resourcesFor`), so requests share an instance, which they only read.
 */
export function createI18n(language: Language, resources: Resource): i18n {
  const bundle = resources[language];
  const cached = instances.get(language);
  if (cached && bundle !== undefined && cached.bundle === bundle) return cached.instance;
  const instance = makeInstance(language, (bundle ?? {}) as Record<string, unknown>);
  instances.set(language, { bundle, instance });
  return instance;
}

function makeInstance(language: Language, bundle: Record<string, unknown>): i18n {
  const fixed = new Map<string, (key: string, options?: Options) => string>();
  const getFixedT = (_language: string | null, namespace?: string | string[] | null) => {
    const ns = (Array.isArray(namespace) ? namespace[0] : namespace) ?? defaultNamespace;
    let t = fixed.get(ns);
    if (!t) {
      t = makeT(language, bundle, ns, logMissing);
      fixed.set(ns, t);
    }
    return t;
  };
  const noop = () => {};
  // What react-i18next (useTranslation, I18nextProvider) reads of an i18next instance.
  const instance = {
    language,
    languages: [language],
    resolvedLanguage: language,
    isInitialized: true,
    options: { defaultNS: defaultNamespace, ns: Object.keys(bundle), react: { useSuspense: false } },
    t: getFixedT(null, defaultNamespace),
    getFixedT,
    hasLoadedNamespace: () => true,
    loadNamespaces: (_ns: unknown, callback?: () => void) => {
      callback?.();
      return Promise.resolve();
    },
    on: noop,
    off: noop,
    store: { on: noop, off: noop },
  };
  return instance as unknown as i18n;
}
