import { describe, expect, it } from "vitest";
import { eicarMockScanner, eicarTestBytes } from "./scanner.server";

describe("eicarMockScanner", () => {
  it("flags the EICAR test string on its own and inside other bytes", async () => {
    expect(await eicarMockScanner.scan(eicarTestBytes())).toEqual({ clean: false, signature: "Eicar-Test-Signature" });
    const inside = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(100_000, 7), eicarTestBytes(), Buffer.from("\n%%EOF")]);
    expect(await eicarMockScanner.scan(new Uint8Array(inside.buffer, inside.byteOffset, inside.byteLength))).toMatchObject({ clean: false });
  });

  it("passes ordinary bytes and a broken-up signature", async () => {
    expect(await eicarMockScanner.scan(Buffer.from("%PDF-1.4 kontoutskrift"))).toEqual({ clean: true });
    const broken = eicarTestBytes();
    broken[10] = 0x20;
    expect(await eicarMockScanner.scan(broken)).toEqual({ clean: true });
  });
});
