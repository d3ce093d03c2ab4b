import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AccountsService } from './accounts/accounts.service';
import { AppModule } from './app.module';
import { useJsonBodyParser } from './common/body-parser';
import { withStartDetailAtDebug } from './common/logger';
import { ProblemFilter } from './common/problem.filter';
import { setupSwagger } from './common/swagger';
import { createValidationPipe } from './common/validation.pipe';
import { ApiConfig } from './config';
import { locateConsole } from './console/static/console-dir';
import { serveConsole } from './console/static/serve-console';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsService } from './metrics/metrics.service';

/** The whole API, configured; main.ts listens on it, tests listen on port 0. Migrations are the caller's. */
export async function createApp(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(withStartDetailAtDebug(app.get(Logger)));
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  const consoleFiles = locateConsole(config.consoleDir);
  if (!consoleFiles.dir) {
    const message = `no built console (index.html) in ${consoleFiles.candidates.join(', ')}: / says how to build it`;
    if (config.consoleDir) app.get(Logger).warn(message, 'Console');
    else app.get(Logger).log(message, 'Console');
  }
  app.use(serveConsole(consoleFiles.dir));
  useJsonBodyParser(app, config.bodyLimit);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  setupSwagger(app);
  if (config.bootstrapApiKey) await app.get(AccountsService).ensureBootstrapKey(config.bootstrapApiKey);
  return app;
}
