/**
 * The browser's chunk layout (docs/decisions/032-script-chunks.md): at most 10 scripts on the
 * first load of any page, without making light pages carry heavy pages' code.
 *
 * - `vendor`: the client entry and what it reaches (React, React DOM, Remix).
 * - `shell`: the root route's module and what the root or the language layout reaches (Aksel's
 *   basics, the translations' glue, header, footer); a chunk that is the root route's module
 *   may export more than the route's names (`preserveEntrySignatures: "allow-extension"`).
 * - A route's own code (what no other route uses) is in the route's chunk; code that only lazy
 *   imports reach stays lazy, and zod (the søknad's step schemas) keeps a chunk of its own.
 * - Code that two or more routes share (atoms: the modules the same set of routes uses) goes
 *   into groups, at most `groupsPerPage` of them loaded by any page (groupAtoms).
 *
 * So a page names the manifest, vendor, shell, the language layout, its route and at most
 * `groupsPerPage` groups: with 5, ten scripts.
 *
 * Who uses a module is worked out from the names each module imports (Aksel's index file
 * re-exports every component: read as an import of all of them, it would put Table on every
 * page that shows a Button), following `export … from` to the module that declares the name.
 * `CHUNK_DEBUG=<file>` writes the atoms, their sizes, pages and chunks to that file.
 */
import fs from "node:fs";
import path from "node:path";
import type { GetModuleInfo, ManualChunkMeta, ModuleInfo } from "rollup";
import type { Plugin } from "vite";

const sideEffectsByFolder = new Map<string, boolean>();

/**
 * Whether a module may have side effects, as its package.json says (`"sideEffects": false` is a
 * no; a list of files, or nothing said, is a maybe). Stylesheets always do: they are kept in order.
 */
export function hasSideEffects(id: string): boolean {
  const file = id.split("?")[0]!;
  if (!path.isAbsolute(file) || /\.(css|scss)$/.test(file)) return true;
  const folders: string[] = [];
  let answer: boolean | undefined;
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    answer = sideEffectsByFolder.get(folder);
    if (answer !== undefined) break;
    folders.push(folder);
    const manifest = path.join(folder, "package.json");
    // A package.json with neither a name nor sideEffects (`{"type": "module"}` in a build folder) is not the package's.
    const read = fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown; sideEffects?: unknown }) : null;
    if (read && ("name" in read || "sideEffects" in read)) {
      answer = read.sideEffects !== false;
      break;
    }
    if (path.dirname(folder) === folder) {
      answer = true;
      break;
    }
  }
  for (const folder of folders) sideEffectsByFolder.set(folder, answer);
  return answer;
}

type Node = { type: string; [key: string]: unknown };
type Named = { type: string; name?: string; value?: unknown };

/** Routes (and the client entry) that load a module on first load, and the lazy imports that do later. */
type Users = { routes: Set<string>; lazy: Set<string> };

const isRoute = (id: string) => id.includes("?__remix-build-client-route");
const isRoot = (id: string) => /\/app\/root\.tsx\?__remix-build-client-route$/.test(id);
const isLangLayout = (id: string) => /\/app\/routes\/\$lang\.tsx\?__remix-build-client-route$/.test(id);
const isClientEntry = (id: string) => /\/app\/entry\.client\.tsx$/.test(id);
const isScript = (id: string) => /\.[cm]?[jt]sx?($|\?)/.test(id) && !id.includes("?url") && !id.includes("?raw");

const nameOf = (node: unknown) => {
  const named = node as Named | undefined;
  return named?.type === "Literal" ? String(named.value) : (named?.name ?? "");
};

/** Source text → resolved id, for the module's static imports and re-exports (Rollup lists them in source order). */
function resolutions(info: ModuleInfo): Map<string, string> | null {
  const body = (info.ast as unknown as { body?: Node[] } | null)?.body;
  if (!body) return null;
  const sources: string[] = [];
  for (const node of body) {
    if (!["ImportDeclaration", "ExportNamedDeclaration", "ExportAllDeclaration"].includes(node.type)) continue;
    const source = (node.source as Named | null | undefined)?.value;
    if (typeof source === "string" && !sources.includes(source)) sources.push(source);
  }
  if (sources.length !== info.importedIds.length) return null;
  return new Map(sources.map((source, index) => [source, info.importedIds[index]!]));
}

