/**
 * Reseeds the fagsystem mock: `npm run mock:reset`. A running mock on MOCK_PORT
 * (default 3001) is asked to reset itself, so its memory and its file agree;
 * with none running, the state in DATA_DIR (default ./data) is reseeded directly.
 */
import path from "node:path";
import { MockStore } from "./state";

const port = Number(process.env.MOCK_PORT || 3001);
const dataDir = path.resolve(process.env.DATA_DIR || "./data");
const url = `http://127.0.0.1:${port}/mock/reset`;

let response: Response | undefined;
try {
  response = await fetch(url, { method: "POST", signal: AbortSignal.timeout(5000) });
} catch {
  // nothing listens there: reseed the file below
}

if (response) {
  if (response.status !== 204) {
    console.error(`Something answers at ${url}, but with ${response.status}: is it the fagsystem mock? Nothing was reset.`);
    process.exit(1);
  }
  console.log(`Reset the running fagsystem mock at http://127.0.0.1:${port}.`);
} else {
  const store = await MockStore.open(dataDir);
  await store.reset(new Date());
  console.log(`No mock answered on port ${port}; reseeded ${dataDir} (seeded ${store.seededAt}).`);
  console.log("A portal running its own mock on another port keeps its old state in memory: restart it.");
}
