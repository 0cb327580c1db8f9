/**
 * The ClamAV scanner against a real clamd (Debian's clamav-daemon, started by e2e/clamd.ts with an
 * offline EICAR database). Skipped when clamd is not installed, unless CLAMAV_REQUIRED=1 (set by .ci/run).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import { clamdInstalled, EICAR_SIGNATURE, startClamd, type Clamd } from "../../e2e/clamd";
import { clamavScanner } from "./clamav.server";
import { bankStatement } from "./fixtures.test-support";
import { prepareUpload, type UploadContext } from "./pipeline.server";
import { eicarTestBytes, type VirusScanner } from "./scanner.server";
import type { LoggedLine } from "~/log.test-support";

const logged = vi.hoisted(() => [] as LoggedLine[]);
vi.mock("~/log.server", async () => (await import("~/log.test-support")).capturingLog(logged));

const required = process.env.CLAMAV_REQUIRED === "1";
describe.skipIf(!clamdInstalled() && !required)("the ClamAV scanner against a real clamd", () => {
  let clamd: Clamd;
  let scanner: VirusScanner;
  const context = (): UploadContext => ({ existingSha512s: [], usedBytes: 0, scanner });
  const upload = async (bytes: Uint8Array) => {
    const result = await prepareUpload({ originalName: "vedlegg.pdf", bytes }, context());
    return result.ok ? "ok" : result.code;
  };

  beforeAll(async () => {
    // Small enough to test the limit with a small file; the portal's 10 MB files need clamd's default (100M).
    clamd = await startClamd({ streamMaxLength: "2M" });
    scanner = clamavScanner(clamd, 5000);
  });
  afterAll(() => clamd?.stop());

  it("refuses the EICAR test file, alone and inside a PDF or a JPEG, naming the signature", async () => {
    const signature = `${EICAR_SIGNATURE}.UNOFFICIAL`;
    expect(await scanner.scan(eicarTestBytes())).toEqual({ clean: false, signature });
    expect(await scanner.scan(Buffer.concat([Buffer.from(await bankStatement(1)), eicarTestBytes()]))).toEqual({ clean: false, signature });
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer();
    expect(await upload(Buffer.concat([jpeg, eicarTestBytes()]))).toBe("virus");
  });

  it("passes a clean PDF and a clean PNG through the whole pipeline", async () => {
    expect(await upload(await bankStatement(2))).toBe("ok");
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#3a6" } })
      .png()
      .toBuffer();
    expect(await upload(png)).toBe("ok");
  });

  it("refuses a file over clamd's StreamMaxLength as not scanned", async () => {
    const big = Buffer.concat([Buffer.from(await bankStatement(1)), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    // clamd answers and closes while the rest is still being written: on a busy machine the write's EPIPE (or a reset) can
    // come before the answer is read. Either way the file is refused as not scanned, which is what the person gets.
    expect(await scanner.scan(big)).toEqual({ clean: false, error: expect.stringMatching(/^clamd answered: INSTREAM size limit exceeded\. ERROR$|: (write EPIPE|read ECONNRESET)$/) });
    expect(await upload(big)).toBe("scan-unavailable");
  });

  it("refuses every file once clamd is stopped (fail closed)", async () => {
    logged.length = 0;
    await clamd.stop();
    expect(await upload(await bankStatement(1))).toBe("scan-unavailable");
    expect(logged).toContainEqual(expect.objectContaining({ level: "error", area: "clamav", msg: "scan failed, file refused", error: expect.stringMatching(/ECONNREFUSED/) }));
  });
});
