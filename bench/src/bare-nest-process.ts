import { freePort, ManagedProcess, startProcess } from '@peduli/devservices';
import { join } from 'node:path';

export interface BareNest {
  /** e.g. http://127.0.0.1:PORT; the route is PATCH /bare/:id. */
  url: string;
  process: ManagedProcess;
  /** Resolves once the route answers (it answers PATCH only, which the shared readiness helper does not send). */
  ready(): Promise<void>;
}

/** The baseline process of `ingest` and `memory`: a bare Nest route parsing and echoing JSON (bare-nest.ts). */
export async function startBareNest(): Promise<BareNest> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startProcess('bare-nest', process.execPath, [join(__dirname, 'bare-nest.js')], { env: { PATH: process.env.PATH, PORT: String(port) } });
  return {
    url,
    process: child,
    ready: async () => {
      const deadline = Date.now() + 30_000;
      const answers = () =>
        fetch(`${url}/bare/ready`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.ok, () => false);
      while (!(await answers())) {
        if (Date.now() > deadline) throw new Error(`bare-nest at ${url} did not answer within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
