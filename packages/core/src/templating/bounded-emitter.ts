import { toValue, type Emitter } from 'liquidjs';

/** What Liquid writes for a value (liquidjs' own `stringify`, which it does not export). */
function stringify(value: unknown): string {
  const plain: unknown = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map((item) => stringify(item)).join('');
  return String(plain);
}

/**
 * Collects rendered output and throws as soon as it grows beyond `limit` characters, so a loop of
 * literals or doubling captures stops within one step instead of filling the heap.
 */
export class BoundedEmitter implements Emitter {
  buffer = '';
  constructor(private readonly limit: number) {}

  write(html: unknown): void {
    const text = stringify(html);
    if (this.buffer.length + text.length > this.limit)
      throw new Error(`output exceeds ${this.limit} characters (TEMPLATE_LIMITS.outputLimit)`);
    this.buffer += text;
  }
}
