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
export const NODE_FLAGS: readonly string[] = ['--max-old-space-size=160', '--max-semi-space-size=8'];
