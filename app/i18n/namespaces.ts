/**
 * Which translations a page needs, by its path. The root loader sends only these with a
 * page (and the server renders the page from the same set, so a key left out shows as a
 * raw key in the server's HTML and in the tests, never only in the browser). A page got
 * every namespace before: about 70 kB of text in every HTML document.
 *
 * An entry is a namespace (`innsyn`) or one subtree of it (`soknad:drafts`). `common` goes
 * with every page (header, footer, error pages, the session warning).
 */
import { isStepId, allSteps, type StepId } from "~/soknad/steps";

const stepNamespace: Partial<Record<StepId, string>> = {
  personalia: "soknad-personalia",
  behov: "soknad-behov",
  arbeid: "soknad-arbeid",
  familie: "soknad-familie",
  bosituasjon: "soknad-bosituasjon",
  inntekt: "soknad-inntekt",
  utgifter: "soknad-utgifter",
  dokumentasjon: "soknad-dokumentasjon",
};

/** The draft list (landing page, mine søknader). */
const draftList = ["soknad:drafts", "soknad:start.title"];
/** Complaints in lists: their state tags and the list's texts. */
const klageList = ["klage-status:state", "klage-status:list"];
/** Beside a decision: its complaints and "Klag på vedtaket". */
const klageBesideVedtak = [...klageList, "klage:start"];

/** A step: its own texts, every step's title (the progress bar), errors; documents and uploads where they are asked for. */
function stepNamespaces(step: string): string[] {
  const own = isStepId(step) ? stepNamespace[step] : undefined;
  const titles = allSteps.flatMap((other) => {
    const namespace = stepNamespace[other];
    return namespace && namespace !== own ? [`${namespace}:title`] : [];
  });
  const documents = step === "dokumentasjon" ? ["soknad-documents", "vedlegg"] : [];
  return ["soknad", "soknad-errors", ...(own ? [own] : []), ...titles, ...documents];
}

/** The namespaces (and subtrees) for a path such as `/nb/innsyn/123`, `common` first. */
export function namespacesFor(pathname: string): string[] {
  const [, , first = "", second = "", third = "", fourth = "", fifth = ""] = pathname.replace(/\/+$/, "").split("/");
  return ["common", ...pageNamespaces(first, second, third, fourth, fifth)];
}

/** A complaint's own page (`/innsyn/:soknadId/klage/:klageId`) and its withdrawal (`…/trekk`). */
function klagePageNamespaces(fifth: string): string[] {
  return fifth === "" ? ["klage-status", "innsyn:utfall", "innsyn:utfallLong", "vedlegg"] : ["klage-status"];
}

/** The contact-centre pages: login, the search, a person (the status page's parts), one søknad. */
function nksNamespaces(second: string, fourth: string, fifth: string): string[] {
  if (second === "logg-inn") return ["auth"];
  if (second !== "person") return ["nks"];
  const parts = ["nks", "innsyn:status", "klage-status:state", "klage-status:list"];
  return fourth === "soknad" && fifth !== "" ? [...parts, "innsyn", "soknad-documents"] : parts;
}

function pageNamespaces(first: string, second: string, third: string, fourth: string, fifth: string): string[] {
  switch (first) {
    case "":
      return ["landing", ...draftList, "innsyn:highlights", "klage:drafts", "klage:steps", "klage-status:state", "klage-status:highlights", "meldinger:list"];
    case "logg-inn":
    case "logget-ut":
    case "innlogging-feilet":
      return ["auth"];
    case "nks":
      return nksNamespaces(second, fourth, fifth);
    case "veiviser":
      // The guides' prose pages; their tools (before you apply, the budget); asking for advice.
      // Before you apply names the documents by the søknad's own texts.
      if (third === "for-du-soker") return ["veiviser", "veiviser-verktoy", "soknad-documents"];
      if (third === "budsjett") return ["veiviser", "veiviser-verktoy"];
      if (third === "be-om-rad") return ["veiviser", "radgivning"];
      return ["veiviser"];
    case "kontakt":
    case "personvern":
    case "tilgjengelighet":
      return ["info"];
    case "meldinger":
      // The list, or a conversation (with its upload field).
      return second === "" ? ["meldinger"] : ["meldinger", "vedlegg"];
    case "mine-soknader":
      return ["innsyn", ...draftList, ...klageList];
    case "utbetalinger":
      return ["innsyn"];
    case "innsyn":
      if (third === "") return ["innsyn", "soknad-documents", "vedlegg", ...klageBesideVedtak, "meldinger:soknad", "meldinger:list"];
      if (third === "vedtak") return ["innsyn", ...klageBesideVedtak];
      if (third === "klage") return klagePageNamespaces(fifth);
      return ["innsyn"];
    case "klage":
      // The start page (only after a failure), a step (files on "vedlegg"), the receipt.
      return third === "vedlegg" ? ["klage", "vedlegg"] : ["klage"];
    case "soknad":
      if (second === "" || third === "" || third === "slett" || fourth !== "") return ["soknad"];
      if (third === "kvittering") return ["soknad", "soknad-documents"];
      return stepNamespaces(third);
    default:
      return [];
  }
}
