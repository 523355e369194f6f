import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { apiConfigSchema, loadConfig, type ApiConfig } from '@peduli/config';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { BEARER_AUTH } from './auth/bearer-auth';
import { bodyParserErrors, jsonBodyParser } from './common/body-parsing';
import { compressResponses } from './common/compression';
import { ApiExceptionFilter } from './common/exception.filter';
import { requestId } from './common/request-id';
import { apiLogger, requestLog } from './common/request-log';
import { refuseUnusableQueryText } from './common/text-checks';
import { createValidationPipe } from './common/validation';
import { httpMetrics } from './operations/http-metrics';
import { mountQueueBoard } from './operations/queue-board';
import { webAppIfBuilt } from './web-app/serve-web-app';
import { ProcessMetrics } from '@peduli/runtime';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
const JSON_LIMIT = '1mb';

/** Framework files (JSON, YAML or XLSX) arrive as the raw body; their routes read it with their own limit. */
const FRAMEWORK_FILE_ROUTE = new RegExp(`^/${API_PREFIX}/frameworks/(?:imports|versions/[^/]+/import)/?$`, 'i');
/** An answer workbook (XLSX) arrives the same way. */
const ANSWER_WORKBOOK_ROUTE = new RegExp(`^/${API_PREFIX}/submissions/[^/]+/workbook/?$`, 'i');
const readsOwnBody = (request: Request) =>
  request.method === 'POST' && (FRAMEWORK_FILE_ROUTE.test(request.path) || ANSWER_WORKBOOK_ROUTE.test(request.path));

/** Builds the HTTP application exactly as production runs it; tests use this too. */
export async function createApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Whose X-Forwarded-For to believe: request.ip is what the sign-in limits count, so behind an ingress it must be
  // the client's address, not the ingress's (TRUST_PROXY; loopback by default).
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(requestId());
  app.use(requestLog(apiLogger(config)));
  app.use(httpMetrics(app.get(ProcessMetrics)));
  app.use(compressResponses());
  // Security headers; the API serves JSON and the docs page only, so the docs' inline assets are the one exception.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'https:'] } } }));
  app.enableCors(
    config.CORS_ORIGINS.length > 0
      ? { origin: config.CORS_ORIGINS, credentials: false, exposedHeaders: ['x-request-id', 'content-disposition'] }
      : { origin: false },
  );
  mountQueueBoard(app);
  // The web app at / (when built); it steps aside for /api, /health, /metrics and /admin.
  for (const handler of webAppIfBuilt(config.WEB_DIR)) app.use(handler);
  app.use(refuseUnusableQueryText());
  app.use(jsonBodyParser(JSON_LIMIT, readsOwnBody));
  app.use(bodyParserErrors(JSON_LIMIT));
  setRoutePrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const document = buildApiDocument(app);
  documents.set(app, document);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}

const documents = new WeakMap<INestApplication, OpenAPIObject>();

/** The OpenAPI document an application made by createApp serves at /api/docs-json. */
export function apiDocumentOf(app: INestApplication): OpenAPIObject {
  const document = documents.get(app);
  if (!document) throw new Error('apiDocumentOf: this application was not made by createApp');
  return document;
}

function setRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
}

/**
 * Operation ids are what generated clients name their functions after, so they come from the controller and handler
 * names (`Submissions_create`) and stay put when routes or summaries are reworded.
 */
function operationId(controllerKey: string, methodKey: string): string {
  return `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;
}

/** Builds the OpenAPI document of an application whose routes are registered (createApp's, or a preview one). */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Peduli API')
      .setDescription(
        'Reporting and assessment API for Kabupaten/Kota Peduli HAM and RANHAM. Errors come back in the language ' +
          'of Accept-Language (id by default, en).',
      )
      .setVersion('1')
      .addBearerAuth(BEARER_AUTH)
      .build(),
    { operationIdFactory: operationId },
  );
  // A controller that forgot @ApiTags would land in an untitled group; its first path segment names its area instead.
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item as Record<string, { tags?: string[] } | undefined>)) {
      if (operation && typeof operation === 'object' && 'responses' in operation && !operation.tags?.length) {
        operation.tags = [path.replace(`/${API_PREFIX}/`, '/').split('/')[1] ?? 'api'];
      }
    }
  }
  return document;
}

/**
 * The same document without a database, Redis or a listening port: Nest's preview mode registers the modules and
 * routes but instantiates no provider. This is what `npm run generate -w @peduli/api-client` writes out.
 */
export async function createOfflineApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig('api', apiConfigSchema, {
    // Never connected to: preview mode creates no provider.
    DATABASE_URL: 'postgres://peduli@127.0.0.1:1/peduli',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: 'preview-only-secret-that-is-long-enough-for-hs256',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    setRoutePrefix(app);
    return buildApiDocument(app);
  } finally {
    await app.close();
  }
}
