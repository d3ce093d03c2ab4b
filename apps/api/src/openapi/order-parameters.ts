import type { OpenAPIObject } from '@nestjs/swagger';

interface Parameter {
  name?: string;
  in?: string;
}

const LOCATIONS = ['path', 'query', 'header', 'cookie'];

/**
 * Each operation's parameters in an order that does not depend on the compiler: path parameters as the
 * path names them (generated clients take them in that order), then query, header and cookie ones by
 * name. Nest lists method parameters in decorator application order, which tsc and SWC do not share.
 */
export function orderParameters(document: OpenAPIObject): OpenAPIObject {
  for (const [path, operations] of Object.entries(document.paths)) {
    const inPath = (name: string | undefined) => path.indexOf(`{${name}}`);
    for (const operation of Object.values(operations as Record<string, { parameters?: Parameter[] }>)) {
      if (!Array.isArray(operation?.parameters)) continue;
      operation.parameters = [...operation.parameters].sort(
        (a, b) =>
          LOCATIONS.indexOf(a.in ?? '') - LOCATIONS.indexOf(b.in ?? '') ||
          (a.in === 'path' ? inPath(a.name) - inPath(b.name) : 0) ||
          (a.name ?? '').localeCompare(b.name ?? '', 'en'),
      );
    }
  }
  return document;
}
