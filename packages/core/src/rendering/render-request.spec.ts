import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import type { WebhookDefinition } from '../domain/webhook';
import { TemplateRenderError } from '../errors';
import { sampleElement } from '../catalog/sample-element';
import { renderRequest } from './render-request';

const webhook: WebhookDefinition = {
  id: 'wh-1',
  accountId: 'acc-1',
  name: 'Sign-ups to CRM',
  status: 'active',
  trigger: 'create',
  element: 'rsvp',
  method: 'POST',
  url: 'https://crm.example.com/events/{{event_id}}/signups',
  headers: [{ key: 'X-Api-Key', value: 'k-123', secret: true }],
  body: [
    { key: 'email', value: '{{email}}' },
    { key: 'seats', value: '{{ seats }}' },
    { key: 'seats_text', value: '{{ seats | plus: 0 }}' },
    { key: 'person.name', value: '{{ rsvp.name | upcase }}' },
    { key: 'items.0.id', value: '{{id}}' },
    { key: 'items.1.answers', value: '{{fields}}' },
  ],
  includeElementData: true,
};
const delivery = { id: 'del-1', timestamp: new Date('2025-03-02T16:05:01.000Z') };
const snapshot = sampleElement('rsvp');

function render(patch: Partial<WebhookDefinition> = {}, data: JsonObject = snapshot) {
  return renderRequest({ webhook: { ...webhook, ...patch }, snapshot: data, delivery });
}

