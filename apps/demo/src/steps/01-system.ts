import { t } from '../context';
import { DemoFailure } from '../failure';
import type { Step } from './step';

const WORKERS = ['document-worker', 'scoring-worker', 'reminder-worker', 'report-worker'] as const;

/** Whether a health endpoint answers 200 (ready); the reason when it does not. */
async function ready(url: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { ok: response.status === 200, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, detail: (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message };
  }
}

/**
 * Is Peduli running? The API's readiness (PostgreSQL and Redis), and each worker's health server on the next four
 * ports, as `npm start` runs them; then where to look while the story plays.
 */
export const systemStep: Step = {
  title: { id: 'Apakah Peduli berjalan?', en: 'Is Peduli running?' },
  async run(demo) {
    const { story, api } = demo;
    story.say(
      t(
        demo,
        'Peragaan ini memakai sistem yang sedang berjalan (`npm start`) lewat HTTP, seperti klien sungguhan: API, keempat worker, PostgreSQL, Redis dan kotak surat pengembangan. Tidak ada yang disimulasikan.',
        'This walk-through uses the running system (`npm start`) over HTTP, as a real client does: the API, the four workers, PostgreSQL, Redis and the dev mailbox. Nothing is simulated.',
      ),
    );
    const apiReady = await ready(api.url('/health/ready'));
    if (!apiReady.ok) {
      throw new DemoFailure(
        t(
          demo,
          `API di ${api.origin} belum siap (${apiReady.detail}). Jalankan \`npm start\` di terminal lain dan tunggu sampai tertulis "Peduli is running."`,
          `The API at ${api.origin} is not ready (${apiReady.detail}). Run \`npm start\` in another terminal and wait until it prints "Peduli is running."`,
        ),
      );
    }
    const rows: [string, string, string][] = [['api', api.url('/health/ready'), t(demo, 'siap', 'ready')]];
    const origin = new URL(api.origin);
    const basePort = Number(origin.port || (origin.protocol === 'https:' ? 443 : 80));
    for (const [index, worker] of WORKERS.entries()) {
      const url = `${origin.protocol}//${origin.hostname}:${basePort + index + 1}/health/ready`;
      const health = await ready(url);
      rows.push([worker, url, health.ok ? t(demo, 'siap', 'ready') : t(demo, `tidak terjangkau (${health.detail})`, `not reachable (${health.detail})`)]);
    }
    story.table([t(demo, 'Proses', 'Process'), t(demo, 'Kesehatan', 'Health'), 'Status'], rows);
    if (rows.some(([, , status]) => status !== t(demo, 'siap', 'ready'))) {
      story.warn(
        t(
          demo,
          'Tidak semua worker terjangkau di port kesehatannya (wajar bila sistem tidak dijalankan dengan `npm start`). Bila sebuah worker memang tidak berjalan, langkah yang menunggunya akan gagal dan menyebutnya.',
          'Not every worker answers on its health port (fine when the system was not started with `npm start`). If a worker is really down, the step waiting for it fails and names it.',
        ),
      );
    }
    story.section(t(demo, 'Buka sambil menonton:', 'Open while you watch:'));
    story.link(t(demo, 'Dokumentasi API (OpenAPI)', 'API docs (OpenAPI)'), api.url('/api/docs'));
    // The API serves metrics on a port of its own, not its public one; `npm start` puts it after the workers' ports.
    story.link('Metrics (Prometheus)', `${origin.protocol}//${origin.hostname}:${basePort + WORKERS.length + 1}/metrics`);
    story.link(
      t(demo, 'Kotak surat pengembangan (.eml)', 'Dev mailbox (.eml)'),
      demo.mailbox.exists() ? demo.mailbox.dir : t(demo, `${demo.mailbox.dir} (belum ada)`, `${demo.mailbox.dir} (not there)`),
    );
    story.note(t(demo, 'Alamat dasbor antrean menyusul setelah admin masuk (langkah 2).', 'The queue dashboard address follows once the admin has signed in (step 2).'));
  },
};
