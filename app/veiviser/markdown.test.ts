import { describe, expect, it } from "vitest";
import { linkTargets, parseProse, plainText, ProseError } from "./markdown";

const page = (body: string, front = "title: A title\ndescription: A description.") => `---\n${front}\n---\n${body}`;

describe("parseProse", () => {
  it("reads front matter, headings, paragraphs, lists, bold, links and markers into a tree", () => {
    const document = parseProse(
      page(
        [
          "An opening paragraph",
          "on two lines with **bold words** and [a link](satser).",
          "",
          "## A section",
          "",
          "### A smaller one",
          "- first item",
          "- second item with [a link](/kontakt)",
          "  that goes on",
          "",
          "1. one",
          "2. two",
          "",
          "<!-- rates -->",
        ].join("\n"),
      ),
      "x.md",
    );
    expect(document.title).toBe("A title");
    expect(document.description).toBe("A description.");
    expect(document.blocks).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "An opening paragraph on two lines with " },
          { type: "strong", text: "bold words" },
          { type: "text", text: " and " },
          { type: "link", text: "a link", target: "satser" },
          { type: "text", text: "." },
        ],
      },
      { type: "heading", level: 2, text: "A section" },
      { type: "heading", level: 3, text: "A smaller one" },
      {
        type: "list",
        ordered: false,
        items: [[{ type: "text", text: "first item" }], [{ type: "text", text: "second item with " }, { type: "link", text: "a link", target: "/kontakt" }, { type: "text", text: " that goes on" }]],
      },
      { type: "list", ordered: true, items: [[{ type: "text", text: "one" }], [{ type: "text", text: "two" }]] },
      { type: "marker", name: "rates" },
    ]);
    expect(linkTargets(document)).toEqual(["satser", "/kontakt"]);
  });

  it("keeps markup-looking text as text: nothing in prose can become HTML", () => {
    const document = parseProse(page("Tom & Jerry say \"hi\" & 'bye'; 5 % of 100 = 5."), "x.md");
    expect(document.blocks).toEqual([{ type: "paragraph", content: [{ type: "text", text: "Tom & Jerry say \"hi\" & 'bye'; 5 % of 100 = 5." }] }]);
  });

  it.each([
    ["<b>bold</b>", 5, "HTML"],
    ["<script>alert(1)</script>", 5, "unknown marker or HTML"],
    ["<!-- calculator -->", 5, "unknown marker"],
    ["Text with <!-- rates --> inside", 5, "HTML"],
    ["# A second h1", 5, "only ## and ###"],
    ["#### Too deep", 5, "only ## and ###"],
    ["> quoted", 5, "block quotes"],
    ["* star bullet", 5, "'- '"],
    ["| a | b |", 5, "tables"],
    ["para\n\n---", 7, "horizontal rules"],
    ["```\ncode\n```", 5, "code blocks"],
    ["    indented code", 5, "indented code"],
    ["Some *emphasis* here", 5, "single *"],
    ["Some `code` here", 5, "code"],
    ["An ![image](x.png)", 5, "images"],
    ["Open **bold", 5, "closing **"],
    ["A [broken link](with space)", 5, "does not start a link"],
    ["- item\ntext right after", 6, "blank line"],
    ["- item\n  - nested", 6, "may not start with spaces"],
  ])("refuses %j with file and line", (body, line, reason) => {
    let caught: unknown;
    try {
      parseProse(page(body), "locales/nb/veiviser/sosialhjelp/x.md");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProseError);
    expect((caught as ProseError).line).toBe(line);
    expect((caught as ProseError).message).toContain(`locales/nb/veiviser/sosialhjelp/x.md:${line}:`);
    expect((caught as ProseError).message).toContain(reason);
  });

  it.each([
    ["no front matter", "Just text", "front matter"],
    ["no title", "---\ndescription: d\n---\n", "no title"],
    ["no description", "---\ntitle: t\n---\n", "no description"],
    ["another field", "---\ntitle: t\ndescription: d\nauthor: me\n---\n", "only 'title"],
    ["an unclosed front matter", "---\ntitle: t\ndescription: d", "no closing"],
    ["a long description", `---\ntitle: t\ndescription: ${"x".repeat(161)}\n---\n`, "161 characters"],
  ])("refuses %s", (_name, source, reason) => {
    expect(() => parseProse(source, "x.md")).toThrow(reason);
  });

  it("gives LIX the words a reader meets, each block a sentence", () => {
    const document = parseProse(page("## Heading\n\nA [link](satser) here.\n\n- item one\n- item two\n\n<!-- office -->"), "x.md");
    expect(plainText(document)).toBe("Heading.\nA link here.\nitem one.\nitem two.");
  });
});
