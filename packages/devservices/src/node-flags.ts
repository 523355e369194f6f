/**
 * The flags every long-running Peduli process (the API and the workers) is started with, the same wherever it runs:
 * each app's `npm start`, docker-compose.yml, infra/k8s, `npm start` of the whole system and the
 * benchmarks (test/node-flags.test.ts checks they agree).
 *
 * V8 sizes its heap from the machine's memory (gigabytes on a server) and, with that room, lets garbage build up
 * before it collects: the API reached 250–270 MB under load while its live heap stayed at 60–110 MB. A cap that fits
 * the process makes V8 collect sooner and keeps each process within the 200 MB it is allowed. The size must be set
 * at launch (v8.setFlagsFromString cannot change it once the heap exists).
 *
 * The young generation is capped too: by default each of its semi-spaces may grow to 16 MB, and a busy process keeps
 * them grown. At 8 MB the pipeline's peaks fell from 250–259 to 204–213 MB (document worker) and from 180 to 164 MB
 * (API); the API's CPU per answer update under ingest moved by a median 1.03× over five alternated pairs (0.67–1.21),
 * within the machine's noise.
 */
const OLD_SPACE_CAP = '--max-old-space-size=160';
export const NODE_FLAGS: readonly string[] = [OLD_SPACE_CAP, '--max-semi-space-size=8'];

/**
 * The document worker runs two check threads, each a V8 heap of its own, and a 4 MB semi-space brought its pipeline
 * peak from 206–209 to 180–188 MB. The others keep 8 MB: at 4 MB report PDFs rendered 4–17% slower, and the document
 * check's throughput did not move beyond the noise.
 */
const FLAGS_BY_APP: Readonly<Record<string, readonly string[]>> = {
  'document-worker': [OLD_SPACE_CAP, '--max-semi-space-size=4'],
};

/** The flags one app (api, document-worker, scoring-worker, reminder-worker, report-worker) is started with. */
export function nodeFlagsOf(app: string): readonly string[] {
  return FLAGS_BY_APP[app] ?? NODE_FLAGS;
}