function usageGraph(getModuleInfo: GetModuleInfo, ids: string[]) {
  const resolved = new Map<string, Map<string, string> | null>();
  const resolve = (info: ModuleInfo) => {
    if (!resolved.has(info.id)) resolved.set(info.id, resolutions(info));
    return resolved.get(info.id)!;
  };
  const declaring = new Map<string, string[]>();

  /** The modules whose code an import of `name` from `id` runs: the declaring module, through re-exports. */
  function exporters(id: string, name: string, seen = new Set<string>()): string[] {
    const key = `${id}\0${name}`;
    const cached = declaring.get(key);
    if (cached) return cached;
    if (seen.has(key)) return [];
    seen.add(key);
    const info = getModuleInfo(id);
    const body = (info?.ast as unknown as { body?: Node[] } | null)?.body;
    const map = info ? resolve(info) : null;
    let result: string[] = [id];
    if (info && body && map) {
      if (name === "*") {
        result = [id];
        for (const node of body) {
          if ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source) {
            const target = map.get(nameOf(node.source));
            if (target) result.push(...exporters(target, "*", seen));
          }
        }
      } else {
        let found: string[] | null = null;
        const stars: string[] = [];
        for (const node of body) {
          if (node.type === "ExportNamedDeclaration") {
            for (const specifier of (node.specifiers as Node[] | undefined) ?? []) {
              if (nameOf(specifier.exported) !== name) continue;
              const target = node.source ? map.get(nameOf(node.source)) : undefined;
              found = target ? exporters(target, nameOf(specifier.local), seen) : [id];
            }
            if (!found && node.declaration) found = declares(node.declaration as Node, name) ? [id] : null;
          } else if (node.type === "ExportDefaultDeclaration" && name === "default") {
            found = [id];
          } else if (node.type === "ExportAllDeclaration") {
            const target = map.get(nameOf(node.source));
            if (!target) continue;
            if (node.exported) {
              if (nameOf(node.exported) === name) found = exporters(target, "*", seen);
            } else {
              stars.push(target);
            }
          }
          if (found) break;
        }
        if (!found) {
          for (const target of stars) {
            if (getModuleInfo(target)?.exports?.includes(name)) {
              found = exporters(target, name, seen);
              break;
            }
          }
        }
        result = found ?? [id];
      }
    }
    declaring.set(key, result);
    return result;
  }

  /** Modules whose code `id`'s own code uses (static), and the modules it imports lazily. */
  const edges = new Map<string, { uses: Set<string>; lazy: Set<string> }>();
  for (const id of ids) {
    const info = getModuleInfo(id);
    if (!info || info.isExternal) continue;
    const uses = new Set<string>();
    const body = (info.ast as unknown as { body?: Node[] } | null)?.body;
    const map = resolve(info);
    if (!body || !map) {
      for (const target of info.importedIds) uses.add(target);
    } else {
      for (const node of body) {
        if (node.type !== "ImportDeclaration") continue;
        const target = map.get(nameOf(node.source));
        if (!target) continue;
        const specifiers = (node.specifiers as Node[] | undefined) ?? [];
        if (specifiers.length === 0) uses.add(target);
        for (const specifier of specifiers) {
          const name =
            specifier.type === "ImportDefaultSpecifier" ? "default" : specifier.type === "ImportNamespaceSpecifier" ? "*" : nameOf(specifier.imported);
          for (const exporter of exporters(target, name)) uses.add(exporter);
        }
      }
      // A route module (an entry) is used through all of its exports.
      if (info.isEntry) for (const name of info.exports ?? []) for (const exporter of exporters(id, name)) if (exporter !== id) uses.add(exporter);
    }
    edges.set(id, { uses, lazy: new Set(info.dynamicallyImportedIds) });
  }
  return edges;
}

