import { readFileSync } from 'node:fs';

/**
 * The peak resident set size of a process so far (VmHWM, the kernel's high-water mark), in MB: unlike a sample of the
 * current RSS it cannot miss a short spike between two samples.
 */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM for process ${pid}`);
  return Number(match[1]) / 1024;
}
