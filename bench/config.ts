/**
 * What the benchmark measures: one list of routes, the pages Lighthouse opens and the
 * server load targets. A new route is one line in `routes`; a route that answers 404
 * today is reported as "missing" until it lands.
 */
import { klageSteps } from "../app/klage/steps";
import { allSteps } from "../app/soknad/steps";

/**
 * Ports and folders of the benchmark's own portal (the tests use 3000-3299 and build/);
 * BENCH_PORT moves all five (the portal, the mock at +1, the floor at +2, the HTTP/2 proxies in
 * front of the portal and of the floor at +3 and +4) and the data folder.
 */
export const PORT = Number(process.env.BENCH_PORT ?? 3400);
export const MOCK_PORT = PORT + 1;
export const BASE_URL = `http://localhost:${PORT}`;
export const DATA_DIR = `./data/bench-${PORT}`;
/**
 * Builds go under bench/node_modules/: ignored by git and, unlike bench/.build, by ESLint's
 * defaults too, so a lint run by someone else while the benchmark runs stays clean.
 */
export const BUILD_DIR = "bench/node_modules/.build";
export const FLOOR_DIR = "bench/floor";
export const FLOOR_BUILD_DIR = "bench/node_modules/.build-floor";
/** Where Lighthouse opens the floor app (bench/sections/page-weight.ts, serveFloor), and its name in the results. */
export const FLOOR_PORT = PORT + 2;
export const FLOOR_NAME = "floor (React + Remix alone)";
/** Lighthouse's second run, over HTTP/2 with TLS (bench/h2-proxy.ts): the proxy in front of the portal, and the one in front of the floor. */
export const H2_PORT = PORT + 3;
export const H2_FLOOR_PORT = PORT + 4;

/** Test persons from mocks/personas.ts. */
export type Persona = "forstegang" | "aleneforelder" | "under-behandling" | "innvilget" | "avslag" | "nylig-hjelp";

/**
 * Values a route's path can refer to as `{name}`; run.ts finds them before measuring:
 * - draftId: an open draft of forstegang's, started through the real start form;
 * - sentDraftId: a draft of forstegang's walked through every step and sent;
 * - fiksDigisosId, letterId: innvilget's søknad and its first vedtak letter (from the fagsystem mock);
 * - klageSoknadId: avslag's søknad (refused), the one its complaints are about;
 * - klageDraftId: an open complaint draft of avslag's about that refusal, started through the real start form;
 * - sentKlageId: a complaint of avslag's walked through every step and sent (its receipt and its own page);
 * - samtaleId: under-behandling's conversation about its søknad (seeded with messages from both sides).
 */
export type PathValue = "draftId" | "sentDraftId" | "fiksDigisosId" | "letterId" | "klageSoknadId" | "klageDraftId" | "sentKlageId" | "samtaleId";

export interface RouteSpec {
  name: string;
  /** With `{draftId}` and the like, see PathValue. */
  path: string;
  /** Logged in as this person; anonymous without. */
  as?: Persona;
}

