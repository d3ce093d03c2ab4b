import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../domain/webhook';
import { validateWebhookTemplates, type WebhookTemplatesInput } from './validate-webhook-templates';

const valid: WebhookTemplatesInput = {
  element: 'rsvp',
  trigger: 'create',
  method: 'POST',
  url: 'https://crm.example.com/events/{{event_id}}/signups',
  headers: [
    { key: 'Authorization', value: 'Bearer abc' },
    { key: 'X-Delivery', value: '{{ delivery.id }}' },
  ],
  body: [
    { key: 'email', value: '{{email}}' },
    { key: 'properties.name', value: '{{ rsvp.name | upcase }}' },
    { key: 'items.0.seats', value: '{{seats}}' },
    { key: 'company', value: "{{ fields.company | default: 'n/a' }}" },
    { key: 'answers', value: '{% if fields.newsletter %}yes{% endif %}' },
  ],
};

function errorsFor(patch: Partial<WebhookTemplatesInput>) {
  return validateWebhookTemplates({ ...valid, ...patch });
}

describe('validateWebhookTemplates', () => {
  it('accepts a valid webhook', () => {
    expect(validateWebhookTemplates(valid)).toEqual([]);
  });

  it('reports a syntax error with the field', () => {
    const errors = errorsFor({ body: [{ key: 'a', value: 'Hi {{ name ' }] });
    expect(errors).toEqual([{ field: 'body[0].value', message: expect.stringContaining('syntax error') }]);
  });

  it('reports an unknown variable with a suggestion', () => {
    const errors = errorsFor({
      body: [
        { key: 'a', value: 'x' },
        { key: 'b', value: '{{ emial }}' },
      ],
    });
    expect(errors).toEqual([
      { field: 'body[1].value', message: "unknown variable 'emial' (did you mean 'email'?)" },
    ]);
  });

  it('accepts any custom answer, even one the sample data lacks, and still refuses catalog typos', () => {
    expect(
      errorsFor({
        url: 'https://x.example.com/c/{{ fields.vat_number }}',
        headers: [{ key: 'X-Vat', value: '{{ fields.vat_number }}' }],
        body: [{ key: 'vat', value: '{{ fields.vat_number }}' }],
      }),
    ).toEqual([]);
    expect(errorsFor({ url: 'https://x.example.com/{{ emial }}' })).toEqual([
      { field: 'url', message: "unknown variable 'emial' (did you mean 'email'?)" },
    ]);
  });

  it('refuses header and body templates that blow a limit on sample data', () => {
    const doubling =
      `{% capture s %}${'x'.repeat(60)}{% endcapture %}` +
      '{% for a in (1..13) %}{% capture s %}{{s}}{{s}}{% endcapture %}{% endfor %}{{ s | size }}';
    const repeating = `{% for a in (1..10) %}{% for b in (1..10) %}${'x'.repeat(6000)}{% endfor %}{% endfor %}`;
    expect(
      errorsFor({ headers: [{ key: 'X-Big', value: repeating }], body: [{ key: 'big', value: doubling }] }),
    ).toEqual([
      { field: 'headers[0].value', message: expect.stringContaining('output exceeds 262144 characters') },
      { field: 'body[0].value', message: expect.stringContaining('output exceeds 262144 characters') },
    ]);
  });

  it('reports unknown nested properties and unknown filters', () => {
    expect(errorsFor({ headers: [{ key: 'X', value: '{{ rsvp.nope }}' }] })[0]).toMatchObject({
      field: 'headers[0].value',
      message: expect.stringContaining("unknown variable 'nope' in 'rsvp'"),
    });
    expect(errorsFor({ body: [{ key: 'a', value: '{{ email | shout }}' }] })[0]).toMatchObject({
      field: 'body[0].value',
      message: expect.stringContaining('undefined filter: shout'),
    });
  });

  it('allows only the id in the element namespace for a delete', () => {
    const errors = errorsFor({
      trigger: 'delete',
      url: 'https://x.example.com/{{id}}',
      body: [{ key: 'e', value: '{{email}}' }],
    });
    expect(errors.map((e) => e.field)).toEqual(['body[0].value']);
    expect(
      errorsFor({ trigger: 'delete', url: 'https://x.example.com/{{rsvp.id}}', body: [], headers: [] }),
    ).toEqual([]);
  });

  it('accepts related data and update fields where the snapshot holds them', () => {
    const body = (value: string) => [{ key: 'v', value }];
    const accepted: [Partial<WebhookTemplatesInput>, string][] = [
      [{ element: 'rsvp' }, '{{ event.title }} {{ event.dates[0].start }} {{ group.name }} {{ rsvp.email }}'],
      [{ element: 'event' }, '{{ event.title }} {{ group.name }} {{ group.id }}'],
      [{ element: 'rsvp', trigger: 'update' }, '{{ previous.status }} {{ changed_fields | join: "," }}'],
      [{ element: 'event', trigger: 'update' }, '{{ previous.dates[0].start }} {{ group.name }}'],
    ];
    for (const [patch, value] of accepted) {
      expect(errorsFor({ ...patch, url: 'https://x.example.com/h', body: body(value) }), value).toEqual([]);
    }
  });

  it('refuses related data and update fields where the snapshot lacks them', () => {
    const message = (patch: Partial<WebhookTemplatesInput>, value: string) =>
      errorsFor({ ...patch, url: 'https://x.example.com/h', body: [{ key: 'v', value }] })[0]?.message;
    expect(message({ element: 'group' }, '{{ event.title }}')).toContain("unknown variable 'event'");
    // on a group webhook `group` is the group itself, which has no parent
    expect(message({ element: 'group' }, '{{ group.event }}')).toContain(
      "unknown variable 'event' in 'group'",
    );
    expect(message({ element: 'rsvp' }, '{{ previous.status }}')).toContain("unknown variable 'previous'");
    expect(message({ element: 'rsvp' }, '{{ changed_fields }}')).toContain(
      "unknown variable 'changed_fields'",
    );
    expect(message({ element: 'rsvp' }, '{{ event.rsvp_enabled }}')).toContain(
      "unknown variable 'rsvp_enabled' in 'event'",
    );
    expect(message({ element: 'rsvp' }, '{{ group.description }}')).toContain("in 'group'");
    expect(message({ element: 'rsvp', trigger: 'delete' }, '{{ event.title }}')).toContain(
      "unknown variable 'event'",
    );
    expect(message({ element: 'rsvp', trigger: 'update' }, '{{ previous.event.title }}')).toContain(
      "unknown variable 'event' in 'previous'",
    );
  });

  it('accepts list access into event dates and meta variables', () => {
    const errors = validateWebhookTemplates({
      ...valid,
      element: 'event',
      url: 'https://x.example.com/e/{{ id }}',
      body: [
        { key: 'first', value: '{{ dates[0].start }}' },
        { key: 'count', value: '{{ dates.size }}' },
        { key: 'loop', value: '{% for d in dates %}{{ d.location }}{{ forloop.index }}{% endfor %}' },
        { key: 'meta', value: '{{ trigger }} {{ element }} {{ webhook.name }} {{ delivery.timestamp }}' },
      ],
    });
    expect(errors).toEqual([]);
  });

  it('checks settings against the plugin settings keys when given', () => {
    const body = [{ key: 'token', value: '{{ settings.api_token }}' }];
    expect(errorsFor({ body, settingsKeys: ['api_token'] })).toEqual([]);
    expect(errorsFor({ body, settingsKeys: ['other'] })[0]?.message).toContain("unknown setting 'api_token'");
    expect(errorsFor({ body })).toEqual([]);
  });

  it('refuses partials and file access', () => {
    expect(errorsFor({ body: [{ key: 'a', value: "{% include '/etc/passwd' %}" }] })[0]?.message).toContain(
      'include',
    );
    expect(errorsFor({ body: [{ key: 'a', value: "{% render 'x' %}" }] })[0]?.message).toContain('render');
  });

  it.each([
    ['not-a-url', 'is not an absolute URL'],
    ['ftp://files.example.com/x', 'http:// or https://'],
    ['https://x.example.com/a b', 'spaces'],
    ['{{ email }}', 'is not an absolute URL'],
  ])('refuses the url %j', (url, message) => {
    expect(errorsFor({ url })).toEqual([{ field: 'url', message: expect.stringContaining(message) }]);
  });

  it('accepts a url that comes whole from a setting', () => {
    expect(errorsFor({ url: '{{ settings.webhook_url }}', settingsKeys: ['webhook_url'] })).toEqual([]);
  });

  it.each<[HeaderPair, string, string]>([
    [{ key: 'Bad Name', value: 'x' }, 'headers[0].key', 'token'],
    [{ key: 'X-A', value: 'a\r\nInjected: yes' }, 'headers[0].value', 'line breaks'],
    [{ key: 'X-A', value: 'nul\u0000' }, 'headers[0].value', 'control characters'],
    [{ key: 'webhook-signature', value: 'x' }, 'headers[0].key', 'set by hookrelay'],
    ...['Expect', 'Keep-Alive', 'upgrade', 'Proxy-Connection', 'TE', 'trailer'].map(
      (key): [HeaderPair, string, string] => [{ key, value: 'x' }, 'headers[0].key', 'set by hookrelay'],
    ),
  ])('refuses header %j', (header, field, message) => {
    expect(errorsFor({ headers: [header] })).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it('refuses duplicate header names, case-insensitively', () => {
    const errors = errorsFor({
      headers: [
        { key: 'X-A', value: '1' },
        { key: 'x-a', value: '2' },
      ],
    });
    expect(errors).toEqual([{ field: 'headers[1].key', message: expect.stringContaining('headers[0]') }]);
  });

  it.each([
    ['element_data', 'reserved'],
    ['element_data.id', 'reserved'],
    ['a..b', 'empty segment'],
    ['.a', 'empty segment'],
    ['', 'empty'],
    ['__proto__.polluted', 'not allowed'],
    ['a.constructor.prototype', 'not allowed'],
    ['a.prototype', 'not allowed'],
    ['items.1000', 'above'],
    ['items.01', 'leading zeros'],
  ])('refuses body key %j', (key, message) => {
    expect(errorsFor({ body: [{ key, value: 'x' }] })).toEqual([
      { field: 'body[0].key', message: expect.stringContaining(message) },
    ]);
  });

  it('refuses body keys that collide', () => {
    const errors = errorsFor({
      body: [
        { key: 'a', value: '1' },
        { key: 'a.b', value: '2' },
        { key: 'list.0', value: '3' },
        { key: 'list.name', value: '4' },
        { key: 'x', value: '5' },
        { key: 'x', value: '6' },
      ],
    });
    expect(errors.map((e) => e.field)).toEqual(['body[1].key', 'body[3].key', 'body[5].key']);
  });
});
