import fc from 'fast-check';

/** `depth` nested arrays around a string: deep structures stress recursive validators and transformers. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { deeper: value };
  return value;
}

/** JSON.parse makes `__proto__` an own key, the way a hostile client's body arrives. */
export const protoObject = (): unknown =>
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

const templateShards = [
  '{{',
  '}}',
  '{%',
  '{% for i in (1..100000000) %}x{% endfor %}',
  '{{ constructor }}',
  '{{ __proto__ }}',
  '{{ name.constructor.name }}',
  "{% include '/etc/passwd' %}",
  '{{ nope_variable }}',
  '{{ name | nope_filter }}',
];

/** Input classes that made the API answer 500 until f2ad4e9; kept as regression cases on every endpoint. */
export const FORMER_500_INPUTS = {
  nulByte: 'a\u0000b',
  loneSurrogate: 'a\ud800b',
  deepNesting: nested(3_000),
} as const;

/** Values nobody should send: wrong types, NUL bytes, lone surrogates, huge and deeply nested input. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom('\ud800', 'a\udfffb', '\u202e\u0000', 'é\u0301', '🦄'.repeat(50), '\r\nX-Injected: 1'),
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 20, max: 3_000 }).map(nested),
  fc.constantFrom(...templateShards),
  fc.constant(protoObject()),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
);

/**
 * Mostly the valid value, sometimes a hostile one, sometimes absent: objects with many fields then still
 * come out valid often enough to reach the service and the database, not only the validator.
 */
export function fieldOf<T>(valid: fc.Arbitrary<T>, validWeight = 6): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: validWeight, arbitrary: valid },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A request body: a near-valid object (most informative), random JSON, or raw text that is not JSON. */
export function bodyOf(nearValid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  const text = (v: unknown) => JSON.stringify(v) ?? 'null';
  return fc.oneof(
    { weight: 6, arbitrary: nearValid.map(text) },
    { weight: 1, arbitrary: fc.jsonValue().map(text) },
    { weight: 1, arbitrary: hostileValue.map(text) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.integer({ min: 10, max: 100_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
        fc.integer({ min: 10, max: 50_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
        fc.constant('{"name": "x", "name": {"__proto__": {"polluted": true}}}'),
      ),
    },
  );
}

/** Builds a record, dropping fields whose value came out undefined. */
export function recordOf(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(fields)
    .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}
