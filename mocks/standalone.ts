/**
 * Runs the fagsystem mock on its own: `npm run mock:server`.
 * MOCK_PORT (default 3001) and DATA_DIR (default ./data) come from the environment.
 */
import path from "node:path";
import { startFagsystemMock } from "./server";

const port = Number(process.env.MOCK_PORT || 3001);
const dataDir = path.resolve(process.env.DATA_DIR || "./data");

const mock = await startFagsystemMock({ port, dataDir });
console.log(`Fagsystem mock on ${mock.url} (data in ${dataDir}, seeded ${mock.state.seededAt})`);

function shutdown(signal: string) {
  console.log(`${signal}: stopping the fagsystem mock`);
  mock.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.once("SIGINT", () => shutdown("SIGINT"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