describe('renderRequest', () => {
  it('renders method, url, headers and a JSON body beside element_data', () => {
    const request = render();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`https://crm.example.com/events/${String(snapshot['event_id'])}/signups`);
    expect(request.headers).toEqual({ 'x-api-key': 'k-123', 'content-type': 'application/json' });
    expect(JSON.parse(request.body ?? '')).toEqual({
      element_data: snapshot,
      email: 'ada@example.com',
      seats: 2,
      seats_text: '2',
      person: { name: 'ADA LOVELACE' },
      items: [{ id: snapshot['id'] }, { answers: snapshot['fields'] }],
    });
  });

  it('never writes a body key into the element data a lone variable copied', () => {
    const data: JsonObject = { ...snapshot, fields: { diet: 'vegan' } };
    const request = render(
      {
        body: [
          { key: 'answers', value: '{{fields}}' },
          { key: 'answers.extra', value: 'x' },
        ],
      },
      data,
    );
    expect(JSON.parse(request.body ?? '')).toMatchObject({
      element_data: { fields: { diet: 'vegan' } },
      answers: { diet: 'vegan', extra: 'x' },
    });
    expect(data['fields']).toEqual({ diet: 'vegan' });
  });

  it('keeps element_data out when include_element_data is false', () => {
    expect(JSON.parse(render({ includeElementData: false, body: [] }).body ?? '')).toEqual({});
  });

  it('sends only the id as element_data for a delete', () => {
    const request = renderRequest({
      webhook: { ...webhook, trigger: 'delete', url: 'https://x.example.com/{{rsvp.id}}', body: [] },
      snapshot: { id: 'r-9' },
      delivery,
    });
    expect(JSON.parse(request.body ?? '')).toEqual({ element_data: { id: 'r-9' } });
    expect(request.url).toBe('https://x.example.com/r-9');
  });

  it('puts body pairs and element_data in the query string for GET, with no body', () => {
    const request = render({ method: 'GET', url: 'https://x.example.com/hook?a=1' });
    expect(request.body).toBeUndefined();
    expect(request.headers['content-type']).toBeUndefined();
    const query = new URL(request.url).searchParams;
    expect(query.get('a')).toBe('1');
    expect(query.get('email')).toBe('ada@example.com');
    expect(query.get('seats')).toBe('2');
    expect(query.get('person.name')).toBe('ADA LOVELACE');
    expect(JSON.parse(query.get('element_data') ?? '')).toEqual(snapshot);
  });

  it('percent-encodes values inserted in the url', () => {
    const request = render(
      { url: 'https://x.example.com/p/{{ name }}?q={{ email }}' },
      { ...snapshot, name: 'a/b?c#d e' },
    );
    expect(request.url).toBe('https://x.example.com/p/a%2Fb%3Fc%23d%20e?q=ada%40example.com');
  });

  it("refuses a url where a value is a whole '.' or '..' path segment, which would change the path", () => {
    const url = 'https://x.example.com/users/{{ name }}/profile';
    for (const name of ['..', '.']) {
      const attempt = () => render({ url }, { ...snapshot, name });
      expect(attempt).toThrow(TemplateRenderError);
      expect(attempt).toThrow(/'\.' or '\.\.' segment/);
    }
    expect(render({ url }, { ...snapshot, name: '...' }).url).toBe('https://x.example.com/users/.../profile');
  });

  it('inserts settings into the url as they are', () => {
    const request = renderRequest({
      webhook: { ...webhook, url: '{{ settings.base_url }}/signups/{{ id }}' },
      snapshot,
      delivery,
      settings: { base_url: 'https://hooks.example.com/v1' },
    });
    expect(request.url).toBe(`https://hooks.example.com/v1/signups/${String(snapshot['id'])}`);
  });

  it('renders meta variables', () => {
    const request = render({
      body: [
        {
          key: 'meta',
          value:
            '{{delivery.id}}|{{delivery.timestamp}}|{{webhook.id}}|{{webhook.name}}|{{trigger}}|{{element}}',
        },
      ],
    });
    expect(JSON.parse(request.body ?? '')['meta']).toBe(
      'del-1|2025-03-02T16:05:01.000Z|wh-1|Sign-ups to CRM|create|rsvp',
    );
  });

  it('writes lone variables in headers as Liquid would', () => {
    const request = render(
      {
        headers: [
          { key: 'X-Seats', value: '{{ seats }}' },
          { key: 'X-Name', value: '{{name}}' },
        ],
      },
      { ...snapshot, name: null },
    );
    expect(request.headers['x-seats']).toBe('2');
    expect(request.headers['x-name']).toBe('');
  });

  it('percent-encodes line breaks and controls from the data, so they never split a header', () => {
    const request = render(
      { headers: [{ key: 'X-Name', value: 'n={{ name }}' }] },
      { ...snapshot, name: 'a\r\nX-Evil: 1\u0000\u007f\tb' },
    );
    expect(request.headers['x-name']).toBe('n=a%0D%0AX-Evil: 1%00%7F\tb');
  });

  it('percent-encodes characters beyond Latin-1 in header values as UTF-8 and keeps Latin-1', () => {
    const request = render(
      {
        headers: [
          { key: 'X-Name', value: '{{ name }}' },
          { key: 'X-Text', value: 'by {{ name }}' },
        ],
      },
      { ...snapshot, name: 'Zoë 日本 😀 \uD800' },
    );
    expect(request.headers['x-name']).toBe('Zoë %E6%97%A5%E6%9C%AC %F0%9F%98%80 %EF%BF%BD');
    expect(request.headers['x-text']).toBe('by Zoë %E6%97%A5%E6%9C%AC %F0%9F%98%80 %EF%BF%BD');
  });

  it('renders a custom answer that was not given as null alone and as nothing in text', () => {
    const request = render(
      {
        url: 'https://x.example.com/c/{{ fields.company }}',
        headers: [{ key: 'X-Company', value: '{{ fields.company }}' }],
        body: [
          { key: 'alone', value: '{{ fields.company }}' },
          { key: 'text', value: 'Company: {{ fields.company }}.' },
          { key: 'filtered', value: '{{ fields.company | upcase }}' },
          { key: 'given', value: "{{ fields.company | default: 'n/a' }}" },
        ],
      },
      { ...snapshot, fields: {} },
    );
    expect(request.url).toBe('https://x.example.com/c/');
    expect(request.headers['x-company']).toBe('');
    expect(JSON.parse(request.body ?? '')).toMatchObject({
      alone: null,
      text: 'Company: .',
      filtered: '',
      given: 'n/a',
    });
  });

  it('renders a list index past the end as null alone and as nothing in text', () => {
    const request = renderRequest({
      webhook: {
        ...webhook,
        element: 'event',
        url: 'https://x.example.com/e',
        body: [
          { key: 'second', value: '{{ dates[1].start }}' },
          { key: 'text', value: 'then {{ dates[1].start }}' },
        ],
      },
      snapshot: sampleElement('event'),
      delivery,
    });
    expect(JSON.parse(request.body ?? '')).toMatchObject({ second: null, text: 'then ' });
  });

  it('stops a runaway template at the limits', () => {
    const attempt = () =>
      render({ body: [{ key: 'x', value: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' }] });
    expect(attempt).toThrow(
      expect.objectContaining({ field: 'body[0].value', code: 'template_render_failed' }),
    );
  });

  it('stops a template whose output doubles in a capture loop at the output limit', () => {
    const doubling =
      `{% capture s %}${'x'.repeat(60)}{% endcapture %}` +
      '{% for a in (1..13) %}{% capture s %}{{s}}{{s}}{% endcapture %}{% endfor %}{{ s }}';
    const attempt = () => render({ body: [{ key: 'x', value: doubling }] });
    expect(attempt).toThrow(TemplateRenderError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'body[0].value' }));
    expect(attempt).toThrow(/output exceeds 262144 characters/);
  });

  it('stops a template that repeats a long literal at the output limit', () => {
    const repeating = `{% for a in (1..10) %}{% for b in (1..10) %}${'x'.repeat(6000)}{% endfor %}{% endfor %}`;
    const attempt = () => render({ headers: [{ key: 'X-Big', value: repeating }] });
    expect(attempt).toThrow(TemplateRenderError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'headers[0].value' }));
    expect(attempt).toThrow(/output exceeds 262144 characters/);
  });

  it('bounds what a capture holds even when little is written out', () => {
    const doubling =
      `{% capture s %}${'x'.repeat(60)}{% endcapture %}` +
      '{% for a in (1..13) %}{% capture s %}{{s}}{{s}}{% endcapture %}{% endfor %}{{ s | size }}';
    const attempt = () => render({ body: [{ key: 'x', value: doubling }] });
    expect(attempt).toThrow(TemplateRenderError);
    expect(attempt).toThrow(/output exceeds 262144 characters/);
  });

  it('keeps captures working below the output limit', () => {
    const request = render({
      body: [{ key: 'x', value: '{% capture s %}{{ name }}!{% endcapture %}{{ s }}{{ s }}' }],
    });
    expect(JSON.parse(request.body ?? '')['x']).toBe('Ada Lovelace!Ada Lovelace!');
  });

  it('never reads inherited properties', () => {
    const request = render({ body: [{ key: 'x', value: 'a{{ email.constructor }}b' }] });
    expect(JSON.parse(request.body ?? '')['x']).toBe('ab');
  });

  it('keeps a __proto__ key of the data as plain data', () => {
    const data = JSON.parse(
      '{"id":"r","event_id":"e","email":"a@b","name":"n","fields":{"__proto__":{"polluted":true}}}',
    ) as JsonObject;
    const request = render({ body: [{ key: 'f', value: '{{fields}}' }] }, data);
    const parsed = JSON.parse(request.body ?? '') as { f: Record<string, unknown> };
    expect(Object.prototype.hasOwnProperty.call(parsed.f, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
