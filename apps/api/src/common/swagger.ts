import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { orderParameters } from '../openapi/order-parameters';
import { addSessionSecurity } from '../openapi/session-security';
import { sortKeys } from '../openapi/sort-keys';

/**
 * The OpenAPI document of the app's controllers and DTOs, with the console session as a second way to
 * authenticate. Keys are sorted and parameters ordered, so the exported file (`npm run openapi`) and
 * `/docs-json` are the same text whichever compiler built the code.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('hookrelay admin API')
      .setDescription(
        'Manage elements (groups, events, RSVPs) and the webhooks they trigger. Errors are RFC 9457 ' +
          'problem+json; lists are cursor-paginated (newest first).',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An account API key (hr_...)' })
      .build(),
  );
  return sortKeys(orderParameters(addSessionSecurity(document)));
}

/** OpenAPI generated from the controllers and DTOs: UI at /docs, JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app));
}
