import type { FieldError } from './problem';

/** Deeper than any body of this API needs; bounds the recursion of validation and transformation. */
export const MAX_BODY_DEPTH = 32;

// PostgreSQL refuses U+0000 in text and jsonb, and lone surrogates in jsonb: refuse them up front (400).
// In a `u` regex a surrogate pair is one code point, so \p{Surrogate} matches lone surrogates only.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|\p{Surrogate}/u;

function problemOf(text: string): string | undefined {
  if (!UNSTORABLE.test(text)) return undefined;
  return text.includes('\u0000')
    ? 'must not contain NUL characters (\\u0000)'
    : 'must be well-formed Unicode (no lone surrogate \\uD800-\\uDFFF)';
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The first thing in a parsed JSON body that can't be stored or is nested too deeply, as a field error
 * (`dates[0].name`); undefined when the body is fine. Iterative, so a hostile depth can't overflow it.
 */
export function findJsonBodyProblem(body: unknown): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = problemOf(value);
      if (problem) return { field: path || 'body', message: problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH)
      return { field: path || 'body', message: `is nested more than ${MAX_BODY_DEPTH} levels deep` };
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: childPath(path, i), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = problemOf(key);
      if (keyProblem) return { field: path || 'body', message: `keys ${keyProblem}` };
      stack.push({ value: item, path: childPath(path, key), depth: depth + 1 });
    }
  }
  return undefined;
}
