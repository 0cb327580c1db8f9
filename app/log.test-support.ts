/**
 * For unit tests that check what was logged: a stand-in for ~/log.server whose lines are kept, parsed.
 *
 *   const logged = vi.hoisted(() => [] as LoggedLine[]);
 *   vi.mock("~/log.server", async () => (await import("~/log.test-support")).capturingLog(logged));
 */
import { vi } from "vitest";

export type LoggedLine = { level: string; area?: string; msg: string } & Record<string, unknown>;

export async function capturingLog(lines: LoggedLine[]) {
  const actual = await vi.importActual<typeof import("./log.server")>("./log.server");
  const logger = actual.createLogger({ write: (line: string) => void lines.push(JSON.parse(line) as LoggedLine) });
  return { ...actual, logger, logFor: (area: string) => logger.child({ area }) };
}
