/**
 * HTTP/2 with TLS on loopback, as production's ingress serves the portal: a self-signed
 * certificate for localhost made at bench time (the openssl CLI when it is there, otherwise
 * node's crypto and the small DER writer below), and a reverse proxy (`http2.createSecureServer`,
 * HTTP/1.1 allowed) that forwards every request to a plain-HTTP origin and passes its answer
 * through unchanged (compression, headers, status), hop-by-hop headers aside.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import http2 from "node:http2";
import os from "node:os";
import path from "node:path";

export interface Certificate {
  key: string;
  cert: string;
  /** "openssl" or "node": what made it. */
  madeBy: string;
}

/** A key and a self-signed certificate for localhost and 127.0.0.1, valid for a day. */
export async function selfSignedCertificate(): Promise<Certificate> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-tls-"));
  try {
    const keyFile = path.join(dir, "key.pem");
    const certFile = path.join(dir, "cert.pem");
    // prettier-ignore
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", keyFile, "-out", certFile], { stdio: "ignore" });
    return { key: await fs.readFile(keyFile, "utf8"), cert: await fs.readFile(certFile, "utf8"), madeBy: "openssl" };
  } catch {
    return { ...certificateWithNode(), madeBy: "node" };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/* A self-signed X.509 v3 certificate in DER, written by hand: node can sign but not make one. */

function der(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  const length =
    body.length < 0x80 ? Buffer.from([body.length]) : body.length < 0x100 ? Buffer.from([0x81, body.length]) : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}
const sequence = (...contents: Buffer[]) => der(0x30, ...contents);
function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return der(0x06, Buffer.from(bytes));
}
const utcTime = (date: Date) => der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, "")}Z`));
const commonName = (name: string) => sequence(der(0x31, sequence(oid("2.5.4.3"), der(0x0c, Buffer.from(name)))));

export function certificateWithNode(): { key: string; cert: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const ecdsaWithSha256 = sequence(oid("1.2.840.10045.4.3.2"));
  const now = Date.now();
  // A positive serial in its shortest form: first byte 0x40-0x7f.
  const serial = crypto.randomBytes(8);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  const subjectAltName = sequence(der(0x82, Buffer.from("localhost")), der(0x87, Buffer.from([127, 0, 0, 1])));
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, serial),
    ecdsaWithSha256,
    commonName("localhost"),
    sequence(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 86_400_000))),
    commonName("localhost"),
    publicKey.export({ type: "spki", format: "der" }),
    der(0xa3, sequence(sequence(oid("2.5.29.17"), der(0x04, subjectAltName)))),
  );
  const signature = crypto.sign("sha256", tbs, privateKey);
  const cert = sequence(tbs, ecdsaWithSha256, der(0x03, Buffer.from([0]), signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${cert.toString("base64").replace(/.{64}/g, "$&\n").trimEnd()}\n-----END CERTIFICATE-----\n`;
  return { key: privateKey.export({ type: "pkcs8", format: "pem" }) as string, cert: pem };
}

/** Headers HTTP/2 forbids (and a proxy does not forward). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "http2-settings"]);

/** Serves `https://localhost:<port>` over HTTP/2 (and HTTP/1.1 for clients without it), forwarding to `origin`. */
export async function startH2Proxy(origin: string, port: number, certificate: Certificate): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const server = http2.createSecureServer({ key: certificate.key, cert: certificate.cert, allowHTTP1: true }, (req, res) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!name.startsWith(":") && !HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    headers.host = req.headers[":authority"] ?? req.headers.host ?? target.host;
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      const passed: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) passed[name] = value;
      res.writeHead(answer.statusCode ?? 502, passed);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `https://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
