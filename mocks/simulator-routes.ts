/**
 * The caseworker simulator over HTTP, mounted at /mock/fagsystem on the mock
 * server (and forwarded there by the portal when MOCKS=true):
 *
 *   GET  /mock/fagsystem/api/soknader                    every søknad, with persona, status, office
 *   POST /mock/fagsystem/api/soknader {personaId}        a new MOTTATT søknad
 *   GET  /mock/fagsystem/api/soknader/:id                one søknad with its events
 *   POST /mock/fagsystem/api/soknader/:id/handlinger     an action (see simulatorActionSchema) → 201 {hendelser}
 *   GET  /mock/fagsystem/api/klager                      every complaint, with persona, status and next statuses
 *   GET  /mock/fagsystem/api/klager/:klageId             one complaint, the same way
 *   POST /mock/fagsystem/api/klager/:klageId/handlinger  {action: "klage", status, …} (see klageActionSchema)
 *                                                        → 201 {klageId, fiksDigisosId, hendelser, soknadHendelser}
 *   GET  /mock/fagsystem/api/samtaler                    every conversation of every person (general, then one per sent
 *                                                        søknad), with persona, counts and unread on both sides
 *   GET  /mock/fagsystem/api/samtaler/:samtaleId         one conversation with all its messages, oldest first, and who read each
 *   POST /mock/fagsystem/api/samtaler/:samtaleId/handlinger  the office's side (see meldingActionSchema; an empty conversation works too):
 *                                                        {action: "svar", tekst, saksbehandler?, vedlegg?} → 201 {melding, varsel}
 *                                                        {action: "lest"} → 200 {antall}: the office read the person's messages
 *                                                        {action: "fyll", antall} → 201 {antall}: history for a benchmark
 *   GET  /mock/fagsystem/api/varsler                     every notification (SMS or e-mail) the office's messages caused, oldest first
 *   GET  /mock/fagsystem/api/radgivning                  every request for economic advice, newest first, with persona
 *   POST /mock/fagsystem/api/radgivning/:id/kontaktet    the office has been in touch → 200 the request (KONTAKTET; again changes nothing)
 *   GET  /mock/fagsystem/api/ringtilbake                 every office's call-back queue: [{navEnhet, kontornavn, ko, avsluttet}];
 *                                                        ko = still to call, most urgent first, then by deadline (forfalt marks the
 *                                                        overdue); avsluttet = reached or closed, the latest first; each with persona
 *   GET  /mock/fagsystem/api/ringtilbake/rapport         per office, the last 30 days: requests, share called in time, median minutes
 *                                                        to the first call (the contract's ringTilbakeRapportSchema)
 *   GET  /mock/fagsystem/api/ringtilbake/:id             one call-back request, with persona
 *   POST /mock/fagsystem/api/ringtilbake/:id/handlinger  {action: "ringt-nadd" | "ringt-ikke-nadd" | "lukk"} → 200 {ringTilbake, melding}:
 *                                                        the third unanswered call closes it and writes `melding` to the person
 *
 *   GET  /mock/fagsystem, /mock/fagsystem/soknader/:id,  the HTML pages; forms post to the routes below
 *        /mock/fagsystem/samtaler/:samtaleId              (the overview lists the requests for advice, each with "Marker som kontaktet",
 *                                                        each office's call-back queue with its three actions, and the report)
 */
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response, type Router } from "express";
import type { z } from "zod";
import { fileIdsOf } from "./handlers";
import { allKlager, applyKlageAction, klageFileIdsOf, klageOverview } from "./klage";
import {
  allSamtaler,
  allVarsler,
  applyMeldingAction,
  findSamtale,
  isMeldingFile,
  samtaleDetail,
  samtaleIdFor,
  samtaleLanguage,
  samtaleOverview,
  samtalerOf,
  type SamtaleRef,
} from "./meldinger";
import { allRadgivninger, markContacted, radgivningOverview } from "./radgivning";
import { applyRingTilbakeAction, officeQueues, ringTilbakeOverview, ringTilbakeRapport } from "./ringtilbake";
import { SYNTHETIC_ID_PREFIX, personName, type PersonRecord, type SoknadRecord } from "./personas";
import { BASE, STYLESHEET, notFoundPage, overviewPage, samtaleNotFoundPage, samtalePage, soknadPage, type SamtaleView } from "./simulator-page";
import { SimulatorError, allSoknader, applyAction, createSoknad, describeZodError, soknadOverview } from "./simulator";
import type { Fault } from "./faults";
import type { MockStore } from "./state";

