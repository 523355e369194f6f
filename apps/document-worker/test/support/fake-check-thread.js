// A stand-in check thread for CheckIsolation's tests, steered by the file's first bytes: HANG never answers (a check
// stuck in a loop), HOG fills its heap until the thread's memory cap ends it, CRASH throws outside any check (a fault
// of the worker, not of the file); anything else is answered at once with no findings.
const { parentPort } = require('node:worker_threads');

parentPort.on('message', ({ bytes }) => {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(0, 5).toString('latin1');
  parentPort.postMessage({ kind: 'sniffed', sniffed: { mime: 'application/pdf', ext: 'pdf' } });
  if (head.startsWith('HANG')) for (;;);
  if (head.startsWith('HOG')) {
    const kept = [];
    for (;;) kept.push(new Array(100_000).fill({ kept: kept.length }));
  }
  if (head.startsWith('CRASH')) setImmediate(() => { throw new Error('a bug in the check thread'); });
  else parentPort.postMessage({ kind: 'done', findings: [] });
});
