/** A variable reference as liquidjs' static analysis reports it; nested arrays are computed indexes. */
export type SegmentArray = Array<string | number | SegmentArray>;
import type { FieldSpec } from '../catalog/field-spec';
import { suggestName } from './suggest-name';

const STRING_PROPERTIES = new Set(['size', 'first', 'last']);

function formatPath(segments: SegmentArray): string {
  return segments
    .map((segment, i) => {
      if (Array.isArray(segment)) return `[${formatPath(segment)}]`;
      if (typeof segment === 'number') return `[${segment}]`;
      return i === 0 ? segment : `.${segment}`;
    })
    .join('');
}

function unknown(name: string, known: readonly FieldSpec[], where: string): string {
  const suggestion = suggestName(
    name,
    known.map((field) => field.name),
  );
  const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  return `unknown variable '${name}'${where}${hint}`;
}

/**
 * Checks one variable reference (as liquidjs' static analysis reports it) against the scope's fields.
 * Returns a message for a person, or undefined when the path exists.
 * `settingsKeys` undefined = any setting is accepted.
 */
export function checkVariablePath(input: {
  segments: SegmentArray;
  fields: readonly FieldSpec[];
  settingsKeys?: readonly string[];
}): string | undefined {
  const [root, ...rest] = input.segments;
  if (typeof root !== 'string') return `variable '${formatPath(input.segments)}' is not supported`;
  let node = input.fields.find((field) => field.name === root);
  if (!node) return unknown(root, input.fields, '');
  let path = root;
  for (const segment of rest) {
    if (node.openKeys) {
      if (
        node.name === 'settings' &&
        path === 'settings' &&
        input.settingsKeys &&
        typeof segment === 'string'
      ) {
        if (!input.settingsKeys.includes(segment)) {
          const keys = input.settingsKeys.length > 0 ? input.settingsKeys.join(', ') : 'none';
          return `unknown setting '${segment}' (settings: ${keys})`;
        }
      }
      return undefined;
    }
    const label =
      typeof segment === 'string' ? segment : `[${Array.isArray(segment) ? formatPath(segment) : segment}]`;
    if (node.type === 'array') {
      if (segment === 'size') return undefined;
      if (typeof segment === 'string' && segment !== 'first' && segment !== 'last') {
        return `'${path}' is a list: use an index like ${path}[0] or ${path}.first, not '.${segment}'`;
      }
      node = {
        name: `${node.name} item`,
        type: 'object',
        description: '',
        example: null,
        fields: node.fields ?? [],
      };
    } else if (node.type === 'object' && node.fields) {
      if (segment === 'size') return undefined;
      const child: FieldSpec | undefined =
        typeof segment === 'string' ? node.fields.find((field) => field.name === segment) : undefined;
      if (!child)
        return typeof segment === 'string'
          ? unknown(segment, node.fields, ` in '${path}'`)
          : `'${path}' is not a list`;
      node = child;
    } else if (node.type === 'string' && typeof segment === 'string' && STRING_PROPERTIES.has(segment)) {
      return undefined;
    } else {
      return `'${path}' is a ${node.type} and has no '${label}'`;
    }
    path = `${path}.${label}`;
  }
  return undefined;
}
