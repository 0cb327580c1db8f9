// What the end-to-end tests need from the machine: Debian's Chromium (Playwright cannot download
// its own browser here) and Java for the Nu Html Checker (e2e/valid-html.spec.ts).
// If one is missing: install it when running as root, otherwise say how.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasJava = () => {
  try {
    execSync(`${process.env.JAVA ?? "java"} -version`, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

const tools = [
  { name: "Chromium", present: () => existsSync(chromium), debianPackage: "chromium", otherwise: `or point CHROMIUM_PATH at a Chromium binary` },
  { name: "Java", present: hasJava, debianPackage: "default-jre-headless", otherwise: `or point JAVA at a java binary (11 or later)` },
];

const missing = tools.filter((tool) => !tool.present());
if (missing.length === 0) process.exit(0);

if (typeof process.getuid === "function" && process.getuid() === 0) {
  const packages = missing.map((tool) => tool.debianPackage).join(" ");
  console.log(`Missing ${missing.map((tool) => tool.name).join(" and ")}; installing Debian's ${packages}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: "inherit" });
}
const stillMissing = tools.filter((tool) => !tool.present());
if (stillMissing.length === 0) process.exit(0);
for (const tool of stillMissing) {
  console.error(`No ${tool.name} found. Install Debian's ${tool.debianPackage} (as root: apt-get install ${tool.debianPackage}), ${tool.otherwise}, then run the tests again.`);
}
process.exit(1);
