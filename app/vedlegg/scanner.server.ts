/**
 * Virus scanning of uploads. The pipeline talks only to `VirusScanner`, and `virusScanner()`
 * (virus-scanner.server.ts) is the one place that chooses it: ClamAV when it is configured (also with mocks), else the EICAR mock
 * with MOCKS=true. Without mocks the configuration requires ClamAV (docs/decisions/029).
 * A scan that could not be done refuses the file (fail closed), never lets it through.
 */

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
