/** The seeded demo users' addresses end in this domain (packages/db/src/seed/demo-data.ts). */
export const DEMO_DOMAIN = 'demo.peduli.local';

/** A demo user's address without the shared domain, for tables: "operator.dinsos.jayapura". */
export function short(email: string): string {
  return email.endsWith(`@${DEMO_DOMAIN}`) ? email.slice(0, -DEMO_DOMAIN.length - 1) : email;
}

export const BALIKPAPAN = '64.71';
export const JAYAPURA = '91.71';

/** The reporting level of the regencies' and cities' units, whose actions and target the story uses. */
export const LEVEL = 'KABKOTA';

/** The demo's own RANHAM framework code: its versions never touch the seeded RANHAM_PERPRES_53_2021. */
export const DEMO_FRAMEWORK_CODE = 'RANHAM_DEMO';

/** The reminder policy, scaled to minutes so it plays out while the demo runs. */
export const DEMO_POLICY = { unit: 'MINUTES', offsetsMinutes: [2, 1], overdueAfterMinutes: 1, escalateOverdue: true, weeklyDigest: null, graceHours: 1 } as const;

/**
 * How far ahead the deadline is set: the earliest reminder (2 minutes before) must still lie ahead once the reminder
 * worker has planned, and the whole story should fit in about four minutes.
 */
export const DEADLINE_LEAD_MS = 2 * 60_000 + 15_000;

/** The KABKOTA target after the framework change: the edge between MEMENUHI_TARGET and BELUM_MEMENUHI_TARGET moves up. */
export const NEW_TARGET = 70;

/**
 * What each unit answers for the year's eight actions, in order: yes/no (the period's success measure met) or a
 * percentage achieved; null leaves one unanswered. As in a real regency, each Balikpapan OPD owns some actions (Dinkes
 * the first four, Disdikbud the last four), so their inputs compile into the city's report without a conflict; its
 * seventh action stays unanswered, which costs the city's report that action's administration too.
 */
export type Answer = boolean | number | null;

export const ANSWERS: Readonly<Record<'dinkes' | 'disdikbud' | 'dinsos' | 'kemenkes' | 'kaltim', readonly Answer[]>> = {
  dinkes: [true, true, true, 80, null, null, null, null],
  disdikbud: [null, null, null, null, 80, 50, null, false],
  dinsos: [true, 50, null, null, null, null, null, null],
  /** A Kemenkes directorate's input, the ministry's report once compiled. */
  kemenkes: [true, true, true, true, 80, true, true, true],
  /** A Kaltim province OPD's input, the province's report once compiled by its Biro Hukum. */
  kaltim: [true, 50, null, true, 40, null, true, false],
};

/** The city's report as compiled: each action answered by the unit that owns it. */
export function compiledAnswers(...inputs: readonly (readonly Answer[])[]): Answer[] {
  const length = Math.max(...inputs.map((input) => input.length));
  return Array.from({ length }, (_, index) => inputs.map((input) => input[index]).find((value) => value !== null && value !== undefined) ?? null);
}

/** The index of the action whose value the Kanwil verifies in the city's report (a Dinkes action). */
export const VERIFIED_ACTION = 3;

/** The value the Kanwil verifies for that action, instead of the 80 Dinkes claimed. */
export const VERIFIED_FOURTH = 50;

/** The RANHAM reporter levels the demo's actions are reported at, with the seeded targets the story expects. */
export const REPORTER_LEVELS = ['KL', 'PROVINCE', 'KABKOTA'] as const;
