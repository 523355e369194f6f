/**
 * Something did not behave as the story says it should: the demo stops, names what it expected and what it saw, and
 * exits non-zero, which is what makes it usable as an end-to-end smoke test.
 */
export class DemoFailure extends Error {
  constructor(
    message: string,
    /** More lines worth showing: the API's answer, the last state seen. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Fails the demo unless `condition` holds. */
export function expectThat(condition: unknown, message: string, details: string[] = []): asserts condition {
  if (!condition) throw new DemoFailure(message, details);
}
