import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ApiConfig } from '@peduli/config';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { bodyParserErrors, jsonBodyParser } from './common/body-parsing';
import { ApiExceptionFilter } from './common/exception.filter';
import { requestId } from './common/request-id';
import { refuseUnusableQueryText } from './common/text-checks';
import { createValidationPipe } from './common/validation';
import { httpMetrics } from './operations/http-metrics';
import { mountQueueBoard } from './operations/queue-board';
import { ProcessMetrics } from '@peduli/runtime';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
const JSON_LIMIT = '1mb';

/** Framework files (JSON, YAML or XLSX) arrive as the raw body; their routes read it with their own limit. */
const FRAMEWORK_FILE_ROUTE = new RegExp(`^/${API_PREFIX}/frameworks/(?:imports|versions/[^/]+/import)/?$`, 'i');
const readsOwnBody = (request: Request) => request.method === 'POST' && FRAMEWORK_FILE_ROUTE.test(request.path);

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
  app.use(httpMetrics(app.get(ProcessMetrics)));
  // Security headers; the API serves JSON and the docs page only, so the docs' inline assets are the one exception.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'https:'] } } }));
  app.enableCors(
    config.CORS_ORIGINS.length > 0
      ? { origin: config.CORS_ORIGINS, credentials: false, exposedHeaders: ['x-request-id', 'content-disposition'] }
      : { origin: false },
  );
  mountQueueBoard(app);
  app.use(refuseUnusableQueryText());
  app.use(jsonBodyParser(JSON_LIMIT, readsOwnBody));
  app.use(bodyParserErrors(JSON_LIMIT));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Peduli API')
      .setDescription(
        'Reporting and assessment API for Kabupaten/Kota Peduli HAM and RANHAM. Errors come back in the language ' +
          'of Accept-Language (id by default, en).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}
