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
 * What each unit answers for the year's eight regional actions, in order: yes/no (the period's success measure met)
 * or a percentage achieved; null leaves one unanswered.
 */
export type Answer = boolean | number | null;

export const ANSWERS: Readonly<Record<'dinkes' | 'disdikbud' | 'dinsos', readonly Answer[]>> = {
  dinkes: [true, true, true, 80, true, true, true, true],
  disdikbud: [true, true, 80, 50, false, true, null, false],
  dinsos: [true, 50, null, null, null, null, null, null],
};

/** The value the Kanwil verifies for the Dinkes report's fourth action, instead of the 80 the unit claimed. */
export const VERIFIED_FOURTH = 50;
