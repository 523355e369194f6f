import { systemStep } from './01-system';
import { signInStep } from './02-sign-in';
import { yearStep } from './03-year';
import { periodStep } from './04-period';
import { reportStep } from './05-report';
import { checksStep } from './06-checks';
import { correctionsStep } from './07-corrections';
import { reviewStep } from './08-review';
import { scoresStep } from './09-scores';
import { reportersStep } from './10-reporters';
import { frameworkChangeStep } from './11-framework-change';
import { deadlineStep } from './12-deadline';
import { summaryStep } from './13-summary';
import type { Step } from './step';

/**
 * The story in order. The framework change comes before the deadline on purpose: it takes seconds, while the
 * deadline is minutes away, so the demo spends its waiting time doing something.
 */
export const STEPS: readonly Step[] = [
  systemStep,
  signInStep,
  yearStep,
  periodStep,
  reportStep,
  checksStep,
  correctionsStep,
  reviewStep,
  scoresStep,
  reportersStep,
  frameworkChangeStep,
  deadlineStep,
  summaryStep,
];
