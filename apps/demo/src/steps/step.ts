import type { Demo } from '../context';

/** One chapter of the story: a title in both languages and what it does against the API. */
export interface Step {
  title: { id: string; en: string };
  run(demo: Demo): Promise<void>;
}
