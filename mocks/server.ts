/**
 * The fagsystem mock as a real HTTP server, so the portal's client is exercised
 * end to end (headers, status codes, timeouts) exactly as against a real
 * fagsystem. Beside the contract it serves a small control API under /mock:
 * test users for the mock login, reset, and fault injection for tests, and
 * the caseworker simulator at /mock/fagsystem (simulator-routes.ts).
 */
import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from "express";
import { createMiddleware } from "@mswjs/http-middleware";
import { z } from "zod";
import { PERSON_HEADER } from "../app/fagsystem/contract";
import { createHandlers } from "./handlers";
import { MAX_SYNTHETIC_PERSONS, personName, staffUsers, SYNTHETIC_ID_PREFIX, syntheticPersons } from "./personas";
import { simulatorRouter } from "./simulator-routes";
import { faultSchema, type Fault } from "./faults";
import { MockStore } from "./state";

export { faultSchema, type Fault } from "./faults";


export interface FagsystemMockOptions {
  port: number;
  /** Defaults to 127.0.0.1: the mock holds personal-looking data and must not be reachable from outside. */
  host?: string;
  dataDir: string;
  /** The clock used for seeding and reset; tests pin it. */
  now?: () => Date;
}

export interface FagsystemMock {
  url: string;
  port: number;
  state: MockStore;
  close(): Promise<void>;
}

export async function startFagsystemMock(opts: FagsystemMockOptions): Promise<FagsystemMock> {
  const now = opts.now ?? (() => new Date());
  const host = opts.host ?? "127.0.0.1";
  const state = await MockStore.open(opts.dataDir, now());
  const faults: Fault[] = [];

  const app = express();
  app.disable("x-powered-by");
  app.use("/mock/fagsystem", simulatorRouter({ store: state, now, faults, parseFault: (input) => faultSchema.safeParse(input) }));
  app.use("/mock", express.json(), controlApi(state, faults, now));
  app.use(faultInjection(faults));
  app.use(createMiddleware(...createHandlers(state, now)));
  app.use((_req, res) => {
    res.status(404).json({ error: "not-found" });
  });
  app.use(errorHandler);

  const server = app.listen(opts.port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    state,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets and delayed requests would hold close() open
      }).then(() => state.flush());
      return closing;
    },
  };
}

function controlApi(state: MockStore, faults: Fault[], now: () => Date): Router {
  const router = express.Router();

  router.get("/testbrukere", (_req, res) => {
    res.json(state.persons().map((person) => ({ id: person.id, fnr: person.folkeregister.fnr, name: personName(person), birthDate: person.folkeregister.fodselsdato })));
  });

  // Test-only: more applicants than the personas, for load tests (see syntheticPersons). Answers them as /testbrukere lists them.
  router.post("/syntetiske-personer", (req, res, next) => {
    const parsed = z.object({ antall: z.number().int().min(1).max(MAX_SYNTHETIC_PERSONS) }).strict().safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid-request", message: `send {"antall": 1–${MAX_SYNTHETIC_PERSONS}}` });
      return;
    }
    const existing = state.persons().filter((person) => person.id.startsWith(SYNTHETIC_ID_PREFIX)).length;
    if (existing + parsed.data.antall > MAX_SYNTHETIC_PERSONS) {
      res.status(409).json({ error: "too-many", message: `at most ${MAX_SYNTHETIC_PERSONS} synthetic persons; reset the mock first` });
      return;
    }
    state
      .update((draft) => {
        const added = syntheticPersons(now(), parsed.data.antall, existing + 1);
        draft.persons.push(...added);
        return added;
      })
      .then((added) => {
        res.status(201).json(added.map((person) => ({ id: person.id, fnr: person.folkeregister.fnr, name: personName(person), birthDate: person.folkeregister.fodselsdato })));
      }, next);
  });

  router.get("/nks-testbrukere", (_req, res) => {
    res.json(staffUsers);
  });

  router.post("/reset", (_req, res, next) => {
    state.reset(now()).then(() => {
      faults.length = 0;
      res.status(204).end();
    }, next);
  });

  router.get("/faults", (_req, res) => {
    res.json(faults);
  });

  router.put("/faults", (req, res) => {
    const parsed = faultSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid-fault", message: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`).join("; ") });
      return;
    }
    faults.push(parsed.data);
    res.status(201).json(parsed.data);
  });

  router.delete("/faults", (_req, res) => {
    faults.length = 0;
    res.status(204).end();
  });

  return router;
}

/**
 * The first fault matching the request (path prefix, method, person) applies:
 * after its delay the socket is dropped, or the status is answered, or (a
 * delay-only fault) the request goes on to the real handler.
 */
function faultInjection(faults: readonly Fault[]): RequestHandler {
  return (req, res, next) => {
    const fnr = req.get(PERSON_HEADER);
    const fault = faults.find((candidate) => req.path.startsWith(candidate.path) && (!candidate.method || candidate.method === req.method) && (!candidate.fnr || candidate.fnr === fnr));
    if (!fault) return next();

    const apply = () => {
      if (fault.drop) req.socket.destroy();
      else if (fault.status !== undefined) res.status(fault.status).json({ error: "injected-fault" });
      else next();
    };
    if (!fault.delayMs) return apply();

    // A client that gives up (a timeout in the portal) must not get a late answer written to a dead socket.
    const cancel = () => clearTimeout(timer);
    const timer = setTimeout(() => {
      res.off("close", cancel);
      apply();
    }, fault.delayMs);
    res.once("close", cancel);
  };
}

const errorHandler: ErrorRequestHandler = (error: { status?: unknown }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error("[fagsystem-mock]", error);
  res.status(status).json({ error: status === 500 ? "internal-error" : "bad-request" });
};
