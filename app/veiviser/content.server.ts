/**
 * The guides' prose, read from locales/{lang}/veiviser/{guide}/{page}.md when the server starts
 * (bundled by Vite as text) and parsed once. A page that does not parse, or a link that goes
 * nowhere, stops the server with the file and line; the prose tests find it first.
 */
import type { Language } from "~/i18n/languages";
import { isLanguage } from "~/i18n/languages";
import { guides, resolveLink, type GuideId } from "./guides";
import { parseProse, type GuidePageContent, type Inline, type ProseDocument, type ResolvedBlock, type ResolvedInline } from "./markdown";


const sources = import.meta.glob("../../locales/*/veiviser/*/*.md", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

const FILE = /locales\/([a-z]{2})\/veiviser\/([a-z-]+)\/([a-z-]+)\.md$/;

/** The prose files as the parser sees them: path (from the repository's root) → text. */
export function proseSources(): { file: string; language: Language; guide: GuideId; page: string; source: string }[] {
  return Object.entries(sources).flatMap(([path, source]) => {
    const match = FILE.exec(path);
    if (!match) return [];
    const [, language, guide, page] = match as unknown as [string, string, string, string];
    if (!isLanguage(language) || !Object.hasOwn(guides, guide)) return [];
    return [{ file: path.replace(/^(\.\.\/)+/, ""), language, guide: guide as GuideId, page, source }];
  });
}

/** A parsed page with its links made into the page's language. */
export function resolvePage(document: ProseDocument, language: Language, guide: GuideId): GuidePageContent {
  const inline = (content: Inline[]): ResolvedInline[] =>
    content.map((part) => (part.type === "link" ? { type: "link", text: part.text, ...resolveLink(part.target, language, guide) } : part));
  const blocks = document.blocks.map((block): ResolvedBlock => {
    if (block.type === "paragraph") return { type: "paragraph", content: inline(block.content) };
    if (block.type === "list") return { type: "list", ordered: block.ordered, items: block.items.map(inline) };
    return block;
  });
  const markers = document.blocks.flatMap((block) => (block.type === "marker" ? [block.name] : []));
  return { title: document.title, description: document.description, blocks, markers };
}

let pages: Map<string, GuidePageContent> | null = null;

function loadPages(): Map<string, GuidePageContent> {
  const loaded = new Map<string, GuidePageContent>();
  for (const { file, language, guide, page, source } of proseSources()) {
    try {
      loaded.set(`${language}/${guide}/${page}`, resolvePage(parseProse(source, file), language, guide));
    } catch (error) {
      if (error instanceof Error && !error.message.startsWith(file)) error.message = `${file}: ${error.message}`;
      throw error;
    }
  }
  return loaded;
}

/** One page of a guide in one language, or null when there is no such prose. */
export function guidePage(language: Language, guide: GuideId, page: string): GuidePageContent | null {
  pages ??= loadPages();
  return pages.get(`${language}/${guide}/${page}`) ?? null;
}
