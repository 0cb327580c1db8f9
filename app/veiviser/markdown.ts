/**
 * The guides' prose: a small Markdown subset (locales/{lang}/veiviser/{guide}/{page}.md) read into a
 * typed tree that React renders. No HTML string is ever made, so nothing an editor writes can become
 * markup; anything outside the subset is an error naming the file and line (docs/decisions/034-guide-prose.md).
 *
 * The subset: front matter with `title` and `description`; `##` and `###` headings; paragraphs;
 * `- ` bullet and `1. ` numbered lists (a line indented by two spaces continues an item);
 * `**bold**`; `[text](target)`; and a marker alone on its line: `<!-- rates -->` and the others below.
 */

export const markers = ["rates", "office", "ask-for-advice", "before-you-apply", "budget"] as const;
export type Marker = (typeof markers)[number];

export type Inline = { type: "text"; text: string } | { type: "strong"; text: string } | { type: "link"; text: string; target: string };

export type Block =
  | { type: "heading"; level: 2 | 3; text: string }
  | { type: "paragraph"; content: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "marker"; name: Marker };

export type ProseDocument = { title: string; description: string; blocks: Block[] };

/** A page as it is rendered: its links made into addresses in the page's language (content.server.ts). */
export type ResolvedInline = Exclude<Inline, { type: "link" }> | { type: "link"; text: string; href: string; external: boolean };
export type ResolvedBlock = Exclude<Block, { type: "paragraph" } | { type: "list" }> | { type: "paragraph"; content: ResolvedInline[] } | { type: "list"; ordered: boolean; items: ResolvedInline[][] };
export type GuidePageContent = { title: string; description: string; blocks: ResolvedBlock[]; markers: Marker[] };

export class ProseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "ProseError";
  }
}

const MARKER = /^<!-- ([a-z-]+) -->$/;
const BULLET = /^- (.*)$/;
const NUMBERED = /^\d{1,2}\. (.*)$/;
const HEADING = /^(#{2,3}) (\S.*)$/;
const DESCRIPTION_MAX = 160;

/** Lines that are Markdown this parser does not take: said as such rather than shown as text. */
const unsupportedLine: [RegExp, string][] = [
  [/^#(?!#)|^#{4,}/, "only ## and ### headings are allowed (the page's title is the h1)"],
  [/^>/, "block quotes are not allowed"],
  [/^[*+] /, "bullet lists start with '- '"],
  [/^\|/, "tables are not allowed"],
  [/^(?:-{3,}|\*{3,}|_{3,})\s*$/, "horizontal rules are not allowed"],
  [/^ {4}|^\t/, "indented code is not allowed (an item continues with two spaces)"],
  [/^```|^~~~/, "code blocks are not allowed"],
  [/^=+\s*$/, "underlined headings are not allowed"],
];

/** Reads one inline run: text, **bold** and [links](target). */
export function parseInline(source: string, file: string, line: number): Inline[] {
  const fail = (reason: string): never => {
    throw new ProseError(file, line, reason);
  };
  if (/[<>]/.test(source)) fail("HTML is not allowed in prose (only a marker, alone on its line)");
  if (/`/.test(source)) fail("code is not allowed");
  if (/!\[/.test(source)) fail("images are not allowed");
  if (/\\/.test(source)) fail("backslash escapes are not allowed");
  const result: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) result.push({ type: "text", text });
    text = "";
  };
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    if (rest.startsWith("**")) {
      const end = source.indexOf("**", at + 2);
      if (end < 0) fail("** without its closing **");
      const inner = source.slice(at + 2, end);
      if (!inner.trim() || inner !== inner.trim() || /[[\]*_]/.test(inner)) fail(`bold text must be plain words: **${inner}**`);
      flush();
      result.push({ type: "strong", text: inner });
      at = end + 2;
      continue;
    }
    if (rest.startsWith("[")) {
      const link = /^\[([^[\]]+)\]\(([^()\s]+)\)/.exec(rest);
      if (!link) fail(`a [ that does not start a link [text](target): ${rest.slice(0, 40)}`);
      const [whole, linkText, target] = link as unknown as [string, string, string];
      if (/[*_]/.test(linkText)) fail("link text must be plain words");
      flush();
      result.push({ type: "link", text: linkText, target });
      at += whole.length;
      continue;
    }
    const char = source[at] as string;
    if (char === "*") fail("single * emphasis is not allowed (use **bold**)");
    if (char === "]") fail("a ] without its [");
    if (char === "_" && /(^|\s)_\S|\S_(\s|$)/.test(source.slice(Math.max(0, at - 1), at + 2))) fail("_ emphasis is not allowed");
    text += char;
    at += 1;
  }
  flush();
  return result;
}

