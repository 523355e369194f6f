import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { HttpStatus, INestApplication } from '@nestjs/common';
import { Role } from '@peduli/domain';
import { QueueName, QueueRegistry } from '@peduli/queue';
import type { NextFunction, Request, Response } from 'express';
import { AuthenticationService } from '../auth/authentication.service';

export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_SESSION_PATH = `${QUEUE_BOARD_PATH}/session`;
const COOKIE = 'peduli_queue_board';
/** An access token is about a kilobyte; anything much larger is not a sign-in. */
const MAX_FORM_BYTES = 8 * 1024;

const MESSAGES = {
  signIn:
    'Masuk sebagai admin nasional, lalu kirim access token Anda dengan POST /admin/queues/session (header Authorization: Bearer) atau lewat formulir di /admin/queues. / ' +
    'Sign in as a national admin, then send your access token with POST /admin/queues/session (Authorization: Bearer header) or through the form at /admin/queues.',
  nationalAdminsOnly: 'Dasbor antrean hanya untuk admin nasional. / The queue dashboard is for national admins only.',
  tokenInUrl:
    'Token di URL tidak lagi diterima (URL tersimpan di log dan riwayat peramban); kirim token dengan POST /admin/queues/session. / ' +
    'A token in the URL is no longer accepted (URLs end up in logs and browser history); send it with POST /admin/queues/session.',
  crossOrigin: 'Permintaan dari situs lain ditolak. / Requests from another site are refused.',
};

function cookieToken(request: Request): string | undefined {
  const pair = (request.headers.cookie ?? '').split(/;\s*/).find((part) => part.startsWith(`${COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(COOKIE.length + 1)) : undefined;
}

/** The `token` field of a small urlencoded form, read here because the dashboard sits before the API's body parsers. */
async function formToken(request: Request): Promise<string | undefined> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('token')?.trim() || undefined;
}

/** A page with a form that posts the token, so it never appears in a URL. No script: the API's CSP stays strict. */
function signInPage(): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Peduli: dasbor antrean / queue dashboard</title></head>
<body>
<h1>Dasbor antrean / Queue dashboard</h1>
<p>Untuk admin nasional: tempel access token Anda (dari POST /api/v1/auth/login) lalu tekan Masuk.<br>
For national admins: paste your access token (from POST /api/v1/auth/login) and press Sign in.</p>
<form method="post" action="${QUEUE_BOARD_SESSION_PATH}">
<label>Access token <input type="password" name="token" autocomplete="off" required size="60"></label>
<button type="submit">Masuk / Sign in</button>
</form>
</body></html>
`;
}

/** A browser may send the form from another site; its Origin (sent with every cross-site POST) says so. */
function fromAnotherSite(request: Request): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false; // not a browser's cross-site request (curl, a script)
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for national admins only. A browser cannot send a bearer header
 * on its own, so the access token is exchanged once, by POST /admin/queues/session (a Bearer header, or the form the
 * dashboard shows when signed out), for an HttpOnly, SameSite=Strict cookie scoped to the dashboard; the cookie is
 * Secure when the request came over TLS (directly, or through a trusted proxy's X-Forwarded-Proto). A token never
 * travels in a URL, where it would be kept in access logs and browser history. Every request, page or API call, is
 * checked again.
 */
export function mountQueueBoard(app: INestApplication): void {
  const queues = app.get(QueueRegistry);
  const authentication = app.get(AuthenticationService);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name))), serverAdapter: adapter });

  /** 'ok', or the answer already sent. */
  const admit = async (header: string | undefined, response: Response): Promise<'ok' | 'refused'> => {
    try {
      const principal = await authentication.authenticate(header);
      if (principal.grants.some((grant) => grant.role === Role.NATIONAL_ADMIN)) return 'ok';
      response.status(HttpStatus.FORBIDDEN).json({ message: MESSAGES.nationalAdminsOnly });
    } catch {
      response.status(HttpStatus.UNAUTHORIZED).json({ message: MESSAGES.signIn });
    }
    return 'refused';
  };

  const startSession = async (request: Request, response: Response, next: NextFunction) => {
    try {
      if (fromAnotherSite(request)) {
        response.status(HttpStatus.FORBIDDEN).json({ message: MESSAGES.crossOrigin });
        return;
      }
      const fromForm = request.headers.authorization ? undefined : await formToken(request);
      const token = fromForm ?? /^Bearer ([^\s]+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if ((await admit(token ? `Bearer ${token}` : undefined, response)) !== 'ok') return;
      response.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUE_BOARD_PATH, secure: request.secure });
      response.set('cache-control', 'no-store');
      if (fromForm) response.redirect(303, QUEUE_BOARD_PATH);
      else response.status(HttpStatus.NO_CONTENT).end();
    } catch (error) {
      next(error);
    }
  };

  const nationalAdminsOnly = async (request: Request, response: Response, next: NextFunction) => {
    if (request.query.token !== undefined) {
      response.status(HttpStatus.BAD_REQUEST).json({ message: MESSAGES.tokenInUrl });
      return;
    }
    const token = cookieToken(request);
    const header = request.headers.authorization ?? (token ? `Bearer ${token}` : undefined);
    if (!header && request.method === 'GET' && request.path === '/' && (request.headers.accept ?? '').includes('text/html')) {
      response.status(HttpStatus.UNAUTHORIZED).type('html').send(signInPage());
      return;
    }
    if ((await admit(header, response)) === 'ok') next();
  };

  app.use(QUEUE_BOARD_SESSION_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'POST' && request.path === '/') void startSession(request, response, next);
    else next();
  });
  app.use(QUEUE_BOARD_PATH, nationalAdminsOnly, adapter.getRouter());
}
