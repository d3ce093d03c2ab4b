// Writes src/api/schema.d.ts from the API's OpenAPI document (apps/api/openapi.json).
//   node scripts/generate-api-types.mjs            regenerate
//   node scripts/generate-api-types.mjs --check    fail when the committed file is not what the document gives
//   node scripts/generate-api-types.mjs --input x  read another document (e.g. GET /docs-json of a running API)
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, UNKNOWN } from 'openapi-typescript';
import * as prettier from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = `${root}src/api/schema.d.ts`;
const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    input: { type: 'string', default: `${root}../api/openapi.json` },
  },
});

if (!existsSync(values.input)) {
  console.error(`${values.input} is missing: run \`npm run openapi -w @hookrelay/api\` first.`);
  process.exit(1);
}

const HEADER =
  '// Generated from apps/api/openapi.json by `npm run generate -w @hookrelay/console`. Do not edit.\n\n';
const document = JSON.parse(await readFile(values.input, 'utf8'));
// Nest documents JSON-valued properties (a filter's value, a variable's example) as a bare `type: object`,
// which JSON Schema reads as "any object" and openapi-typescript as an empty one: they are any JSON.
const isBareObject = (schema) =>
  schema.type === 'object' &&
  ['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'].every((key) => !(key in schema));
const ast = await openapiTS(document, {
  alphabetize: true,
  silent: true,
  // A default is what the API assumes when a field is left out: in requests it stays optional.
  defaultNonNullable: false,
  transform: (schema) => (isBareObject(schema) ? UNKNOWN : undefined),
});
const text = await prettier.format(HEADER + astToString(ast), {
  ...(await prettier.resolveConfig(output)),
  filepath: output,
});

if (values.check) {
  const committed = existsSync(output) ? await readFile(output, 'utf8') : '';
  if (committed !== text) {
    console.error(
      'src/api/schema.d.ts is not what apps/api/openapi.json gives: run `npm run generate -w @hookrelay/console`.',
    );
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches apps/api/openapi.json');
} else {
  await writeFile(output, text);
  console.log(`wrote ${output}`);
}
