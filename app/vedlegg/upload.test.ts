import { describe, expect, it } from "vitest";
import { filesByDocument, storeUploads, uploadStatus, type UploadOutcome } from "./upload.server";
import { uploadIntent, uploadRequested } from "./intents";

const file = (document: string, name: string) => ({ fieldName: `filer.${document}`, originalName: name, bytes: Buffer.from("%PDF-1.4") });

describe("'Last opp' with no file chosen", () => {
  it("names the document whose button was pressed, and only an upload intent does", () => {
    expect(uploadRequested(uploadIntent("skattemelding"))).toBe("skattemelding");
    expect(uploadRequested([uploadIntent("annet"), "x"])).toBe("annet");
    expect(uploadRequested("slett-fil:123")).toBeNull();
    expect(uploadRequested("last-opp:")).toBeNull();
    expect(uploadRequested(undefined)).toBeNull();
  });

  it("keeps that document among the form's files even without any, next to the files chosen for others", () => {
    const groups = filesByDocument([file("annet", "a.pdf")], uploadIntent("skattemelding"));
    expect([...groups.entries()].map(([document, files]) => [document, files.length])).toEqual([
      ["skattemelding", 0],
      ["annet", 1],
    ]);
    expect([...filesByDocument([file("annet", "a.pdf")], uploadIntent("annet")).values()].map((files) => files.length)).toEqual([1]);
  });

  it("answers no-file for the document, without asking the fagsystem, and the answer is a 400", async () => {
    const outcome = await storeUploads([], "skattemelding", { kind: "draft", fnr: "12345678910", draftId: "d" });
    expect(outcome).toEqual({ document: "skattemelding", results: [], error: "no-file" });
    expect(uploadStatus([outcome])).toBe(400);
    const stored: UploadOutcome = { document: "annet", results: [{ name: "a.pdf", status: "ok" }], error: null };
    expect(uploadStatus([stored])).toBe(200);
    expect(uploadStatus([outcome, { ...stored, error: "unavailable" }])).toBe(503);
  });
});
