import { afterEach, describe, expect, it, vi } from "vitest";
import net, { type AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { clamavScanner, parseClamdAnswer, pingClamd, type ClamdAddress } from "./clamav.server";
import type { LoggedLine } from "~/log.test-support";
import { eicarMockScanner } from "./scanner.server";
import { scannerFor } from "./virus-scanner.server";

/** What the fake clamd does once it has read a whole INSTREAM request (or, for "limit", after its first chunk). */
type Behaviour = { answer: string } | "close" | "silent" | "limit";

type Received = { command: string; chunkSizes: number[]; bytes: Buffer };

const logged = vi.hoisted(() => [] as LoggedLine[]);
vi.mock("~/log.server", async () => (await import("~/log.test-support")).capturingLog(logged));
const errorsLogged = () => logged.filter((line) => line.level === "error");

const servers: net.Server[] = [];
afterEach(async () => {
  logged.length = 0;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  vi.restoreAllMocks();
});

/** A tiny clamd that speaks INSTREAM: reads the framed chunks up to the zero-length one, then behaves. */
async function fakeClamd(behaviour: Behaviour, listen: { path: string } | { port: 0; host: "127.0.0.1" } = { port: 0, host: "127.0.0.1" }) {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    const request: Received = { command: "", chunkSizes: [], bytes: Buffer.alloc(0) };
    received.push(request);
    socket.on("error", () => {});
    socket.on("data", (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!request.command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        request.command = buffer.subarray(0, end + 1).toString("latin1");
        buffer = buffer.subarray(end + 1);
        if (request.command === "zPING\0") return void socket.end("PONG\0");
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (buffer.length < 4 + length) return;
        request.chunkSizes.push(length);
        request.bytes = Buffer.concat([request.bytes, buffer.subarray(4, 4 + length)]);
        buffer = buffer.subarray(4 + length);
        if (behaviour === "limit") return void socket.end("INSTREAM size limit exceeded. ERROR\0");
        if (length > 0) continue;
        if (behaviour === "close") return void socket.end();
        if (behaviour === "silent") return;
        return void socket.end(`${behaviour.answer}\0`);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(listen, resolve));
  const address: ClamdAddress = "path" in listen ? { socket: listen.path } : { host: "127.0.0.1", port: (server.address() as AddressInfo).port };
  return { address, received };
}

const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(150_000, 0x41), Buffer.from("\n%%EOF\n")]);

describe("the ClamAV scanner (clamd's INSTREAM protocol)", () => {
  it("sends the bytes framed in chunks of at most 64 KiB, ended by a zero-length chunk, and passes a file clamd calls OK", async () => {
    const clamd = await fakeClamd({ answer: "stream: OK" });
    expect(await clamavScanner(clamd.address, 2000).scan(pdf)).toEqual({ clean: true });
    const [request] = clamd.received;
    expect(request!.command).toBe("zINSTREAM\0");
    expect(request!.chunkSizes).toEqual([65536, 65536, pdf.length - 2 * 65536, 0]);
    expect(Buffer.compare(request!.bytes, pdf)).toBe(0);
  });

  it("refuses a file clamd finds something in, with the signature, and logs the signature only", async () => {
    const clamd = await fakeClamd({ answer: "stream: Win.Test.EICAR_HDB-1 FOUND" });
    expect(await clamavScanner(clamd.address, 2000).scan(pdf)).toEqual({ clean: false, signature: "Win.Test.EICAR_HDB-1" });
    expect(logged).toEqual([expect.objectContaining({ level: "warn", area: "clamav", signature: "Win.Test.EICAR_HDB-1", msg: "found Win.Test.EICAR_HDB-1, file refused" })]);
  });

  it("works over a unix socket as over TCP", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clamd-sock-"));
    try {
      const clamd = await fakeClamd({ answer: "stream: OK" }, { path: path.join(dir, "clamd.ctl") });
      expect(await clamavScanner(clamd.address, 2000).scan(pdf)).toEqual({ clean: true });
      expect(await pingClamd(clamd.address)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("fails closed: the file is refused as not scanned, with a log line naming the reason and not the file", () => {
    const refused = async (address: ClamdAddress, timeoutMs = 2000) => {
      logged.length = 0;
      const result = await clamavScanner(address, timeoutMs).scan(pdf);
      expect(result).toMatchObject({ clean: false, error: expect.any(String) });
      expect(errorsLogged()).toEqual([expect.objectContaining({ area: "clamav", msg: "scan failed, file refused", bytes: 150016, error: expect.any(String) })]);
      return (result as { error: string }).error;
    };

    it("when clamd answers ERROR", async () => {
      expect(await refused((await fakeClamd({ answer: "stream: Can't allocate memory ERROR" })).address)).toMatch(/Can't allocate memory ERROR/);
    });

    it("when the file is over clamd's StreamMaxLength (it answers and closes before the rest is sent)", async () => {
      expect(await refused((await fakeClamd("limit")).address)).toMatch(/INSTREAM size limit exceeded/);
    });

    it("when clamd closes without an answer, or answers something else", async () => {
      expect(await refused((await fakeClamd("close")).address)).toMatch(/closed the connection without an answer/);
      expect(await refused((await fakeClamd({ answer: "UNKNOWN COMMAND" })).address)).toMatch(/UNKNOWN COMMAND/);
    });

    it("when nothing listens", async () => {
      const { address } = await fakeClamd({ answer: "stream: OK" });
      await new Promise((resolve) => servers.pop()!.close(resolve));
      expect(await refused(address)).toMatch(/ECONNREFUSED/);
      expect(await pingClamd(address)).toBe(false);
    });

    it("when no answer comes within the timeout, and it does not wait longer", async () => {
      const { address } = await fakeClamd("silent");
      const started = Date.now();
      expect(await refused(address, 300)).toMatch(/no answer .* within 300 ms/);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});

describe("clamd's answers", () => {
  it.each([
    ["stream: OK", { clean: true }],
    ["stream: Eicar-Test-Signature FOUND", { clean: false, signature: "Eicar-Test-Signature" }],
    ["stream: Heuristics.Encrypted.PDF FOUND", { clean: false, signature: "Heuristics.Encrypted.PDF" }],
    ["INSTREAM size limit exceeded. ERROR", { clean: false, error: "clamd answered: INSTREAM size limit exceeded. ERROR" }],
    ["", { clean: false, error: "clamd answered: (nothing)" }],
    ["stream: OK FOUND ERROR", { clean: false, error: "clamd answered: stream: OK FOUND ERROR" }],
  ])("%j", (answer, result) => {
    expect(parseClamdAnswer(answer)).toEqual(result);
  });
});

describe("the choice of scanner", () => {
  const settings = { MOCKS: false, CLAMAV_HOST: undefined, CLAMAV_PORT: 3310, CLAMAV_SOCKET: undefined, CLAMAV_TIMEOUT_MS: 10_000 };

  it("is ClamAV when it is configured, with or without mocks; the EICAR mock only with mocks and no ClamAV", async () => {
    const clamd = await fakeClamd({ answer: "stream: Found.By.Clamd FOUND" });
    const { host, port } = clamd.address as { host: string; port: number };
    for (const MOCKS of [false, true]) {
      const scanner = scannerFor({ ...settings, MOCKS, CLAMAV_HOST: host, CLAMAV_PORT: port });
      expect(await scanner!.scan(pdf)).toEqual({ clean: false, signature: "Found.By.Clamd" });
    }
    expect(scannerFor({ ...settings, MOCKS: true })).toBe(eicarMockScanner);
    expect(scannerFor(settings)).toBeUndefined();
  });
});
