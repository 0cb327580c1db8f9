/**
 * What must be stopped if the run is interrupted (Ctrl-C): the portal runs in its own
 * process group, so the terminal's signal does not reach it.
 */
const cleanups = new Set<() => unknown>();

/** Registers a stop function; call the returned function once it has stopped normally. */
export function onInterrupt(stop: () => unknown): () => void {
  cleanups.add(stop);
  return () => cleanups.delete(stop);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what the benchmark started`);
    void Promise.allSettled([...cleanups].map((stop) => stop())).then(() => process.exit(130));
  });
}
