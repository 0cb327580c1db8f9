/**
 * msw handlers for every path in the fagsystem contract. The person comes from
 * the Nav-Personident header only; a søknad is shown only to its own applicant.
 */
import { http, HttpResponse, type JsonBodyType, type RequestHandler } from "msw";
import { PERSON_HEADER, paths, type DigisosSoker, type SoknadSummary } from "../app/fagsystem/contract";
import { navKontorFor, type PersonRecord, type SoknadRecord } from "./personas";
import type { MockStore } from "./state";

export const AVSENDER = { systemnavn: "Mock fagsystem", systemversjon: "1.0" } as const;
export const DIGISOS_SOKER_VERSION = "1.0.0";

const error = (status: number, code: string, message?: string) => HttpResponse.json({ error: code, ...(message ? { message } : {}) }, { status });
const notFound = () => error(404, "not-found");

/** msw path pattern for the innsyn route, derived from the contract so the two cannot drift. */
const innsynPattern = paths.innsyn("__id__").replace("__id__", ":fiksDigisosId");

export function soknadSummary(soknad: SoknadRecord): SoknadSummary {
  const times = soknad.hendelser.map((hendelse) => Date.parse(hendelse.hendelsestidspunkt));
  if (soknad.sendtTidspunkt) times.push(Date.parse(soknad.sendtTidspunkt));
  const sistOppdatert = new Date(Math.max(0, ...times)).toISOString();
  const tildelt = soknad.hendelser.filter((hendelse) => hendelse.type === "tildeltNavKontor").at(-1);
  return {
    fiksDigisosId: soknad.fiksDigisosId,
    sendtTidspunkt: soknad.sendtTidspunkt,
    sistOppdatert,
    navKontor: tildelt?.type === "tildeltNavKontor" ? tildelt.navKontor : soknad.navKontor,
  };
}

export function createHandlers(store: MockStore): RequestHandler[] {
  /** The person named by the header, or the error response to send instead. */
  function personOf(request: Request): PersonRecord | Response {
    const fnr = request.headers.get(PERSON_HEADER);
    if (!fnr) return error(400, "missing-person", `The ${PERSON_HEADER} header is required`);
    if (!/^\d{11}$/.test(fnr)) return error(400, "invalid-person", `The ${PERSON_HEADER} header must be 11 digits`);
    return store.person(fnr) ?? notFound();
  }

  /** A register lookup: one JSON document per person. */
  const register = (path: string, pick: (person: PersonRecord) => JsonBodyType) =>
    http.get(path, ({ request }) => {
      const person = personOf(request);
      return person instanceof Response ? person : HttpResponse.json(pick(person));
    });

  return [
    register(paths.folkeregisterPerson, (person) => person.folkeregister),
    register(paths.krrKontaktinfo, (person) => person.krr),
    register(paths.kontoregisterKonto, (person) => person.kontoregister),
    register(paths.aaregArbeidsforhold, (person) => person.aareg),
    register(paths.navUtbetalinger, (person) => person.navUtbetalinger),
    register(paths.skatteetatenInntekt, (person) => person.skatteetaten),
    register(paths.husbankenBostotte, (person) => person.husbanken),

    // NORG answers by municipality; no person involved.
    http.get(paths.norgKontor, ({ request }) => {
      const kommunenummer = new URL(request.url).searchParams.get("kommunenummer") ?? "";
      if (!/^\d{4}$/.test(kommunenummer)) return error(400, "invalid-kommunenummer", "kommunenummer must be 4 digits");
      const office = navKontorFor(kommunenummer);
      return office ? HttpResponse.json(office) : notFound();
    }),

    http.get(paths.soknader, ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const summaries = store.soknaderFor(person.folkeregister.fnr).map(soknadSummary);
      summaries.sort((a, b) => b.sistOppdatert.localeCompare(a.sistOppdatert)); // newest first
      return HttpResponse.json(summaries);
    }),

    http.get(innsynPattern, ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const soknad = store.soknad(String(params.fiksDigisosId));
      // Someone else's søknad is answered exactly like a missing one: no hint that it exists.
      if (!soknad || soknad.fnr !== person.folkeregister.fnr) return notFound();
      const document: DigisosSoker = { version: DIGISOS_SOKER_VERSION, avsender: AVSENDER, hendelser: soknad.hendelser };
      return HttpResponse.json(document);
    }),
  ];
}
