import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { displayName, MAX_DISPLAY_NAME_LENGTH, storageName } from "./file-name";

describe("displayName", () => {
  it("keeps an ordinary name as it is", () => {
    expect(displayName("Kontoutskrift mars.pdf")).toBe("Kontoutskrift mars.pdf");
  });

  it("strips path parts from both kinds of separators", () => {
    expect(displayName("C:\\Users\\åse\\Documents\\leie.pdf")).toBe("leie.pdf");
    expect(displayName("../../etc/passwd")).toBe("passwd");
    expect(displayName("mappe/")).toBe("vedlegg");
    expect(displayName("..")).toBe("vedlegg");
  });

  it("removes control characters and bidi overrides", () => {
    expect(displayName("faktura\u202Efdp.exe")).toBe("fakturafdp.exe");
    expect(displayName("a\u0000b\u001fc\u007f\u200Bd\u2066e\uFEFF.pdf")).toBe("abcde.pdf");
    expect(displayName("linje\none\r\n\tto.pdf")).toBe("linje one to.pdf");
  });

  it("normalises to NFC (a Mac sends ø and å decomposed)", () => {
    const decomposed = "Bla\u030Abærsyltetøy.pdf";
    expect(displayName(decomposed)).toBe("Blåbærsyltetøy.pdf");
    expect(displayName(decomposed).length).toBe("Blåbærsyltetøy.pdf".length);
  });

  it("cuts long names to 120 characters, keeping the extension and whole emoji", () => {
    const long = displayName("x".repeat(300) + ".pdf");
    expect(long).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(long.endsWith("x.pdf")).toBe(true);
    const emoji = displayName("🧾".repeat(200));
    expect(Array.from(emoji)).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(emoji).toBe("🧾".repeat(MAX_DISPLAY_NAME_LENGTH));
  });

  it("falls back to a plain name when nothing is left", () => {
    expect(displayName("")).toBe("vedlegg");
    expect(displayName("\u202E\u0000 ")).toBe("vedlegg");
  });
});

describe("storageName", () => {
  it("is the start of the hash and the extension of the stored type", () => {
    const sha = createHash("sha512").update("x").digest("hex");
    expect(storageName(sha, "application/pdf")).toBe(`${sha.slice(0, 16)}.pdf`);
    expect(storageName(sha, "image/jpeg")).toMatch(/^[0-9a-f]{16}\.jpg$/);
    expect(() => storageName("../x", "image/jpeg")).toThrow();
  });
});
