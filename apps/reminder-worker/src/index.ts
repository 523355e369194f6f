// The reminder planner and sender without the process around them, for benchmarks and tests that run them in process.
export * from './plan-period';
export * from './send-reminders';
export * from './reminder-content';