export const routes: RouteSpec[] = [
  { name: "landing", path: "/nb" },
  { name: "test login", path: "/nb/logg-inn" },
  { name: "landing, logged in", path: "/nb", as: "forstegang" },
  { name: "søknad start", path: "/nb/soknad", as: "forstegang" },
  ...allSteps.map((step): RouteSpec => ({ name: `søknad: ${step}`, path: `/nb/soknad/{draftId}/${step}`, as: "forstegang" })),
  { name: "receipt", path: "/nb/soknad/{sentDraftId}/kvittering", as: "forstegang" },
  { name: "mine søknader", path: "/nb/mine-soknader", as: "innvilget" },
  { name: "meldinger", path: "/nb/meldinger", as: "innvilget" },
  { name: "meldinger: a conversation", path: "/nb/meldinger/{samtaleId}", as: "under-behandling" },
  { name: "status page", path: "/nb/innsyn/{fiksDigisosId}", as: "innvilget" },
  { name: "vedtak", path: "/nb/innsyn/{fiksDigisosId}/vedtak/{letterId}", as: "innvilget" },
  { name: "utbetalinger", path: "/nb/utbetalinger", as: "innvilget" },
  ...klageSteps.map((step): RouteSpec => ({ name: `klage: ${step}`, path: `/nb/klage/{klageDraftId}/${step}`, as: "avslag" })),
  { name: "klage receipt", path: "/nb/klage/{sentKlageId}/kvittering", as: "avslag" },
  { name: "klage page", path: "/nb/innsyn/{klageSoknadId}/klage/{sentKlageId}", as: "avslag" },
  { name: "klage: withdraw", path: "/nb/innsyn/{klageSoknadId}/klage/{sentKlageId}/trekk", as: "avslag" },
  { name: "kontakt", path: "/nb/kontakt" },
  { name: "personvern", path: "/nb/personvern" },
  { name: "tilgjengelighet", path: "/nb/tilgjengelighet" },
  { name: "logget ut", path: "/nb/logget-ut" },
  // The guides (veivisere): public prose, meant to be the lightest pages of the portal (budget guidePageJsVsLightest).
  { name: "guide: the guides", path: "/nb/veiviser" },
  { name: "guide: sosialhjelp", path: "/nb/veiviser/sosialhjelp" },
  { name: "guide: satser", path: "/nb/veiviser/sosialhjelp/satser" },
  { name: "guide: hjelp i dag", path: "/nb/veiviser/sosialhjelp/hjelp-i-dag?kommune=0301" },
  { name: "guide: gjeldsordning", path: "/nb/veiviser/okonomi-og-gjeld/gjeldsordning" },
  { name: "be om råd", path: "/nb/veiviser/okonomi-og-gjeld/be-om-rad", as: "innvilget" },
];

/** Lighthouse opens these (by route name), once each. */
export const lighthousePages = ["landing", "søknad: personalia", "status page", "utbetalinger", "guide: satser"];

/** Server load: each target at each connection count, bounded in time and count. */
export const loadConnections = [10, 50, 100];
export const loadSeconds = 5;
export const loadMaxRequests = 20_000;
/**
 * The portal's CPU time per request is measured on a fixed run at this many connections (the row
 * at that count): this many requests, every answer awaited, the portal quiet before and after;
 * at most cpuRunMaxSeconds on a slow machine.
 */
export const cpuConnections = 10;
export const cpuRequests = 200;
export const cpuRunMaxSeconds = 60;

/** The søknad step the POST benchmark saves again and again (a valid answer: goes on with a redirect). */
export const stepPost = { step: "behov", body: "categories=livsopphold&categories=husleie" } as const;

/**
 * A valid answer to every step of the standard flow for forstegang (single, no children),
 * used to walk a draft to the receipt. Dokumentasjon is answered from the page: every
 * document asked for gets "senderSenere".
 */
export const walkAnswers: Record<(typeof allSteps)[number], string> = {
  personalia: "addressChoice=folkeregistrert&phone=41234501&noBankAccount=on",
  behov: "categories=livsopphold",
  arbeid: "student=nei",
  familie: "",
  bosituasjon: "housing=leier&householdSize=1",
  inntekt: "skattConsent=nei&bostotteConsent=nei&studentLoan=nei",
  utgifter: "",
  dokumentasjon: "",
  oppsummering: "confirm=on",
};

/**
 * A valid answer to every step of a complaint, used to walk one to its receipt: the decision is
 * the one it was started from, and the reason it is late is there in case the deadline has passed.
 */
export const klageWalkAnswers = (vedtakId: string): Record<(typeof klageSteps)[number], string> => ({
  vedtak: new URLSearchParams({ vedtakIds: vedtakId }).toString(),
  begrunnelse: new URLSearchParams({ tekst: "Vedtaket bygger på feil inntekt.", forSentBegrunnelse: "Jeg var på sykehus." }).toString(),
  vedlegg: "",
  oppsummering: "",
});

/** Fold: event-log sizes, and how many timed runs the median is taken of. */
export const foldSizes = [100, 1_000, 10_000];
export const foldRuns = 7;

/**
 * A conversation's page with a long history against a short one: the sizes (the first is the
 * baseline), and how many timed requests each gets after a few to warm up.
 */
export const conversationSizes = [10, 10_000];
export const conversationRequests = 100;
export const conversationWarmUp = 5;
