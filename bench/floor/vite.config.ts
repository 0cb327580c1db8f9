/**
 * The floor: an empty Remix route with React alone, built with the same Vite, Remix
 * plugin, target and future flags as the portal, so the benchmark can print how much
 * each of the portal's routes weighs on top of what Remix + React cost anyway.
 */
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

export default defineConfig({
  build: { target: "es2020" },
  plugins: [
    remix({
      buildDirectory: process.env.BUILD_DIR ?? "../node_modules/.build-floor",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: false,
      },
    }),
  ],
});
