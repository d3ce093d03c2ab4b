import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers and DTOs: UI at /docs, JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
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
  SwaggerModule.setup('docs', app, document);
}