export interface SimulatorRouterOptions {
  store: MockStore;
  now: () => Date;
  /** The mock's fault list, shared with /mock/faults. */
  faults: Fault[];
  parseFault: (input: unknown) => z.SafeParseReturnType<unknown, Fault>;
}

type Body = Record<string, unknown>;

/** Express 4 does not catch a rejected promise: hand it to the error handler. */
const route =
  (handler: (req: Request, res: Response) => Promise<void> | void): RequestHandler =>
  (req, res, next: NextFunction) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(next);
  };

/** A form field as a trimmed string, or undefined when empty. */
const field = (body: Body, name: string): string | undefined => {
  const value = body[name];
  const text = Array.isArray(value) ? value.at(-1) : value;
  return typeof text === "string" && text.trim() !== "" ? text.trim() : undefined;
};
/** A number as people type it: spaces as thousand separators, a comma as the decimal mark. */
const numberField = (body: Body, name: string): number | undefined => {
  const text = field(body, name);
  return text === undefined ? undefined : Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));
};
const withoutUndefined = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

/** The HTML forms' fields as an action for simulatorActionSchema: the same validation as the JSON API. */
export function actionFromForm(body: Body): unknown {
  const f = (name: string) => field(body, name);
  const action = f("action");
  switch (action) {
    case "status":
      return { action, status: f("status") };
    case "tildel":
      return { action, navKontor: f("navKontor") };
    case "etterspor": {
      if (f("trekkTilbake")) return { action, dokumenter: [] };
      const dokumenter = [1, 2, 3]
        .filter((row) => f(`dokumenttype${row}`))
        .map((row) => withoutUndefined({ dokumenttype: f(`dokumenttype${row}`), tilleggsinformasjon: f(`tilleggsinformasjon${row}`), innsendelsesfrist: f(`innsendelsesfrist${row}`) }));
      return { action, dokumenter };
    }
    case "forelopigSvar":
      return { action };
    case "sak":
      return withoutUndefined({ action, referanse: f("referanse"), tittel: f("tittel"), status: f("status") });
    case "vedtak": {
      const utfall = f("utfall");
      // One form for every outcome: an amount typed before choosing AVSLATT is not part of it.
      const granted = utfall === "INNVILGET" || utfall === "DELVIS_INNVILGET";
      return withoutUndefined({
        action,
        saksreferanse: f("saksreferanse"),
        utfall,
        belop: granted ? numberField(body, "belop") : undefined,
        fom: granted ? f("fom") : undefined,
        tom: granted ? f("tom") : undefined,
        begrunnelse: f("begrunnelse"),
        paragraf19: f("paragraf19") ? true : undefined,
      });
    }
    case "vilkar":
      return withoutUndefined({ action, referanse: f("referanse"), saksreferanse: f("saksreferanse"), tittel: f("tittel"), beskrivelse: f("beskrivelse"), status: f("status") });
    case "dokumentasjonkrav":
      return withoutUndefined({
        action,
        referanse: f("referanse"),
        saksreferanse: f("saksreferanse"),
        tittel: f("tittel"),
        beskrivelse: f("beskrivelse"),
        frist: f("frist"),
        status: f("status"),
      });
    case "utbetaling":
      return withoutUndefined({
        action,
        referanse: f("referanse"),
        saksreferanse: f("saksreferanse"),
        status: f("status"),
        belop: numberField(body, "belop"),
        beskrivelse: f("beskrivelse"),
        forfallsdato: f("forfallsdato"),
        utbetalingsdato: f("utbetalingsdato"),
        fom: f("fom"),
        tom: f("tom"),
        annenMottaker: f("annenMottaker"),
      });
    default:
      return { action };
  }
}

