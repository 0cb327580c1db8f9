/**
 * Page weight on first load: the HTML document, and every script and stylesheet it
 * names (script src, modulepreload, stylesheet links, and the imports of its inline
 * module scripts), raw and gzipped (zlib level 9 of the bytes), and how many scripts that is:
 * Remix preloads each of them at high priority, one request each over HTTP/1.1.
 */
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import { BASE_URL, routes, type PathValue, type Persona } from "../config";
import { get, type Session } from "../portal";

export interface Weight {
  htmlBytes: number;
  htmlGzipBytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  /** JavaScript files the document names (module scripts, modulepreloads, inline imports). */
  scripts: number;
  assets: number;
}

export type RouteWeight =
  | ({ name: string; path: string; status: "ok" } & Weight)
  | { name: string; path: string; status: "missing" | "error"; detail: string };

const gzipSize = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 9 }).byteLength;

/** The script and stylesheet URLs a document loads before it is interactive. */
export function assetUrls(html: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, "i").exec(tag)?.[1];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, "src");
    if (src) js.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, "rel")?.toLowerCase();
    const href = attribute(tag, "href");
    if (!href) continue;
    if (rel === "modulepreload") js.add(href);
    if (rel === "stylesheet") css.add(href);
  }
  for (const [, body = ""] of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const match of body.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)"([^"]+\.js)"/g)) js.add(match[1] ?? "");
  }
  js.delete("");
  return { js: [...js], css: [...css] };
}

export async function weigh(html: string, fetchAsset: (url: string) => Promise<Buffer>): Promise<Weight> {
  const htmlBytes = Buffer.from(html);
  const urls = assetUrls(html);
  const sum = async (list: string[]) => {
    let raw = 0;
    let gzip = 0;
    for (const url of list) {
      const bytes = await fetchAsset(url);
      raw += bytes.byteLength;
      gzip += gzipSize(bytes);
    }
    return { raw, gzip };
  };
  const js = await sum(urls.js);
  const css = await sum(urls.css);
  return {
    htmlBytes: htmlBytes.byteLength,
    htmlGzipBytes: gzipSize(htmlBytes),
    jsBytes: js.raw,
    jsGzipBytes: js.gzip,
    cssBytes: css.raw,
    cssGzipBytes: css.gzip,
    scripts: urls.js.length,
    assets: urls.js.length + urls.css.length,
  };
}

/** The floor: the empty Remix app's only route, rendered in-process from its own build. */
export async function weighFloor(floorBuildDir: string): Promise<Weight> {
  const build = (await import(path.resolve(floorBuildDir, "server/index.js"))) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const response = await handler(new Request("http://localhost/"));
  if (!response.ok) throw new Error(`the floor app answered ${response.status}`);
  const clientDir = path.resolve(floorBuildDir, "client");
  return weigh(await response.text(), (url) => fs.readFile(path.join(clientDir, new URL(url, "http://localhost/").pathname)));
}

/**
 * The floor app served over HTTP on loopback (its page and its assets, as the portal serves
 * them), so Lighthouse can open it beside the portal's pages: the score a page with React and
 * Remix alone gets on this machine.
 */
export async function serveFloor(floorBuildDir: string, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const express = (await import("express")).default;
  const { createRequestHandler: expressHandler } = await import("@remix-run/express");
  const build = (await import(path.resolve(floorBuildDir, "server/index.js"))) as ServerBuild;
  const app = express();
  app.use("/assets", express.static(path.resolve(floorBuildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve(floorBuildDir, "client")));
  app.all("*", expressHandler({ build }));
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const listening = app.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function fetchPortalAsset(url: string): Promise<Buffer> {
  const response = await fetch(new URL(url, BASE_URL));
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Fills `{draftId}` and the like; null when a value is not known (e.g. no søknad to show). */
export function resolvePath(template: string, values: Partial<Record<PathValue, string | null>>): string | null {
  let missing = false;
  const resolved = template.replace(/\{(\w+)\}/g, (_, name: PathValue) => {
    const value = values[name];
    if (!value) missing = true;
    return encodeURIComponent(value ?? "");
  });
  return missing ? null : resolved;
}

export async function weighRoutes(
  sessions: Record<Persona, Session | undefined>,
  values: Partial<Record<PathValue, string | null>>,
): Promise<RouteWeight[]> {
  const results: RouteWeight[] = [];
  for (const route of routes) {
    const pathname = resolvePath(route.path, values);
    if (!pathname) {
      results.push({ name: route.name, path: route.path, status: "missing", detail: "no data to fill the path" });
      continue;
    }
    const response = await get(route.as ? sessions[route.as] : undefined, pathname);
    const body = await response.text();
    if (response.status === 404) {
      results.push({ name: route.name, path: pathname, status: "missing", detail: "404" });
    } else if (response.status !== 200) {
      results.push({ name: route.name, path: pathname, status: "error", detail: `${response.status} ${response.headers.get("Location") ?? ""}`.trim() });
    } else {
      results.push({ name: route.name, path: pathname, status: "ok", ...(await weigh(body, fetchPortalAsset)) });
    }
  }
  return results;
}
