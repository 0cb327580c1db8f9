/**
 * Virus scanning of uploads. The pipeline talks only to `VirusScanner`; today the only
 * implementation is the EICAR mock.
 *
 * A ClamAV implementation may follow: it would send the bytes to clamd over TCP with the
 * INSTREAM command (chunks prefixed by a 4-byte length, then a zero chunk) and read
 * "stream: OK" or "stream: <signature> FOUND". A scanner that cannot be reached must refuse
 * the upload (fail closed), not let it through.
 */

export type ScanResult = { clean: true } | { clean: false; signature: string };

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