/** A complaint form's fields as an action for klageActionSchema; what the chosen status does not take is left out. */
export function klageActionFromForm(klageId: string, body: Body): unknown {
  const status = field(body, "status");
  const newVedtak = status === "MEDHOLD" || status === "DELVIS_MEDHOLD" || status === "ENDRET";
  const withLetter = status !== "MOTTATT" && status !== "UNDER_BEHANDLING";
  return withoutUndefined({
    action: "klage",
    klageId,
    status,
    arsak: status === "AVVIST" ? field(body, "arsak") : undefined,
    begrunnelse: withLetter ? field(body, "begrunnelse") : undefined,
    belop: newVedtak ? numberField(body, "belop") : undefined,
  });
}

/** A message form's fields as an action for meldingActionSchema: the same validation as the JSON API. */
export function meldingActionFromForm(body: Body): unknown {
  const action = field(body, "action");
  switch (action) {
    case "svar": {
      // The text as typed (the schema trims it); a textarea sends \r\n.
      const tekst = typeof body.tekst === "string" ? body.tekst.replace(/\r\n/g, "\n") : undefined;
      return withoutUndefined({ action, tekst, saksbehandler: field(body, "saksbehandler"), vedlegg: field(body, "vedlegg") ? true : undefined });
    }
    case "fyll":
      return { action, antall: numberField(body, "antall") };
    default:
      return { action };
  }
}

/** The fault form's fields as a fault for the mock's faultSchema. */
function faultFromForm(body: Body): unknown {
  return withoutUndefined({
    path: field(body, "path"),
    method: field(body, "method"),
    fnr: field(body, "fnr"),
    status: field(body, "drop") ? undefined : numberField(body, "status"),
    delayMs: numberField(body, "delayMs"),
    drop: field(body, "drop") ? true : undefined,
  });
}

const flash = (text: string) => `?melding=${encodeURIComponent(text.slice(0, 300))}`;
const queryText = (value: unknown) => (typeof value === "string" ? value.slice(0, 300) : null);

function sendHtml(res: Response, status: number, page: string) {
  // The page needs nothing but itself: no script at all, only its own stylesheet.
  res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  res.status(status).type("html").send(page);
}

