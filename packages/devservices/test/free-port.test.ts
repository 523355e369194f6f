import { createServer, Server } from 'node:net';
import { freePort } from '../src';

function listen(port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('freePort', () => {
  it('returns a non-zero TCP port that can then be listened on', async () => {
    const port = await freePort();
    expect(Number.isInteger(port)).toBe(true);
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThanOrEqual(65535);
    const server = await listen(port);
    try {
      const address = server.address();
      expect(typeof address === 'object' && address ? address.port : null).toBe(port);
    } finally {
      await close(server);
    }
  });

  it('does not hand out a port that is in use', async () => {
    const busy = await listen(0);
    try {
      const address = busy.address();
      const busyPort = typeof address === 'object' && address ? address.port : 0;
      for (let i = 0; i < 20; i++) expect(await freePort()).not.toBe(busyPort);
    } finally {
      await close(busy);
    }
  });

  it('rejects when the host cannot be bound', async () => {
    // 192.0.2.1 (TEST-NET-1) is never assigned to this machine.
    await expect(freePort('192.0.2.1')).rejects.toMatchObject({ code: 'EADDRNOTAVAIL' });
  });
});
