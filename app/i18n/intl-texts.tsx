/**
 * Dates and amounts the server formatted, reused by the browser while the page hydrates.
 *
 * The first Intl.DateTimeFormat and the first Intl.NumberFormat of a page each cost the
 * browser 20–40 ms (ICU loads the locale's data), in the middle of hydration: most of the
 * blocking time Lighthouse measured on the søknad steps and the status page. The server has
 * made exactly those texts already, so it writes them into the page as data (a JSON script
 * element, not run as a script), keyed by what was formatted, and `useFormat` takes the text
 * from there when it has it. Anything not there (a date made in the browser, a page reached
 * by a client-side navigation) is formatted with Intl as before, so a missing entry costs
 * time, never a wrong text: a key names the format, the language and the value.
 */
import { createContext, useContext, useState, type ReactNode } from "react";

type Texts = Record<string, string>;

const ELEMENT_ID = "intl-texts";

/** On the server: the texts this request's render has formatted. In the browser: null. */
const Recorder = createContext<Texts | null>(null);

export function IntlTextsProvider({ children }: { children: ReactNode }) {
  const [recorder] = useState<Texts | null>(() => (typeof document === "undefined" ? {} : null));
  return <Recorder.Provider value={recorder}>{children}</Recorder.Provider>;
}

let fromServer: Texts | undefined;
function serverTexts(): Texts {
  if (fromServer) return fromServer;
  fromServer = {};
  const text = typeof document === "undefined" ? null : document.getElementById(ELEMENT_ID)?.textContent;
  if (text) {
    try {
      fromServer = JSON.parse(text) as Texts;
    } catch {
      // not ours or damaged: format in the browser
    }
  }
  return fromServer;
}

/** `text(key, make)`: the server's text for the key, else `make()` (recorded on the server). */
export function useIntlText(): (key: string, make: () => string) => string {
  const recorder = useContext(Recorder);
  if (recorder) return (key, make) => (recorder[key] ??= make());
  return (key, make) => serverTexts()[key] ?? make();
}

/**
 * The texts as data, rendered after everything that formats (the end of the body): the server
 * renders in document order, so by then the recorder holds the page's texts. The browser keeps
 * what the server wrote.
 */
export function IntlTexts() {
  const recorder = useContext(Recorder);
  const [json] = useState(() =>
    recorder ? JSON.stringify(recorder).replace(/</g, "\\u003c") : (document.getElementById(ELEMENT_ID)?.textContent ?? "{}"),
  );
  return <script type="application/json" id={ELEMENT_ID} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: json }} />;
}
