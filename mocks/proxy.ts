/**
 * Forwards a request to the fagsystem mock, so the caseworker simulator
 * (/mock/fagsystem) opens on the portal's own port during a demo. Streams
 * method, path, query, body and content type; answers with the mock's status,
 * body and the few headers a page, a redirect or a PDF needs. The portal's
 * own security headers stay as they are.
 */
import http from "node:http";
import type { RequestHandler } from "express";

const REQUEST_HEADERS = ["content-type", "content-length", "accept"] as const;
const RESPONSE_HEADERS = ["content-type", "content-length", "content-disposition", "location", "cache-control"] as const;

export function proxyTo(target: string): RequestHandler {
  return (req, res) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const name of REQUEST_HEADERS) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
    const upstream = http.request(new URL(req.originalUrl, target), { method: req.method, headers }, (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const name of RESPONSE_HEADERS) if (answer.headers[name] !== undefined) res.setHeader(name, answer.headers[name]);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (res.headersSent) res.destroy();
      else res.status(502).type("text/plain").send("The fagsystem mock does not answer.");
    });
    req.pipe(upstream);
  };
}
