// The whole system as separate processes lives in the testkit, shared with the benchmarks.
export { createAndSubmit, FAKE_EXE, MINIMAL_PDF, PNG_1X1, QUICK_STALLED_JOB_RECOVERY, ROLES, ROOT, startSystem, uploadEvidence } from '@peduli/testkit';
export type { Role, RunningSystem } from '@peduli/testkit';
