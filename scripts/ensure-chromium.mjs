// Playwright cannot download its own browser here, so the tests use Debian's Chromium.
// If it is missing: install it when running as root, otherwise say how.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

if (typeof process.getuid === "function" && process.getuid() === 0) {
  console.log(`No Chromium at ${path}; installing Debian's chromium package…`);
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `No Chromium found at ${path}.\n` +
    `Install Debian's Chromium (as root: apt-get install chromium), or point CHROMIUM_PATH at a Chromium binary, then run the tests again.`,
);
process.exit(1);
