import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../domain/json';
import type { WebhookDefinition } from '../domain/webhook';
import { toWellFormed } from '../templating/liquid-engine';
import { TemplateRenderError } from '../errors';
import { renderRequest } from './render-request';

/** Strings that break naive JSON or HTML building. */
const nastyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '"',
    '\\',
    '\n',
    '\r\n',
    '\u0000',
    '</script>',
    '"},{"x":1',
    '😀👩‍👩‍👧',
    '\u2028\u2029',
    '{{ email }}',
    '{% raw %}',
    'lone \uD800 surrogate',
    '.',
    '..',
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);
const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'),
);
const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const rsvp = fc.record({
  id: fc.uuid(),
  event_id: fc.uuid(),
  email: nastyString,
  name: nastyString,
  status: fc.constantFrom('yes', 'maybe', 'no'),
  seats: fc.integer({ min: 0, max: 1000 }),
  fields: fc.dictionary(key, fc.oneof(nastyString, fc.integer(), fc.boolean()), { maxKeys: 5 }),
  extra: jsonValue,
}) as fc.Arbitrary<JsonObject>;

const webhook: WebhookDefinition = {
  id: 'wh',
  accountId: 'acc',
  name: 'prop',
  status: 'active',
  trigger: 'update',
  element: 'rsvp',
  method: 'POST',
  url: 'https://x.example.com/r/{{ id }}/{{ name }}',
  headers: [],
  body: [
    { key: 'email', value: '{{ email }}' },
    { key: 'greeting', value: 'Hello "{{ name }}" <{{ email }}>' },
    { key: 'nested.seats', value: '{{ seats }}' },
    { key: 'nested.list.0', value: '{{ fields }}' },
    { key: 'extra', value: '{{ extra }}' },
  ],
  includeElementData: true,
};
const delivery = { id: 'd', timestamp: new Date(0) };

/** A name of only one or two dots would be a '.' or '..' segment in the url: refused, not rendered. */
const isDotSegment = (value: JsonValue | undefined) => value === '.' || value === '..';

describe('renderRequest over random element data', () => {
  it('always produces valid JSON whose element_data equals the snapshot and whose values round-trip', () => {
    fc.assert(
      fc.property(rsvp, (snapshot) => {
        if (isDotSegment(snapshot['name'])) {
          expect(() => renderRequest({ webhook, snapshot, delivery })).toThrow(TemplateRenderError);
          return;
        }
        const request = renderRequest({ webhook, snapshot, delivery });
        const body = JSON.parse(request.body ?? '') as Record<string, JsonValue>;
        expect(body['element_data']).toEqual(snapshot);
        expect(body['email']).toBe(snapshot['email']);
        expect(body['greeting']).toBe(`Hello "${String(snapshot['name'])}" <${String(snapshot['email'])}>`);
        expect(body['nested']).toEqual({ seats: snapshot['seats'], list: [snapshot['fields']] });
        expect(body['extra']).toEqual(snapshot['extra']);
        // The id and name stay inside one path segment of the URL.
        const path = new URL(request.url).pathname.split('/');
        expect(path.length).toBe(4);
        expect(decodeURIComponent(path[3] ?? '')).toBe(toWellFormed(String(snapshot['name'])));
      }),
      { numRuns: 150 },
    );
  });

  it('puts the same values in the query string for GET', () => {
    fc.assert(
      fc.property(rsvp, (snapshot) => {
        fc.pre(!isDotSegment(snapshot['name']));
        const request = renderRequest({ webhook: { ...webhook, method: 'GET' }, snapshot, delivery });
        const query = new URL(request.url).searchParams;
        expect(query.get('email')).toBe(toWellFormed(String(snapshot['email'])));
        expect(JSON.parse(query.get('element_data') ?? '')).toEqual(snapshot);
      }),
      { numRuns: 100 },
    );
  });
});
