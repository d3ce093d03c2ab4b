import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { createOfflineOpenApiDocument, OPENAPI_FILE, toOpenApiText } from './offline-document';

/** `npm run openapi -w @hookrelay/api`: writes the OpenAPI document to apps/api/openapi.json. */
async function main(): Promise<void> {
  const document = await createOfflineOpenApiDocument();
  await writeFile(OPENAPI_FILE, toOpenApiText(document));
  console.log(`wrote ${relative(process.cwd(), OPENAPI_FILE) || OPENAPI_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
