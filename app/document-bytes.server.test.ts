import { createElement, Fragment } from "react";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { documentBytes, withoutZeroBytes, withTailInBody } from "./document-bytes.server";

/** Norwegian text whose "å" lands on React's 2 kB buffer edge, for paddings 0–5: one of them hits it. */
function page(padding: number) {
  const paragraphs = ["a".repeat(600), "a".repeat(600), "a".repeat(600 + padding), "å".repeat(300)];
  return createElement("div", null, ...paragraphs.map((text, index) => createElement("p", { key: index }, text)));
}

function rendered(padding: number, collect: (pipe: (destination: NodeJS.WritableStream) => void) => Promise<Buffer>) {
  return new Promise<Buffer>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page(padding), {
      onAllReady: () => collect(pipe).then(resolve, reject),
      onShellError: reject,
    });
  });
}

/** What React's stream gives without our repair. */
function raw(pipe: (destination: NodeJS.WritableStream) => void): Promise<Buffer> {
  const body = new PassThrough();
  pipe(body);
  return buffer(body);
}

describe("documentBytes", () => {
  it("gives the same text as React renders to a string, without the NUL React 18 leaves at a buffer edge", async () => {
    const paddings = [0, 1, 2, 3, 4, 5];
    const hits = await Promise.all(paddings.map(async (padding) => (await rendered(padding, raw)).includes(0)));
    // The test only means something while React still has the bug: at least one padding shows it.
    expect(hits).toContain(true);
    for (const padding of paddings) {
      const html = (await rendered(padding, documentBytes)).toString("utf8");
      expect(html).not.toContain("\u0000");
      expect(html).toBe(renderToStaticMarkup(page(padding)));
    }
  });

  it("removes every zero byte and keeps everything else, also multi-byte characters", () => {
    expect(withoutZeroBytes(Buffer.from("æ\u0000ø\u0000\u0000å\u0000")).toString("utf8")).toBe("æøå");
    const clean = Buffer.from("<p>blåbær</p>");
    expect(withoutZeroBytes(clean)).toBe(clean);
  });

  it("puts what React writes after the document (Remix's data scripts) inside the body, before </body></html>", async () => {
    // RemixServer renders its data scripts as siblings after the <html> element, so React writes them after </html>.
    const data = createElement("script", { dangerouslySetInnerHTML: { __html: "window.data = 1;" } });
    const page = createElement(Fragment, null, createElement("html", null, createElement("body", null, createElement("p", null, "Søknad"))), data);
    const render = (collect: (pipe: (destination: NodeJS.WritableStream) => void) => Promise<Buffer>) =>
      new Promise<string>((resolve, reject) => {
        const { pipe } = renderToPipeableStream(page, { onAllReady: () => collect(pipe).then((bytes) => resolve(bytes.toString("utf8")), reject), onShellError: reject });
      });
    const before = await render(raw);
    // The test only means something while React writes it after </html>.
    expect(before).toMatch(/<\/body><\/html><script>window.data = 1;<\/script>$/);
    const html = await render(documentBytes);
    expect(html).toBe(before.replace("</body></html><script>window.data = 1;</script>", "<script>window.data = 1;</script></body></html>"));
  });

  it("leaves a document with nothing after </html> as it is", () => {
    const whole = Buffer.from("<!DOCTYPE html><html><body><p>å</p></body></html>");
    expect(withTailInBody(whole)).toBe(whole);
    expect(withTailInBody(Buffer.from("<p>no document</p>")).toString()).toBe("<p>no document</p>");
    expect(withTailInBody(Buffer.from("<html><body>a</body></html><script>b</script>")).toString()).toBe("<html><body>a<script>b</script></body></html>");
  });
});
