import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * app/styles/aksel.css imports only the CSS of the Aksel components the portal uses. Each
 * component used from @navikt/ds-react is listed here with the CSS file(s) it needs; a
 * component that is not listed fails this test, so its styles are not forgotten.
 */
const cssFor: Record<string, string[]> = {
  Alert: ["alert"],
  BodyLong: ["typography"],
  BodyShort: ["typography"],
  Box: ["primitives"],
  Button: ["button", "loader"],
  Checkbox: ["form"],
  CheckboxGroup: ["form"],
  ErrorMessage: ["typography"],
  ErrorSummary: ["form", "link"],
  Fieldset: ["form"],
  FileUpload: ["form", "button", "loader"],
  FormSummary: ["form", "link"],
  GuidePanel: ["guidepanel"],
  HGrid: ["primitives"],
  HStack: ["primitives"],
  Heading: ["typography"],
  Label: ["typography"],
  Link: ["link"],
  LinkCard: ["linkcard", "linkanchor"],
  Chat: ["chat"],
  List: ["list"],
  Loader: ["loader"],
  Modal: ["modal"],
  Process: ["process"],
  ProgressBar: ["progressbar"],
  Provider: ["theme"],
  Radio: ["form"],
  RadioGroup: ["form"],
  ReadMore: ["readmore"],
  Select: ["form"],
  Stepper: ["stepper"],
  Table: ["table"],
  Tag: ["tag"],
  TextField: ["form"],
  Textarea: ["form"],
  VStack: ["primitives"],
};

const app = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("Aksel CSS", () => {
  it("has the CSS of every Aksel component the portal uses", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(app)) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"@navikt\/ds-react"/g)) {
        for (const name of (match[1] ?? "").split(",")) {
          const trimmed = name.trim();
          if (trimmed && !trimmed.startsWith("type ")) used.add(trimmed.split(/\s+as\s+/)[0] ?? trimmed);
        }
      }
    }
    expect([...used].filter((name) => !cssFor[name]), "Aksel components without a CSS entry: add them to cssFor and their CSS to aksel.css").toEqual([]);
    const imported = new Set([...fs.readFileSync(path.join(app, "styles/aksel.css"), "utf8").matchAll(/dist\/component\/([a-z]+)\.css/g)].map((m) => m[1]));
    const needed = new Set([...used].flatMap((name) => cssFor[name] ?? []));
    expect([...needed].filter((file) => !imported.has(file))).toEqual([]);
  });
});