function declares(declaration: Node, name: string): boolean {
  if (declaration.type === "VariableDeclaration") {
    return ((declaration.declarations as Node[]) ?? []).some((declarator) => nameOf(declarator.id) === name);
  }
  return nameOf(declaration.id) === name;
}

type Atom = { modules: string[]; pages: number[]; size: number; largest: [string, number]; uses: Set<number> };

/**
 * Module id → chunk name, for every module with code. Computed once per build from the whole
 * module graph; `groupsPerPage` is how many chunks of shared code a page may load besides the
 * manifest, the vendor chunk, the shell, the language layout and its own route's chunk.
 */
export function chunkLayout(meta: ManualChunkMeta, groupsPerPage: number, lazyPackages: string[] = []): Map<string, string> {
  const ids = [...meta.getModuleIds()].sort();
  const edges = usageGraph(meta.getModuleInfo, ids);
  const entries = ids.filter((id) => meta.getModuleInfo(id)?.isEntry);
  const lazyEntries = [...new Set([...edges.values()].flatMap((edge) => [...edge.lazy]))].sort();

  const users = new Map<string, Users>();
  const user = (id: string) => {
    let found = users.get(id);
    if (!found) users.set(id, (found = { routes: new Set(), lazy: new Set() }));
    return found;
  };
  const walk = (from: string, mark: (users: Users) => void) => {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      mark(user(id));
      for (const next of edges.get(id)?.uses ?? []) stack.push(next);
    }
  };
  for (const entry of entries) walk(entry, (users) => users.routes.add(entry));
  for (const entry of lazyEntries) walk(entry, (users) => users.lazy.add(entry));

  const size = (id: string) => meta.getModuleInfo(id)?.code?.length ?? 0;
  // A module that imports zod for a schema it builds on first use seems to need zod, though the
  // browser's build drops that code: the packages that only lazy imports use get a chunk each,
  // which no page's count includes (the bench counts what pages really load).
  const lazyPackage = (id: string) => lazyPackages.find((name) => id.includes(`/node_modules/${name}/`));
  const pages = entries.filter((id) => isRoute(id) && !isRoot(id) && !isLangLayout(id));
  const pageIndex = new Map(pages.map((page, index) => [page, index]));
  const layout = new Map<string, string>();
  const atomByKey = new Map<string, Atom>();
  const atomOf = new Map<string, Atom>();
  for (const id of ids) {
    const info = meta.getModuleInfo(id);
    const found = users.get(id);
    if (!info || info.isExternal || !found || !isScript(id) || (info.isIncluded === false && !info.isEntry)) continue;
    const routes = [...found.routes];
    // Rollup puts a module no one names into the manual chunk of the first module that imports
    // it (through index files too), so every module with code is named here.
    if (isClientEntry(id) || routes.some(isClientEntry)) {
      layout.set(id, "vendor");
    } else if (isRoot(id) || routes.some((route) => isRoot(route) || isLangLayout(route))) {
      // The root route's module is the shell's chunk (allow-extension); the language layout's stays apart.
      if (!isLangLayout(id)) layout.set(id, "shell");
    } else if (info.isEntry) {
      layout.set(id, entryName(id));
    } else if (lazyPackage(id)) {
      layout.set(id, lazyPackage(id)!);
    } else if (routes.length === 0 && found.lazy.size === 1) {
      layout.set(id, entryName([...found.lazy][0]!));
    } else if (routes.length === 0) {
      layout.set(id, "lazy");
    } else if (routes.length === 1 && found.lazy.size === 0) {
      layout.set(id, entryName(routes[0]!));
    } else {
      const key = [...routes, ...found.lazy].sort().join("\n");
      let atom = atomByKey.get(key);
      if (!atom) {
        const onPages = routes.map((route) => pageIndex.get(route)).filter((index) => index !== undefined);
        atomByKey.set(key, (atom = { modules: [], pages: onPages, size: 0, largest: [id, -1], uses: new Set() }));
      }
      atom.modules.push(id);
      atom.size += size(id);
      if (size(id) > atom.largest[1]) atom.largest = [id, size(id)];
      atomOf.set(id, atom);
    }
  }
  const atoms = [...atomByKey.values()];
  const atomIndex = new Map(atoms.map((atom, index) => [atom, index]));
  for (const atom of atoms) {
    for (const id of atom.modules) {
      for (const used of edges.get(id)?.uses ?? []) {
        const other = atomOf.get(used);
        if (other && other !== atom) atom.uses.add(atomIndex.get(other)!);
      }
    }
  }

  const assignment = groupAtoms(atoms, pages.length, groupsPerPage);
  const groupNames = new Map<number, string>();
  const taken = new Set<string>();
  const largestOf = new Map<number, [string, number]>();
  atoms.forEach((atom, index) => {
    const group = assignment[index]!;
    const current = largestOf.get(group);
    if (!current || atom.largest[1] > current[1]) largestOf.set(group, atom.largest);
  });
  for (const [group, largest] of [...largestOf].sort((a, b) => b[1][1] - a[1][1] || a[0] - b[0])) {
    if (group === SHELL) continue;
    const base = `part-${entryName(largest[0])}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    groupNames.set(group, name);
  }
  atoms.forEach((atom, index) => {
    const group = assignment[index]!;
    for (const id of atom.modules) layout.set(id, group === SHELL ? "shell" : groupNames.get(group)!);
  });

  if (process.env.CHUNK_DEBUG) {
    const short = (id: string) => id.replace(/.*\/app\/routes\/\$lang\.?/, "").replace(/\.tsx\?.*/, "");
    const lines = atoms.map((atom, index) => `${atom.size}\t${layout.get(atom.modules[0]!)}\t${atom.pages.map((page) => short(pages[page]!)).sort().join(" ")}\t${index}:${[...atom.uses].join(",")}\t${atom.modules.map((m) => m.replace(/.*node_modules\//, "").replace(/.*\/app\//, "")).join(" ")}`);
    fs.writeFileSync(process.env.CHUNK_DEBUG, lines.join("\n"));
    const missed = ids.filter((id) => meta.getModuleInfo(id)?.isIncluded && isScript(id) && !users.has(id));
    if (missed.length) console.warn(`vite-chunks: no users found for ${missed.join(", ")}`);
  }
  return layout;
}

const SHELL = -1;

/**
 * Atoms (modules that the same routes use) into groups, one chunk each, so that no page loads
 * more than `limit` of them; an atom may also go to the shell, which every page loads.
 *
 * The cost of a layout is the code pages load without using it, a heavier page's bytes counting
 * more (up to 5 times the lightest's): the heavy pages are the ones near the budget. First the
 * two groups (or a group and the shell) whose joining costs least are joined until every page is
 * within the limit; then single atoms move to another group, a group of their own or the shell
 * while that lowers the cost; last, groups that would import each other are joined (chunks in a
 * cycle can run a module before one it needs). An atom goes to the shell with every atom it uses,
 * so that the shell imports nothing but the vendor chunk.
 */
export function groupAtoms(atoms: Pick<Atom, "pages" | "size" | "uses">[], pageCount: number, limit: number): number[] {
  const ideal = new Array<number>(pageCount).fill(0);
  for (const atom of atoms) for (const page of atom.pages) ideal[page]! += atom.size;
  const heaviest = Math.max(1, ...ideal);
  const weight = ideal.map((bytes) => 1 + (4 * bytes) / heaviest);

  const usedBytes = ideal.reduce((sum, bytes, page) => sum + bytes * weight[page]!, 0);

  /**
   * The weighted cost and how far pages are over the limit, for an assignment. A page loads the
   * groups of the atoms it uses and every group those import, as the browser does.
   */
  function evaluate(assignment: number[]) {
    let shell = 0;
    const size = new Map<number, number>();
    const direct = new Map<number, Set<number>>();
    const imports = new Map<number, Set<number>>();
    atoms.forEach((atom, index) => {
      const group = assignment[index]!;
      if (group === SHELL) {
        shell += atom.size;
        return;
      }
      size.set(group, (size.get(group) ?? 0) + atom.size);
      const pages = direct.get(group) ?? new Set<number>();
      for (const page of atom.pages) pages.add(page);
      direct.set(group, pages);
      const used = imports.get(group) ?? new Set<number>();
      for (const other of atom.uses) if (assignment[other] !== group && assignment[other] !== SHELL) used.add(assignment[other]!);
      imports.set(group, used);
    });
    const loads = new Map<number, Set<number>>();
    const loadOf = (group: number) => {
      let found = loads.get(group);
      if (!found) {
        found = new Set([group]);
        for (const next of found) for (const used of imports.get(next) ?? []) found.add(used);
        loads.set(group, found);
      }
      return found;
    };
    const loaded = Array.from({ length: pageCount }, () => new Set<number>());
    for (const [group, pages] of direct) for (const page of pages) for (const needed of loadOf(group)) loaded[page]!.add(needed);
    let cost = -usedBytes;
    let over = 0;
    loaded.forEach((groups, page) => {
      let bytes = shell;
      for (const group of groups) bytes += size.get(group)!;
      cost += bytes * weight[page]!;
      over += Math.max(0, groups.size - limit);
    });
    return { cost, over };
  }
  const better = (a: { cost: number; over: number }, b: { cost: number; over: number }) => a.over < b.over || (a.over === b.over && a.cost < b.cost - 1e-6);

  /** `index` and every atom it uses, directly or not. */
  const closure = (index: number) => {
    const found = new Set<number>([index]);
    for (const next of found) for (const used of atoms[next]!.uses) found.add(used);
    return found;
  };
  const toShell = (assignment: number[], index: number) => {
    const moved = assignment.slice();
    for (const member of closure(index)) moved[member] = SHELL;
    return moved;
  };

  let assignment = atoms.map((_, index) => index);
  let current = evaluate(assignment);
  while (current.over > 0) {
    // The join that costs least for each page it brings back within the limit.
    let best: { assignment: number[]; score: { cost: number; over: number }; price: number } | undefined;
    const groups = [...new Set(assignment)].filter((group) => group !== SHELL).sort((a, b) => a - b);
    const consider = (trial: number[]) => {
      const score = evaluate(trial);
      if (score.over >= current.over) return;
      const price = (score.cost - current.cost) / (current.over - score.over);
      if (!best || price < best.price - 1e-9) best = { assignment: trial, score, price };
    };
    for (let i = 0; i < groups.length; i++) {
      const a = groups[i]!;
      consider(toShell(assignment, assignment.indexOf(a)));
      for (let j = i + 1; j < groups.length; j++) {
        const b = groups[j]!;
        consider(assignment.map((group) => (group === b ? a : group)));
      }
    }
    assignment = best!.assignment;
    current = best!.score;
  }

  for (let round = 0; round < 20; round++) {
    let moved = false;
    for (let index = 0; index < atoms.length; index++) {
      if (assignment[index] === SHELL) continue;
      const targets = [...new Set(assignment), SHELL, Math.max(...assignment) + 1].sort((a, b) => a - b);
      for (const target of targets) {
        if (target === assignment[index]) continue;
        const trial = target === SHELL ? toShell(assignment, index) : assignment.slice();
        if (target !== SHELL) trial[index] = target;
        const score = evaluate(trial);
        if (score.over === 0 && better(score, current)) {
          assignment = trial;
          current = score;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }

  // Groups that import each other become one (Tarjan's strongly connected components).
  const groupUses = new Map<number, Set<number>>();
  atoms.forEach((atom, index) => {
    const group = assignment[index]!;
    if (group === SHELL) return;
    const uses = groupUses.get(group) ?? new Set<number>();
    for (const used of atom.uses) if (assignment[used] !== group && assignment[used] !== SHELL) uses.add(assignment[used]!);
    groupUses.set(group, uses);
  });
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const joinTo = new Map<number, number>();
  const visit = (group: number) => {
    order.set(group, order.size);
    low.set(group, order.get(group)!);
    stack.push(group);
    onStack.add(group);
    for (const next of groupUses.get(group) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(group, Math.min(low.get(group)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(group, Math.min(low.get(group)!, order.get(next)!));
      }
    }
    if (low.get(group) === order.get(group)) {
      let member: number;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        joinTo.set(member, group);
      } while (member !== group);
    }
  };
  for (const group of [...groupUses.keys()].sort((a, b) => a - b)) if (!order.has(group)) visit(group);
  return assignment.map((group) => (group === SHELL ? SHELL : (joinTo.get(group) ?? group)));
}

/** A route's or a lazy import's chunk, named as Rollup names it: the file name, `$` as `_`. */
function entryName(id: string): string {
  return id.split("?")[0]!.split("/").pop()!.replace(/\.[^.]+$/, "").replace(/\$/g, "_");
}

/**
 * The layout as a Vite plugin, for the browser's build only: Rollup's `manualChunks`, entries
 * that may export more than their own names (the root route's module is the shell's chunk), and
 * package.json's `sideEffects` (see hasSideEffects).
 */
export function chunkLayoutPlugin({ groupsPerPage, lazyPackages }: { groupsPerPage: number; lazyPackages?: string[] }): Plugin {
  let ssr = false;
  // The manifest, vendor, shell, language layout and route, and the groups.
  const limit = 5 + groupsPerPage;
  const layouts = new WeakMap<GetModuleInfo, Map<string, string>>();
  return {
    name: "portal-chunk-layout",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    options(input) {
      if (ssr) return null;
      const treeshake = typeof input.treeshake === "object" ? input.treeshake : {};
      return { ...input, preserveEntrySignatures: "allow-extension", treeshake: { ...treeshake, moduleSideEffects: (id: string) => hasSideEffects(id) } };
    },
    generateBundle(_, bundle) {
      if (ssr) return;
      // What a page's first load names, counted as the bench does: the manifest, and every chunk the
      // root, the language layout and the page's route import, directly or not.
      const chunks = Object.values(bundle).filter((file) => file.type === "chunk");
      const closure = (names: string[]) => {
        const found = new Set(names);
        for (const name of found) for (const imported of (bundle[name] as { imports?: string[] } | undefined)?.imports ?? []) found.add(imported);
        return found;
      };
      const routeChunk = (test: (id: string) => boolean) => chunks.filter((chunk) => chunk.moduleIds.some((id) => test(id) && isRoute(id)));
      const always = closure([...routeChunk(isRoot), ...routeChunk(isLangLayout)].map((chunk) => chunk.fileName));
      for (const chunk of routeChunk((id) => isRoute(id) && !isRoot(id) && !isLangLayout(id))) {
        const scripts = new Set([...always, ...closure([chunk.fileName])]).size + 1;
        if (scripts > limit) this.warn(`${chunk.fileName}: a page of this route names ${scripts} scripts (more than ${limit}, docs/decisions/032-script-chunks.md)`);
      }
    },
    outputOptions(output) {
      if (ssr) return null;
      return {
        ...output,
        manualChunks(id, meta) {
          let layout = layouts.get(meta.getModuleInfo);
          if (!layout) layouts.set(meta.getModuleInfo, (layout = chunkLayout(meta, groupsPerPage, lazyPackages)));
          return layout.get(id);
        },
      };
    },
  };
}

const noDateLocales = "\0aksel-date-locales";

/**
 * Aksel's translations (`@navikt/ds-react/locales`, which every page's Provider takes) import
 * date-fns' nb, nn and en-GB locales for the date pickers alone: 3 kB gzipped on every page of a
 * portal without a date picker. In the browser build they are left out. Should a date picker or
 * month picker come, Aksel's useDateLocale throws "dateLocale not found": remove this then.
 */
export function withoutDateLocalesPlugin(): Plugin {
  let ssr = false;
  return {
    name: "portal-without-date-locales",
    apply: "build",
    enforce: "pre",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    resolveId(source, importer) {
      if (ssr || source !== "date-fns/locale" || !importer?.includes("/@navikt/ds-react/")) return null;
      return noDateLocales;
    },
    load(id) {
      return id === noDateLocales ? "export const nb = undefined, nn = undefined, enGB = undefined;\n" : null;
    },
  };
}
