import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { HttpStatus, INestApplication } from '@nestjs/common';
import { Role } from '@peduli/domain';
import { QueueName, QueueRegistry } from '@peduli/queue';
import type { NextFunction, Request, Response } from 'express';
import { AuthenticationService } from '../auth/authentication.service';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'peduli_queue_board';

function cookieToken(request: Request): string | undefined {
  const pair = (request.headers.cookie ?? '').split(/;\s*/).find((part) => part.startsWith(`${COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(COOKIE.length + 1)) : undefined;
}

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for national admins only. A browser cannot send a bearer header
 * on its own, so the first visit carries the access token as `?token=`; it is moved into an HttpOnly, same-site cookie
 * scoped to the dashboard and the URL is cleaned. Every request, page or API call, is checked again.
 */
export function mountQueueBoard(app: INestApplication): void {
  const queues = app.get(QueueRegistry);
  const authentication = app.get(AuthenticationService);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name))), serverAdapter: adapter });

  const nationalAdminsOnly = async (request: Request, response: Response, next: NextFunction) => {
    const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
    const token = fromQuery ?? cookieToken(request);
    const header = request.headers.authorization ?? (token ? `Bearer ${token}` : undefined);
    try {
      const principal = await authentication.authenticate(header);
      if (!principal.grants.some((grant) => grant.role === Role.NATIONAL_ADMIN)) {
        response.status(HttpStatus.FORBIDDEN).json({ message: 'Dasbor antrean hanya untuk admin nasional. / The queue dashboard is for national admins only.' });
        return;
      }
    } catch {
      response.status(HttpStatus.UNAUTHORIZED).json({
        message: 'Masuk sebagai admin nasional, lalu buka /admin/queues?token=<access token>. / Sign in as a national admin, then open /admin/queues?token=<access token>.',
      });
      return;
    }
    if (fromQuery) {
      response.cookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', path: QUEUE_BOARD_PATH, secure: request.secure });
      const clean = new URL(request.originalUrl, 'http://local');
      clean.searchParams.delete('token');
      response.redirect(303, `${clean.pathname}${clean.search}`);
      return;
    }
    next();
  };
  app.use(QUEUE_BOARD_PATH, nationalAdminsOnly, adapter.getRouter());
}
