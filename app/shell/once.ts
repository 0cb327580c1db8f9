/**
 * A value built the first time it is asked for, then kept. For zod schemas in modules the browser
 * also imports (for an option list, or a calculation): built at load, a schema brings zod (13 kB
 * gzipped) to every page that imports the module; built on first use, only the server builds it
 * (docs/decisions/032-script-chunks.md).
 */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
