import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compiled-template';
import { ENGINES, TrustedUrlPart, type TemplateKind } from './liquid-engine';
import { renderText } from './render-template';

/** What Liquid itself writes (or the message it throws): the fast paths must give the same. */
function liquid(source: string, kind: TemplateKind, scope: object): string {
  try {
    return String(ENGINES[kind].renderSync(ENGINES[kind].parse(source), scope));
  } catch (error) {
    // renderText names the field first
    return `error: f: ${(error as Error).message}`;
  }
}

function rendered(source: string, kind: TemplateKind, scope: object): string {
  try {
    return renderText({ field: 'f', source, kind, scope });
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

const TEMPLATES = [
  'https://x.example.com/hook/{{id}}',
  'https://x.example.com/{{ a }}/{{b}}?q={{a}}',
  '{{a}}{{b}}',
  'pre {{ a.b }} post',
  'x {{ list[0] }} y',
  'x {{ list.0 }} y',
  'x {{ a | upcase }} y',
  'x {{- a }} y',
  'x {{ a.size }} y',
  'x {{ missing }} y',
  'x {{ a }} }} y',
  'x {% if a %}{{a}}{% endif %} y',
];

const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('a/b?c#d', '100%', 'lone \uD800 surrogate', '😀', ''),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('b', 'c'), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  fc.string({ maxLength: 10 }).map((text) => new TrustedUrlPart(text)),
);

describe('renderText', () => {
  it('uses the fast path for plain outputs and leaves filters, tags and whitespace control to Liquid', () => {
    expect(compileTemplate('https://x.example.com/{{ a }}/{{b.c}}', 'url').kind).toBe('interpolation');
    expect(compileTemplate('hello {{ name }}', 'text').kind).toBe('interpolation');
    for (const source of ['x {{ a | upcase }}', 'x {{- a }}', 'x {{ a.size }}', 'x {% if a %}{% endif %}'])
      expect(compileTemplate(source, 'url').kind).toBe('liquid');
  });

  it('writes exactly what Liquid writes, for every template, kind and value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        fc.constantFrom<TemplateKind>('text', 'url'),
        value,
        value,
        fc.array(value, { maxLength: 2 }),
        (source, kind, a, b, list) => {
          const scope = { id: a, a, b, list };
          expect(rendered(source, kind, scope)).toBe(liquid(source, kind, scope));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
