/**
 * The configured scanner, end to end through the upload piece: with ClamAV configured (also with
 * mocks) and not answering, no file of the request is stored, each is refused with "try again", and
 * the request waits for one timeout, not one per file.
 */
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { bankStatement } from "./fixtures.test-support";
import { storeUploads } from "./upload.server";
import type { LoggedLine } from "~/log.test-support";

const logged = vi.hoisted(() => [] as LoggedLine[]);
vi.mock("~/log.server", async () => (await import("~/log.test-support")).capturingLog(logged));

const fagsystemRequests: string[] = [];
const fagsystem = http.createServer((req, res) => {
  fagsystemRequests.push(`${req.method} ${req.url}`);
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ filer: [] }));
});
/** Accepts and never answers: a clamd that hangs. */
let clamdConnections = 0;
const clamd = net.createServer((socket) => {
  clamdConnections++;
  socket.on("error", () => {});
});

beforeAll(async () => {
  await new Promise<void>((resolve) => fagsystem.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => clamd.listen(0, "127.0.0.1", resolve));
  process.env.MOCKS = "true";
  process.env.FAGSYSTEM_URL = `http://127.0.0.1:${(fagsystem.address() as AddressInfo).port}`;
  process.env.CLAMAV_HOST = "127.0.0.1";
  process.env.CLAMAV_PORT = String((clamd.address() as AddressInfo).port);
  process.env.CLAMAV_TIMEOUT_MS = "400";
});
afterAll(async () => {
  await new Promise((resolve) => fagsystem.close(resolve));
  clamd.close();
});

it("refuses every file of the request as not scanned, stores none, and asks the scanner once", async () => {
  logged.length = 0;
  const pdf = Buffer.from(await bankStatement(1));
  const files = ["a.pdf", "b.pdf", "c.pdf"].map((name, index) => ({ fieldName: "filer.annet", originalName: name, bytes: Buffer.concat([pdf, Buffer.from(`%${index}`)]) }));
  const outcome = await storeUploads(files, "annet", { kind: "draft", fnr: "12345678910", draftId: "d" });
  expect(outcome).toEqual({
    document: "annet",
    error: null,
    results: ["a.pdf", "b.pdf", "c.pdf"].map((name) => ({ name, status: "scan-unavailable" })),
  });
  expect(fagsystemRequests.filter((request) => !request.startsWith("GET"))).toEqual([]);
  // One scan tried: the other two files did not wait for the scanner's timeout.
  expect(clamdConnections).toBe(1);
  expect(logged).toContainEqual(expect.objectContaining({ level: "error", area: "clamav", msg: "scan failed, file refused", error: expect.stringMatching(/^no answer from clamd .* within 400 ms$/) }));
  expect(JSON.stringify(logged)).not.toMatch(/a\.pdf|12345678910/);
});
