import { describe, expect, it } from "vitest";
import { createLogger } from "./log.server";
import { requestScope } from "./request-scope.server";

/** A logger whose lines are kept, parsed. */
function capturing() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe("the log", () => {
  it("writes one JSON object per line with a level name, a time, the area and the message", () => {
    const { logger, lines } = capturing();
    logger.child({ area: "innsyn" }).warn({ fiksDigisosId: "abc" }, "events skipped");
    expect(lines).toEqual([expect.objectContaining({ level: "warn", area: "innsyn", fiksDigisosId: "abc", msg: "events skipped", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it("gives a line written during a request that request's id", () => {
    const { logger, lines } = capturing();
    requestScope.run({ requestId: "r-1" }, () => logger.info("inside"));
    logger.info("outside");
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["inside", "r-1"],
      ["outside", undefined],
    ]);
  });

  it("logs an error's type, message and stack, but not the row a database error carries", () => {
    const { logger, lines } = capturing();
    const error = Object.assign(new Error('new row for relation "nks_audit_log" violates check constraint'), {
      code: "23514",
      detail: "Failing row contains (1, Z990001, 12345678901, search).",
      where: "SQL statement",
    });
    logger.error({ err: error }, "the audit record could not be written");
    const err = lines[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({ type: "Error", message: expect.stringContaining("violates check constraint"), code: "23514", stack: expect.stringContaining("log.test.ts") });
    expect(JSON.stringify(lines[0])).not.toContain("12345678901");
    expect(err.where).toBeUndefined();
  });
});
