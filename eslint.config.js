import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "build-*/",
      "test-results-*/",
      "node_modules/",
      "data/",
      "test-results/",
      "playwright-report/",
      ".cache/",
      // The benchmark's builds (bench/node_modules/.build*, or the floor built in place): never linted.
      "**/node_modules/",
      "bench/**/build/",
      "bench/**/.build*/",
      "bench/**/.cache/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@navikt/ds-react",
              importNames: ["GuidePanel"],
              message: "Use GuidePanel from ~/shell/GuidePanel: it hides the speech bubble's tail from assistive technology.",
            },
          ],
        },
      ],
    },
  },
);
