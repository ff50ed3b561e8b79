// One clock for every process of the benchmark. process.hrtime reads CLOCK_MONOTONIC, which on
// Linux is a single system-wide clock: a value taken in the server process and one taken in a
// load-generator process are directly comparable (no offset to estimate, nanosecond resolution).
// run.ts checks this at start-up with an IPC round trip (see clockCheck in fleet.ts).
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
