import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { chunkLayoutPlugin, withoutDateLocalesPlugin } from "./vite-chunks";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  build: {
    target: "es2020",
    // Terser's output of the browser's code gzips 3–4 kB smaller per page than esbuild's
    // (docs/decisions/032-script-chunks.md); the server's build is not minified.
    minify: isSsrBuild ? false : "terser",
    terserOptions: { compress: { passes: 2 } },
  },
  plugins: [
    !process.env.VITEST &&
      remix({
        // BUILD_DIR lets the benchmark build beside the tests' build without replacing it.
        buildDirectory: process.env.BUILD_DIR ?? "build",
        ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          // Off on purpose: the whole route manifest is 2 kB gzipped and cached, while lazy
          // discovery matched every route again on each server render and sent /__manifest
          // requests after each page (docs/decisions/019-whole-route-manifest.md).
          v3_lazyRouteDiscovery: false,
        },
      }),
    // The browser's chunks: at most 10 scripts a page (docs/decisions/032-script-chunks.md). Besides
    // the manifest, vendor, shell, language layout and the page's route, at most this many more.
    !process.env.VITEST && chunkLayoutPlugin({ groupsPerPage: 5, lazyPackages: ["zod"] }),
    !process.env.VITEST && withoutDateLocalesPlugin(),
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "mocks/**/*.test.ts", "locales/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // Opening an embedded PGlite database takes seconds on a busy 2-core machine.
    hookTimeout: 60_000,
  },
}));
