/**
 * Virus scanning of uploads. The pipeline talks only to `VirusScanner`, and `virusScanner()` is the
 * one place that chooses it: ClamAV when it is configured (also with mocks), else the EICAR mock
 * with MOCKS=true. Without mocks the configuration requires ClamAV (docs/decisions/029).
 * A scan that could not be done refuses the file (fail closed), never lets it through.
 */
import { config, type Config } from "../config.server";
import { clamavScanner } from "./clamav.server";

export type ScanResult =
  | { clean: true }
  | { clean: false; signature: string }
  /** The scan could not be done (no connection, no answer in time, an error): the file is refused, the person may try again. */
  | { clean: false; error: string };

export interface VirusScanner {
  scan(bytes: Uint8Array): Promise<ScanResult>;
}

// Built from parts so this source file does not itself carry the test signature and trip
// the virus scanner on a developer's machine or in CI.
const EICAR = ["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"].join("");

/** The EICAR anti-virus test file, for tests and the mock. */
export function eicarTestBytes(): Buffer {
  return Buffer.from(EICAR, "latin1");
}

/** Flags the EICAR test string wherever it appears in the bytes (real scanners look only at the start). */
export const eicarMockScanner: VirusScanner = {
  async scan(bytes) {
    const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return haystack.includes(EICAR, 0, "latin1") ? { clean: false, signature: "Eicar-Test-Signature" } : { clean: true };
  },
};

/** The scanner these settings call for; undefined only when neither ClamAV nor mocks are configured, which the configuration refuses. */
export function scannerFor(settings: Pick<Config, "MOCKS" | "CLAMAV_HOST" | "CLAMAV_PORT" | "CLAMAV_SOCKET" | "CLAMAV_TIMEOUT_MS">): VirusScanner | undefined {
  if (settings.CLAMAV_SOCKET) return clamavScanner({ socket: settings.CLAMAV_SOCKET }, settings.CLAMAV_TIMEOUT_MS);
  if (settings.CLAMAV_HOST) return clamavScanner({ host: settings.CLAMAV_HOST, port: settings.CLAMAV_PORT }, settings.CLAMAV_TIMEOUT_MS);
  return settings.MOCKS ? eicarMockScanner : undefined;
}

let chosen: VirusScanner | undefined;

/** The portal's virus scanner, chosen once from the configuration. */
export function virusScanner(): VirusScanner {
  chosen ??= scannerFor(config());
  if (!chosen) throw new Error("no virus scanner: set CLAMAV_HOST or CLAMAV_SOCKET, or MOCKS=true");
  return chosen;
}