function parseFrontMatter(lines: string[], file: string): { title: string; description: string; next: number } {
  if (lines[0] !== "---") throw new ProseError(file, 1, "a page starts with front matter: ---, title:, description:, ---");
  const fields = new Map<string, string>();
  let at = 1;
  for (; at < lines.length && lines[at] !== "---"; at++) {
    const field = /^(title|description): (\S.*)$/.exec(lines[at] as string);
    if (!field) throw new ProseError(file, at + 1, "front matter takes only 'title: …' and 'description: …'");
    const [, key, value] = field as unknown as [string, string, string];
    if (fields.has(key)) throw new ProseError(file, at + 1, `${key} is given twice`);
    fields.set(key, value.trim());
  }
  if (at >= lines.length) throw new ProseError(file, 1, "the front matter has no closing ---");
  const title = fields.get("title");
  const description = fields.get("description");
  if (!title) throw new ProseError(file, at + 1, "the front matter has no title");
  if (!description) throw new ProseError(file, at + 1, "the front matter has no description");
  if (description.length > DESCRIPTION_MAX) throw new ProseError(file, at + 1, `the description is ${description.length} characters (at most ${DESCRIPTION_MAX})`);
  if (/[<>*[\]`]/.test(title + description)) throw new ProseError(file, at + 1, "title and description are plain text");
  return { title, description, next: at + 1 };
}

/** Parses one page; `file` names it in errors. */
export function parseProse(source: string, file: string): ProseDocument {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const { title, description, next } = parseFrontMatter(lines, file);
  const blocks: Block[] = [];
  let paragraph: { lines: string[]; start: number } | null = null;
  let list: { ordered: boolean; items: { text: string; line: number }[] } | null = null;

  const endParagraph = () => {
    if (paragraph) blocks.push({ type: "paragraph", content: parseInline(paragraph.lines.join(" "), file, paragraph.start) });
    paragraph = null;
  };
  const endList = () => {
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map((item) => parseInline(item.text, file, item.line)) });
    list = null;
  };

  for (let index = next; index < lines.length; index++) {
    const raw = lines[index] as string;
    const lineNumber = index + 1;
    const line = raw.trimEnd();
    if (line.trim() === "") {
      endParagraph();
      endList();
      continue;
    }
    const current = list as { ordered: boolean; items: { text: string; line: number }[] } | null;
    if (current && /^ {2}\S/.test(line) && !/^ {2}(?:- |\d{1,2}\. )/.test(line)) {
      const last = current.items[current.items.length - 1] as { text: string; line: number };
      last.text += ` ${line.trim()}`;
      continue;
    }
    for (const [pattern, reason] of unsupportedLine) if (pattern.test(line)) throw new ProseError(file, lineNumber, reason);
    if (/^\s/.test(line)) throw new ProseError(file, lineNumber, "a line may not start with spaces (nested lists are not allowed)");

    const marker = MARKER.exec(line);
    if (marker || line.startsWith("<")) {
      const name = marker?.[1];
      if (!name || !(markers as readonly string[]).includes(name)) throw new ProseError(file, lineNumber, `unknown marker or HTML: ${line} (markers: ${markers.join(", ")})`);
      endParagraph();
      endList();
      blocks.push({ type: "marker", name: name as Marker });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      endList();
      const [, hashes, text] = heading as unknown as [string, string, string];
      const content = parseInline(text, file, lineNumber);
      if (content.some((part) => part.type !== "text")) throw new ProseError(file, lineNumber, "a heading is plain text");
      blocks.push({ type: "heading", level: hashes.length as 2 | 3, text: text.trim() });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      endParagraph();
      const ordered = Boolean(numbered);
      if (list && (list as { ordered: boolean }).ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      (list as { items: { text: string; line: number }[] }).items.push({ text: ((bullet ?? numbered) as RegExpExecArray)[1] as string, line: lineNumber });
      continue;
    }
    if (list) throw new ProseError(file, lineNumber, "a list ends with a blank line before the next paragraph");
    paragraph ??= { lines: [], start: lineNumber };
    (paragraph as { lines: string[] }).lines.push(line);
  }
  endParagraph();
  endList();
  return { title, description, blocks };
}

/** Every link target in a page, with nothing else (for checks over all prose). */
export function linkTargets(document: ProseDocument): string[] {
  const inline = (content: Inline[]) => content.flatMap((part) => (part.type === "link" ? [part.target] : []));
  return document.blocks.flatMap((block) => (block.type === "paragraph" ? inline(block.content) : block.type === "list" ? block.items.flatMap(inline) : []));
}

/** The words of a page as a reader meets them (for LIX): headings, paragraphs and list items, each a sentence or more. */
export function plainText(document: ProseDocument): string {
  const inline = (content: Inline[]) => content.map((part) => part.text).join("");
  const sentence = (text: string) => (/[.!?:]$/.test(text.trim()) ? text : `${text}.`);
  return document.blocks
    .flatMap((block) => {
      if (block.type === "heading") return [sentence(block.text)];
      if (block.type === "paragraph") return [sentence(inline(block.content))];
      if (block.type === "list") return block.items.map((item) => sentence(inline(item)));
      return [];
    })
    .join("\n");
}
