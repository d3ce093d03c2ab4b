import 'reflect-metadata';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { createOpenApiDocument } from '../common/swagger';
import type { ApiConfig } from '../config';

/** Where `npm run openapi` writes the document, for the console's client generator (apps/api/openapi.json). */
export const OPENAPI_FILE = resolve(__dirname, '../../openapi.json');

// Preview mode builds the module graph without instantiating providers, so no value here is used: no
// database connection is opened and no secret is needed.
const PREVIEW_CONFIG: ApiConfig = {
  databaseUrl: 'postgres://preview.invalid/none',
  port: 0,
  encryptionKey: '',
  bootstrapApiKey: undefined,
  allowPrivateTargets: false,
  bodyLimit: '256kb',
  logLevel: 'silent',
  targetPlugins: undefined,
  testDeliveryWaitMs: 0,
  publicUrl: undefined,
  consoleDir: undefined,
  secureCookies: 'auto',
  trustProxy: false,
};

/** The document `/docs-json` serves, built without a database. */
export async function createOfflineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(PREVIEW_CONFIG), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

export function toOpenApiText(document: OpenAPIObject): string {
  return JSON.stringify(document, null, 2) + '\n';
}
