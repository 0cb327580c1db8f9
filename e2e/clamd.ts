/**
 * A real clamd for tests: Debian's clamav-daemon, started in the foreground on loopback with a
 * throwaway configuration and a signature database made offline from the EICAR test file, so no
 * freshclam and no network. Starts in well under a second (two signatures to load).
 *
 *   const clamd = await startClamd();            // or startClamd({ port: 4510 })
 *   // the portal's environment: { ...clamd.env }  →  CLAMAV_HOST=127.0.0.1, CLAMAV_PORT=<port>
 *   await clamd.stop();
 *
 * The database finds EICAR as the whole file (`sigtool --md5` into a .hdb) and anywhere inside one
 * (a body signature in a .ndb): the portal checks the type first, so what reaches the scanner is a
 * PDF or an image with the test string in it. ClamAV reports the names with ".UNOFFICIAL" added.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { pingClamd } from "../app/vedlegg/clamav.server";
import { eicarTestBytes } from "../app/vedlegg/scanner.server";

const CLAMD = "/usr/sbin/clamd";
/** The name the database gives EICAR; clamd answers `${EICAR_SIGNATURE}.UNOFFICIAL`. */
export const EICAR_SIGNATURE = "Eicar-Test-Signature";

/** True when Debian's clamd and sigtool are installed (packages clamav-daemon and clamav). */
export function clamdInstalled(): boolean {
  return existsSync(CLAMD) && sigtool() !== null;
}

function sigtool(): string | null {
  for (const candidate of ["/usr/bin/sigtool", "/usr/local/bin/sigtool"]) if (existsSync(candidate)) return candidate;
  return null;
}

export type Clamd = {
  host: string;
  port: number;
  /** The portal's settings for this clamd. */
  env: { CLAMAV_HOST: string; CLAMAV_PORT: string };
  /** Kills clamd and removes its files; afterwards the port refuses connections. */
  stop(): Promise<void>;
};

export type ClamdOptions = {
  /** The TCP port on 127.0.0.1; a free one unless given. */
  port?: number;
  /** clamd's StreamMaxLength (e.g. "2M"); clamd's default (100M) unless given. */
  streamMaxLength?: string;
  /** How long to wait for PONG; 30 s unless given. */
  startTimeoutMs?: number;
};

/** Starts clamd and resolves once it answers PING; rejects (with the end of its log) if it does not. */
export async function startClamd({ port: wanted, streamMaxLength, startTimeoutMs = 30_000 }: ClamdOptions = {}): Promise<Clamd> {
  const tool = sigtool();
  if (!existsSync(CLAMD) || !tool) throw new Error(`clamd is not installed (${CLAMD} and sigtool: apt-get install clamav-daemon clamav)`);
  const port = wanted ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), "clamd-"));
  const database = path.join(dir, "db");
  const log = path.join(dir, "clamd.log");
  mkdirSync(database);

  const eicar = path.join(dir, "eicar.bin");
  writeFileSync(eicar, eicarTestBytes());
  // "md5:size:name", named by us rather than after the temporary file.
  const [md5, size] = execFileSync(tool, ["--md5", eicar], { encoding: "utf8" }).trim().split(":");
  writeFileSync(path.join(database, "eicar.hdb"), `${md5}:${size}:${EICAR_SIGNATURE}\n`);
  // Target 0 (any file), at any offset: the test string inside a PDF or a JPEG.
  writeFileSync(path.join(database, "eicar.ndb"), `${EICAR_SIGNATURE}:0:*:${eicarTestBytes().toString("hex")}\n`);
  rmSync(eicar);

  const conf = path.join(dir, "clamd.conf");
  const lines = ["Foreground yes", "TCPAddr 127.0.0.1", `TCPSocket ${port}`, `DatabaseDirectory ${database}`, `LogFile ${log}`, "SelfCheck 0"];
  if (streamMaxLength) lines.push(`StreamMaxLength ${streamMaxLength}`);
  writeFileSync(conf, `${lines.join("\n")}\n`);

  const child: ChildProcess = spawn(CLAMD, ["--config-file", conf], { stdio: "ignore" });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const address = { host: "127.0.0.1", port };
  const tail = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").slice(-5).join("\n") : "(no log)");

  const stop = async () => {
    if (!exited) {
      child.kill("SIGKILL");
      await exit;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  while (!(await pingClamd(address, 1000))) {
    if (exited || Date.now() > deadline) {
      const why = exited ? "exited" : `gave no PONG within ${startTimeoutMs} ms`;
      const lastLines = tail();
      await stop();
      throw new Error(`clamd on port ${port} ${why}:\n${lastLines}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { host: address.host, port, env: { CLAMAV_HOST: address.host, CLAMAV_PORT: String(port) }, stop };
}

/** A port nothing listens on right now (the kernel's choice), for clamd to take a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
