/**
 * LIX readability, measured as the workplace's `lix.mjs` measures it, so the locale check and the
 * editors' tool agree: LIX = words per sentence + 100 × long words / words, where a long word has
 * more than six letters, placeholders are left out and a text is at least one sentence.
 */
const abbreviations = /\b(nr|f\.eks|bl\.a|dvs|ca|jf|e\.g|i\.e|etc|no|osv|pkt|art)\.(?=\s)/gi;

export function lix(text: string): { words: number; value: number } {
  const clean = text.replace(/\{\{[^}]*\}\}/g, " ").replace(abbreviations, (match) => match.replace(/\./g, ""));
  const words = (clean.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return { words: 0, value: 0 };
  const long = words.filter((word) => (word.match(/\p{L}/gu) ?? []).length > 6).length;
  const ends = (clean.match(/[.!?:]+(?=\s|$)/g) ?? []).length;
  const sentences = Math.max(1, ends + (/[.!?:]\s*$/.test(clean.trim()) ? 0 : 1));
  return { words: words.length, value: words.length / sentences + (100 * long) / words.length };
}
