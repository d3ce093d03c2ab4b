import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../src/openapi/offline-document';
import { useTestApp } from './support/use-test-app';

interface Schema {
  $ref?: string;
  type?: string;
  description?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  allOf?: Schema[];
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Every /v1 route, as DESIGN §5 and the README list them. */
const ROUTES: Record<string, string[]> = {
  '/v1/groups': ['get', 'post'],
  '/v1/groups/{id}': ['delete', 'get', 'patch'],
  '/v1/events': ['get', 'post'],
  '/v1/events/{id}': ['delete', 'get', 'patch'],
  '/v1/events/{eventId}/rsvps': ['get', 'post'],
  '/v1/rsvps/{id}': ['delete', 'get', 'patch'],
  '/v1/webhooks': ['get', 'post'],
  '/v1/webhooks/{id}': ['delete', 'get', 'patch'],
  '/v1/webhooks/{id}/rotate-secret': ['post'],
  '/v1/webhooks/{id}/preview': ['post'],
  '/v1/webhooks/{id}/test': ['post'],
  '/v1/webhooks/{webhookId}/deliveries': ['get'],
  '/v1/webhooks/{webhookId}/replay': ['post'],
  '/v1/deliveries': ['get'],
  '/v1/deliveries/cancel': ['post'],
  '/v1/deliveries/{id}': ['get'],
  '/v1/deliveries/{id}/retry': ['post'],
  '/v1/deliveries/{id}/cancel': ['post'],
  '/v1/elements/{element}/{id}/activity': ['get'],
  '/v1/variables': ['get'],
  '/v1/targets': ['get'],
  '/v1/api-keys': ['get', 'post'],
  '/v1/api-keys/{id}': ['delete'],
  '/v1/console/sessions': ['post'],
  '/v1/console/session': ['delete', 'get'],
  '/v1/console/links': ['post'],
};

describe('OpenAPI document', () => {
  const { app } = useTestApp();
  let doc: Document;

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const found = doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    if (!found) throw new Error(`dangling ${schema.$ref}`);
    return found;
  };
  /** Property names, following $ref and allOf (inheritance). */
  const propertiesOf = (schema: Schema): string[] => {
    const resolved = resolve(schema);
    return [...Object.keys(resolved.properties ?? {}), ...(resolved.allOf ?? []).flatMap(propertiesOf)];
  };
  const responseSchema = (path: string, method: string, status: string): Schema => {
    const content = doc.paths[path]?.[method]?.responses[status]?.content;
    const schema = content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} has no ${status} response schema`);
    return schema;
  };

  beforeAll(async () => {
    doc = (await (await fetch(`${app.baseUrl}/docs-json`)).json()) as Document;
  });

  it('serves at /docs-json the document of apps/api/openapi.json, keys in the same order', async () => {
    const served = await (await fetch(`${app.baseUrl}/docs-json`)).text();
    const committed = await readFile(OPENAPI_FILE, 'utf8');
    expect(JSON.stringify(JSON.parse(served)), 'run `npm run openapi -w @hookrelay/api`').toBe(
      JSON.stringify(JSON.parse(committed)),
    );
  });

  it('lists every /v1 path with exactly its methods', () => {
    const served = Object.fromEntries(
      Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/v1/'))
        .map(([path, operations]) => [path, Object.keys(operations).sort()]),
    );
    expect(served).toEqual(ROUTES);
  });

  it('types the answer of webhook create as 201 with the webhook and its signing secret', () => {
    const schema = responseSchema('/v1/webhooks', 'post', '201');
    expect(propertiesOf(schema)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'url',
        'headers',
        'body',
        'target',
        'signing_secret',
        'created_at',
      ]),
    );
    expect(doc.paths['/v1/webhooks']?.post?.responses['200']).toBeUndefined();
  });

  it('shows rate_limit and the destination with its circuit in every webhook answer', () => {
    const answers: [string, string, string][] = [
      ['/v1/webhooks', 'post', '201'],
      ['/v1/webhooks/{id}', 'get', '200'],
      ['/v1/webhooks/{id}', 'patch', '200'],
      ['/v1/webhooks/{id}/rotate-secret', 'post', '200'],
    ];
    for (const [path, method, status] of answers) {
      expect(propertiesOf(responseSchema(path, method, status)), `${method} ${path}`).toEqual(
        expect.arrayContaining(['rate_limit', 'destination']),
      );
    }
    const page = resolve(responseSchema('/v1/webhooks', 'get', '200'));
    expect(propertiesOf(page.properties!.items!.items!)).toEqual(
      expect.arrayContaining(['rate_limit', 'destination']),
    );
    const webhook = resolve(responseSchema('/v1/webhooks/{id}', 'get', '200'));
    expect(webhook.properties!.rate_limit).toMatchObject({ type: 'integer', nullable: true });
    const destination = webhook.properties!.destination!;
    expect(destination.nullable).toBe(true);
    expect(propertiesOf(destination).sort()).toEqual(
      ['circuit', 'failures', 'last_failure', 'next_probe_at', 'opened_at', 'origin', 'paused_until'].sort(),
    );
    const rateLimitInput = doc.components.schemas.UpdateWebhookDto?.properties?.rate_limit;
    expect(rateLimitInput).toMatchObject({ type: 'integer', nullable: true });
    expect(rateLimitInput?.description).toContain('across all relays');
  });

  it('shows the delivery stats of each webhook in its list and its page', () => {
    const page = resolve(responseSchema('/v1/webhooks', 'get', '200'));
    for (const webhook of [
      page.properties!.items!.items!,
      responseSchema('/v1/webhooks/{id}', 'get', '200'),
    ]) {
      expect(propertiesOf(webhook)).toEqual(expect.arrayContaining(['id', 'destination', 'stats']));
      const stats = resolve(resolve(webhook).properties!.stats!);
      expect(Object.keys(stats.properties ?? {}).sort()).toEqual(
        ['dead_24h', 'deliveries_24h', 'delivered_24h', 'last_delivery', 'success_rate_24h'].sort(),
      );
    }
  });

  it('documents the console sign-in: the cookie, the CSRF header, and both ways into every /v1 route', () => {
    const schemes = (doc as unknown as { components: { securitySchemes: Record<string, unknown> } })
      .components.securitySchemes;
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'hookrelay_session' });
    expect(schemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    const security = (path: string, method: string) =>
      (doc.paths[path]?.[method] as unknown as { security: Record<string, string[]>[] }).security;
    expect(security('/v1/webhooks', 'get')).toEqual([{ bearer: [] }, { session: [] }]);
    expect(security('/v1/webhooks', 'post')).toEqual([{ bearer: [] }, { csrf: [], session: [] }]);
    expect(doc.paths['/v1/webhooks']?.post?.responses['403']).toBeDefined();
    expect(security('/v1/console/sessions', 'post')).toEqual([{ bearer: [] }]);
    expect(security('/v1/console/session', 'get')).toEqual([{ session: [] }]);
    expect(security('/v1/console/session', 'delete')).toEqual([{ csrf: [], session: [] }]);
    expect(propertiesOf(responseSchema('/v1/console/sessions', 'post', '201')).sort()).toEqual([
      'account_id',
      'csrf_token',
      'expires_at',
    ]);
    expect(propertiesOf(responseSchema('/v1/console/links', 'post', '201')).sort()).toEqual([
      'expires_at',
      'url',
    ]);
    expect(JSON.stringify(doc)).not.toContain('x-hookrelay-accepts');
  });

  it('shows the change (element, element_id, trigger) in every delivery answer', () => {
    const change = ['element', 'element_id', 'trigger'];
    for (const path of ['/v1/deliveries', '/v1/webhooks/{webhookId}/deliveries']) {
      const page = resolve(responseSchema(path, 'get', '200'));
      expect(propertiesOf(page.properties!.items!.items!), path).toEqual(expect.arrayContaining(change));
    }
    const answers: [string, string][] = [
      ['/v1/deliveries/{id}', 'get'],
      ['/v1/deliveries/{id}/retry', 'post'],
      ['/v1/deliveries/{id}/cancel', 'post'],
    ];
    for (const [path, method] of answers) {
      expect(propertiesOf(responseSchema(path, method, '200')), path).toEqual(expect.arrayContaining(change));
    }
  });

  it("documents the test button's attempt and the new deliveries routes with examples", () => {
    const nullableAttempt = resolve(responseSchema('/v1/webhooks/{id}/test', 'post', '200')).properties!
      .attempt!;
    expect(nullableAttempt.nullable).toBe(true);
    const attempt = resolve(nullableAttempt.allOf?.[0] ?? nullableAttempt);
    expect(Object.keys(attempt.properties ?? {}).sort()).toEqual(
      ['duration_ms', 'error', 'outcome', 'response_body', 'response_headers', 'response_status'].sort(),
    );
    const examples = (schema: Schema) =>
      Object.values(resolve(schema).properties ?? {}).filter((p) => 'example' in p).length;
    expect(examples(responseSchema('/v1/webhooks/{id}/test', 'post', '202'))).toBeGreaterThan(0);
    expect(examples(attempt)).toBe(6);
    expect(examples(responseSchema('/v1/deliveries/cancel', 'post', '200'))).toBe(1);
    const list = doc.paths['/v1/deliveries']?.get as unknown as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name).sort()).toEqual(
      ['cursor', 'element', 'element_id', 'limit', 'since', 'status', 'until', 'webhook_id'].sort(),
    );
    expect(Object.keys(doc.components.schemas.BulkCancelDto?.properties ?? {}).sort()).toEqual(
      ['since', 'status', 'until', 'webhook_id'].sort(),
    );
    expect(doc.components.schemas.TestWebhookDto?.properties?.element_id).toBeDefined();
  });

  it('types the answers of the main reads, writes and lists', () => {
    const expectations: [string, string, string, string[]][] = [
      ['/v1/groups', 'post', '201', ['id', 'name', 'description']],
      ['/v1/events/{id}', 'get', '200', ['id', 'group_id', 'dates', 'status']],
      ['/v1/rsvps/{id}', 'patch', '200', ['id', 'event_id', 'email', 'fields']],
      ['/v1/webhooks/{id}/preview', 'post', '200', ['method', 'url', 'headers', 'body']],
      ['/v1/webhooks/{id}/test', 'post', '200', ['delivery_id', 'status', 'attempt']],
      ['/v1/webhooks/{id}/test', 'post', '202', ['delivery_id', 'status', 'attempt']],
      ['/v1/deliveries/cancel', 'post', '200', ['cancelled']],
      ['/v1/deliveries/{id}', 'get', '200', ['status', 'attempts_log', 'snapshot']],
      ['/v1/webhooks/{webhookId}/replay', 'post', '202', ['replayed', 'delivery_ids']],
      ['/v1/variables', 'get', '200', ['variables']],
      ['/v1/targets', 'get', '200', ['items']],
      ['/v1/api-keys', 'post', '201', ['id', 'prefix', 'key']],
    ];
    for (const [path, method, status, properties] of expectations) {
      expect(propertiesOf(responseSchema(path, method, status)), `${method} ${path}`).toEqual(
        expect.arrayContaining(properties),
      );
    }
    // Lists are pages of the resource.
    const page = resolve(responseSchema('/v1/events/{eventId}/rsvps', 'get', '200'));
    expect(Object.keys(page.properties ?? {}).sort()).toEqual(['items', 'next_cursor']);
    expect(propertiesOf(page.properties!.items!.items!)).toContain('email');
    // Errors are problem+json with field errors.
    const problem = doc.paths['/v1/webhooks']?.post?.responses['400']?.content?.['application/json']?.schema;
    expect(propertiesOf(problem!)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'errors']));
  });
});