export function simulatorRouter(options: SimulatorRouterOptions): Router {
  const { store, now } = options;
  const router = express.Router();

  router.use((_req, res, next) => {
    // Case data changes with every click: never from a cache.
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  });

  /* ---------- JSON API ---------- */

  const api = express.Router();
  api.use(express.json({ limit: "100kb" }));

  const soknadDetail = (fiksDigisosId: string) => {
    const soknad = store.soknad(fiksDigisosId);
    return soknad ? { ...soknadOverview(store, soknad), hendelser: soknad.hendelser } : null;
  };

  api.get("/soknader", (_req, res) => {
    res.json(allSoknader(store).map((soknad) => soknadOverview(store, soknad)));
  });

  api.post(
    "/soknader",
    route(async (req, res) => {
      const soknad = await createSoknad(store, req.body, now());
      res.status(201).json(soknadDetail(soknad.fiksDigisosId));
    }),
  );

  api.get("/soknader/:id", (req, res) => {
    const detail = soknadDetail(req.params.id ?? "");
    if (detail) res.json(detail);
    else res.status(404).json({ error: "not-found", message: `no søknad ${req.params.id}` });
  });

  api.post(
    "/soknader/:id/handlinger",
    route(async (req, res) => {
      const hendelser = await applyAction(store, req.params.id ?? "", req.body, now());
      res.status(201).json({ fiksDigisosId: req.params.id, hendelser });
    }),
  );

  const klageDetail = (klageId: string) => {
    const klage = store.klage(klageId);
    return klage ? klageOverview(store, klage) : null;
  };

  api.get("/klager", (_req, res) => {
    res.json(allKlager(store).map((klage) => klageOverview(store, klage)));
  });

  api.get("/klager/:klageId", (req, res) => {
    const detail = klageDetail(req.params.klageId ?? "");
    if (detail) res.json(detail);
    else res.status(404).json({ error: "not-found", message: `no klage ${req.params.klageId}` });
  });

  api.post(
    "/klager/:klageId/handlinger",
    route(async (req, res) => {
      const klageId = req.params.klageId ?? "";
      const body: unknown = req.body;
      // The URL names the complaint; the body may say it again, but not differently.
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw new SimulatorError(400, "(body): an action object");
      if ("klageId" in body && body.klageId !== klageId) throw new SimulatorError(400, `klageId: the body says ${String(body.klageId)}, the URL ${klageId}`);
      const { klage, hendelse, soknadHendelser } = await applyKlageAction(store, { ...body, klageId }, now());
      res.status(201).json({ klageId, fiksDigisosId: klage.fiksDigisosId, hendelser: [hendelse], soknadHendelser });
    }),
  );

  api.get("/samtaler", (_req, res) => {
    res.json(allSamtaler(store).map(({ samtale, person }) => samtaleOverview(store, samtale, person)));
  });

  api.get("/samtaler/:samtaleId", (req, res) => {
    const found = findSamtale(store, req.params.samtaleId ?? "");
    if (found) res.json(samtaleDetail(store, found.samtale, found.person));
    else res.status(404).json({ error: "not-found", message: `no samtale ${req.params.samtaleId}` });
  });

  api.post(
    "/samtaler/:samtaleId/handlinger",
    route(async (req, res) => {
      const samtaleId = req.params.samtaleId ?? "";
      const outcome = await applyMeldingAction(store, samtaleId, req.body, now());
      if (outcome.action === "svar") res.status(201).json({ samtaleId, melding: outcome.melding, varsel: outcome.varsel });
      else res.status(outcome.action === "fyll" ? 201 : 200).json({ samtaleId, antall: outcome.antall });
    }),
  );

  api.get("/varsler", (_req, res) => {
    res.json(allVarsler(store));
  });

  api.get("/radgivning", (_req, res) => {
    res.json(allRadgivninger(store).map((record) => radgivningOverview(store, record)));
  });

  api.post(
    "/radgivning/:radgivningId/kontaktet",
    route(async (req, res) => {
      const record = await markContacted(store, req.params.radgivningId ?? "", now());
      res.status(200).json(radgivningOverview(store, record));
    }),
  );

  api.get("/ringtilbake", (_req, res) => {
    res.json(officeQueues(store, now()));
  });

  api.get("/ringtilbake/rapport", (_req, res) => {
    res.json(ringTilbakeRapport(store.ringTilbakeAlle(), now()));
  });

  api.get("/ringtilbake/:ringTilbakeId", (req, res) => {
    const record = store.ringTilbake(req.params.ringTilbakeId ?? "");
    if (record) res.json(ringTilbakeOverview(store, record, now()));
    else res.status(404).json({ error: "not-found", message: `no call-back request ${req.params.ringTilbakeId}` });
  });

  api.post(
    "/ringtilbake/:ringTilbakeId/handlinger",
    route(async (req, res) => {
      const at = now();
      const { record, melding } = await applyRingTilbakeAction(store, req.params.ringTilbakeId ?? "", req.body, at);
      res.status(200).json({ ringTilbake: ringTilbakeOverview(store, record, at), melding });
    }),
  );

  const apiErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof SimulatorError) {
      res.status(error.status).json({ error: error.status === 404 ? "not-found" : "invalid-action", message: error.message });
      return;
    }
    if ((error as { type?: string })?.type === "entity.parse.failed") {
      res.status(400).json({ error: "invalid-json", message: "The body must be JSON" });
      return;
    }
    next(error);
  };
  api.use(apiErrors);
  router.use("/api", api);

  /* ---------- HTML ---------- */

  const form = express.urlencoded({ extended: false, limit: "100kb" });

  const klagerOf = (fiksDigisosId: string) => allKlager(store).filter((klage) => klage.fiksDigisosId === fiksDigisosId);

  const samtaleView = (samtale: SamtaleRef, person: PersonRecord): SamtaleView => ({
    samtaleId: samtale.samtaleId,
    fiksDigisosId: samtale.fiksDigisosId,
    person,
    office: samtale.office,
    language: samtaleLanguage(store, samtale),
    meldinger: store.meldingerI(samtale.samtaleId),
  });

  const soknadInput = (soknad: SoknadRecord) => {
    const person = store.person(soknad.fnr);
    const samtale = person ? samtalerOf(store, person).find((candidate) => candidate.fiksDigisosId === soknad.fiksDigisosId) : undefined;
    return { soknad, person, klager: klagerOf(soknad.fiksDigisosId), samtale: person && samtale ? samtaleView(samtale, person) : null, now: now() };
  };

  const overview = () => ({
    soknader: allSoknader(store).map((soknad) => ({
      soknad,
      person: store.person(soknad.fnr),
      klager: klagerOf(soknad.fiksDigisosId),
      antallMeldinger: store.meldingerI(samtaleIdFor(soknad.fnr, soknad.fiksDigisosId)).length,
    })),
    persons: store.persons(),
    // The personas' general conversations, and any other person's that holds messages (thousands of synthetic persons would drown the list).
    samtaler: store
      .persons()
      .filter((person) => !person.id.startsWith(SYNTHETIC_ID_PREFIX) || store.meldingerI(samtaleIdFor(person.folkeregister.fnr, null)).length > 0)
      .map((person) => {
        const samtale = samtalerOf(store, person)[0]!;
        const counts = samtaleOverview(store, samtale, person);
        return {
          samtaleId: samtale.samtaleId,
          person,
          kontor: counts.kontornavn,
          antallMeldinger: counts.antallMeldinger,
          antallUleste: counts.antallUleste,
          antallUlesteForNav: counts.antallUlesteForNav,
          sisteMelding: counts.sisteMelding?.sendtTidspunkt ?? null,
        };
      }),
    radgivning: allRadgivninger(store).map((record) => ({ record, person: store.person(record.fnr) })),
    ringTilbake: { kontorer: officeQueues(store, now()), rapport: ringTilbakeRapport(store.ringTilbakeAlle(), now()) },
    faults: options.faults,
  });

  router.get("/simulator.css", (_req, res) => {
    res.type("css").send(STYLESHEET);
  });

  router.get("/", (req, res) => {
    sendHtml(res, 200, overviewPage(overview(), { melding: queryText(req.query.melding) }));
  });

  router.get("/soknader/:id", (req, res) => {
    const soknad = store.soknad(req.params.id ?? "");
    if (!soknad) return sendHtml(res, 404, notFoundPage());
    sendHtml(res, 200, soknadPage(soknadInput(soknad), { melding: queryText(req.query.melding) }));
  });

  router.post(
    "/soknader",
    form,
    route(async (req, res) => {
      try {
        const soknad = await createSoknad(store, { personaId: field(req.body as Body, "personaId") ?? "" }, now());
        res.redirect(303, `${BASE}/soknader/${encodeURIComponent(soknad.fiksDigisosId)}${flash("Søknaden er opprettet og MOTTATT.")}`);
      } catch (error) {
        if (!(error instanceof SimulatorError)) throw error;
        sendHtml(res, 400, overviewPage(overview(), { feil: error.message }));
      }
    }),
  );

  router.post(
    "/soknader/:id/handlinger",
    form,
    route(async (req, res) => {
      const id = req.params.id ?? "";
      try {
        const hendelser = await applyAction(store, id, actionFromForm(req.body as Body), now());
        const text = `La til ${hendelser.length === 1 ? "hendelsen" : "hendelsene"} ${hendelser.map((hendelse) => hendelse.type).join(", ")}.`;
        res.redirect(303, `${BASE}/soknader/${encodeURIComponent(id)}${flash(text)}`);
      } catch (error) {
        if (!(error instanceof SimulatorError)) throw error;
        const soknad = store.soknad(id);
        if (!soknad) return sendHtml(res, 404, notFoundPage());
        sendHtml(res, 400, soknadPage(soknadInput(soknad), { feil: error.message }));
      }
    }),
  );

  router.post(
    "/klager/:klageId/handlinger",
    form,
    route(async (req, res) => {
      const klageId = req.params.klageId ?? "";
      const fiksDigisosId = store.klage(klageId)?.fiksDigisosId;
      const soknad = fiksDigisosId ? store.soknad(fiksDigisosId) : undefined;
      if (!soknad) return sendHtml(res, 404, notFoundPage());
      try {
        const { hendelse, soknadHendelser } = await applyKlageAction(store, klageActionFromForm(klageId, req.body as Body), now());
        const text = `Klagen er ${hendelse.status}${soknadHendelser.length > 0 ? `; søknaden fikk ${soknadHendelser.map((event) => event.type).join(", ")}` : ""}.`;
        res.redirect(303, `${BASE}/soknader/${encodeURIComponent(soknad.fiksDigisosId)}${flash(text)}#klage-${encodeURIComponent(klageId)}`);
      } catch (error) {
        if (!(error instanceof SimulatorError)) throw error;
        sendHtml(res, error.status, soknadPage(soknadInput(soknad), { feil: error.message }));
      }
    }),
  );

  router.get("/samtaler/:samtaleId", (req, res) => {
    const found = findSamtale(store, req.params.samtaleId ?? "");
    if (!found) return sendHtml(res, 404, samtaleNotFoundPage());
    sendHtml(res, 200, samtalePage(samtaleView(found.samtale, found.person), { melding: queryText(req.query.melding) }));
  });

  router.post(
    "/samtaler/:samtaleId/handlinger",
    form,
    route(async (req, res) => {
      const samtaleId = req.params.samtaleId ?? "";
      const body = req.body as Body;
      const found = findSamtale(store, samtaleId);
      if (!found) return sendHtml(res, 404, samtaleNotFoundPage());
      // Back to the søknad's page when the form was there (and the conversation is a søknad's), else the conversation's.
      const soknad = field(body, "tilbake") === "soknad" && found.samtale.fiksDigisosId ? store.soknad(found.samtale.fiksDigisosId) : undefined;
      try {
        const outcome = await applyMeldingAction(store, samtaleId, meldingActionFromForm(body), now());
        const text =
          outcome.action === "svar"
            ? `Svaret er sendt${outcome.melding.filer.length > 0 ? " med et brev" : ""}${outcome.varsel ? `, og personen fikk et varsel på ${outcome.varsel.kanal === "SMS" ? "SMS" : "e-post"}` : ""}.`
            : outcome.action === "lest"
              ? `Markerte ${outcome.antall} ${outcome.antall === 1 ? "melding" : "meldinger"} som lest.`
              : `La til ${outcome.antall} meldinger.`;
        const target = soknad ? `${BASE}/soknader/${encodeURIComponent(soknad.fiksDigisosId)}` : `${BASE}/samtaler/${encodeURIComponent(samtaleId)}`;
        res.redirect(303, `${target}${flash(text)}#meldinger`);
      } catch (error) {
        if (!(error instanceof SimulatorError)) throw error;
        const again = findSamtale(store, samtaleId);
        if (!again) return sendHtml(res, 404, samtaleNotFoundPage());
        if (soknad) sendHtml(res, error.status, soknadPage(soknadInput(soknad), { feil: error.message }));
        else sendHtml(res, error.status, samtalePage(samtaleView(again.samtale, again.person), { feil: error.message }));
      }
    }),
  );

  router.post(
    "/radgivning/:radgivningId/kontaktet",
    route(async (req, res) => {
      try {
        const record = await markContacted(store, req.params.radgivningId ?? "", now());
        const person = store.person(record.fnr);
        res.redirect(303, `${BASE}${flash(`Forespørselen om råd fra ${person ? personName(person) : record.fnr} er markert som kontaktet.`)}#radgivning`);
      } catch (error) {
        if (!(error instanceof SimulatorError)) throw error;
        sendHtml(res, error.status, overviewPage(overview(), { feil: error.message }));
      }
    }),
  );

  router.post(
    "/ringtilbake/:ringTilbakeId/handlinger",
    form,
    route(async (req, res) => {
      try {
        const { record, melding } = await applyRingTilbakeAction(store, req.params.ringTilbakeId ?? "", { action: field(req.body as Body, "action") }, now());
        const person = store.person(record.fnr);
        const who = person ? personName(person) : record.fnr;
        const text =
          record.status === "RINGT_NADD"
            ? `${who} er ringt og nådd.`
            : record.status === "RINGT_IKKE_NADD"
              ? `${who} svarte ikke (forsøk ${record.forsok.length}). Prøv igjen senere.`
              : melding
                ? `${who} svarte ikke på ${record.forsok.length} forsøk. Forespørselen er lukket, og personen har fått en melding om å ta kontakt.`
                : `Forespørselen fra ${who} er lukket.`;
        res.redirect(303, `${BASE}${flash(text)}#ringtilbake`);
      } catch (error) {
        if (!(error instanceof SimulatorError)) throw error;
        sendHtml(res, error.status, overviewPage(overview(), { feil: error.message }));
      }
    }),
  );

  router.post("/feil", form, (req, res) => {
    const body = req.body as Body;
    if (field(body, "handling") === "fjern") {
      options.faults.length = 0;
      return res.redirect(303, `${BASE}${flash("Alle feil er fjernet.")}`);
    }
    const parsed = options.parseFault(faultFromForm(body));
    if (!parsed.success) return sendHtml(res, 400, overviewPage(overview(), { feil: describeZodError(parsed.error) }));
    options.faults.push(parsed.data);
    res.redirect(303, `${BASE}${flash(`Feilen er slått på for ${parsed.data.path}.`)}`);
  });

  router.post(
    "/tilbakestill",
    route(async (_req, res) => {
      await store.reset(now());
      options.faults.length = 0;
      res.redirect(303, `${BASE}${flash("Alle data er tilbakestilt.")}`);
    }),
  );

  /** The letters, for the caseworker: any file a søknad, a complaint or a message refers to, without a person header. */
  router.get(
    "/dokumenter/:id",
    route(async (req, res) => {
      const id = req.params.id ?? "";
      const referenced =
        allSoknader(store).some((soknad) => fileIdsOf(soknad).has(id)) ||
        allKlager(store).some((klage) => klageFileIdsOf(klage).has(id)) ||
        isMeldingFile(store, id);
      const stored = referenced ? await store.readFile(id) : null;
      if (!stored) return sendHtml(res, 404, notFoundPage());
      res.status(200).type(stored.file.mimetype).setHeader("Content-Disposition", `inline; filename="${stored.file.filnavn.replace(/[^\w.-]/g, "_")}"`);
      res.send(Buffer.from(stored.bytes));
    }),
  );

  return router;
}
