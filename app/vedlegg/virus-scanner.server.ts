/**
 * The one place that chooses the portal's virus scanner (docs/decisions/029): ClamAV when it is configured (also with mocks),
 * else the EICAR mock with MOCKS=true. Apart from scanner.server.ts, so the interface and ClamAV's implementation do not import each other.
 */
import { config, type Config } from "../config.server";
import { clamavScanner } from "./clamav.server";
import { eicarMockScanner, type VirusScanner } from "./scanner.server";

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
