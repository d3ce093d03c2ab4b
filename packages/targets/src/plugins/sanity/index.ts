import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { bearerAuth } from '../shared/auth';
import { elementFieldNames } from '../shared/element-fields';
import { checkPatterns } from '../shared/patterns';
import { pathSegment } from '../shared/url';

/** The dated API version of the mutation body below. */
const API_VERSION = 'v2021-06-07';

const SETTINGS: readonly SettingField[] = [
  { key: 'project_id', label: 'Project ID', type: 'string', required: true, example: 'zp7mbokg' },
  { key: 'dataset', label: 'Dataset', type: 'string', required: false, default: 'production' },
  {
    key: 'api_token',
    label: 'API token',
    type: 'string',
    required: true,
    secret: true,
    example: 'skAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    description: 'A robot token with Editor rights.',
  },
  {
    key: 'document_type',
    label: 'Document type',
    type: 'string',
    required: false,
    description: 'The `_type` of the documents; default: the element name (rsvp, event, group).',
  },
];

export const sanity: TargetPlugin = {
  kind: 'sanity',
  displayName: 'Sanity',
  category: 'cms',
  description: 'Mirrors elements as documents with a deterministic _id (createOrReplace; delete on delete).',
  docsUrl: 'https://www.sanity.io/docs/http-mutations',
  settings: SETTINGS,
  validate: (settings) => [
    ...validateSettings(SETTINGS, settings),
    ...checkPatterns(settings, {
      project_id: { pattern: /^[a-z0-9]+$/, message: 'must be lower-case letters and digits' },
      dataset: { pattern: /^[a-z0-9][a-z0-9_-]{0,63}$/, message: 'must be a dataset name' },
      document_type: { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, message: 'must be a schema type name' },
    }),
  ],
  prefill: ({ settings, element, trigger }) => {
    // The same element always maps to the same document, so retries and updates replace it.
    const documentId = `${element}-{{id}}`;
    const type =
      typeof settings.document_type === 'string' && settings.document_type !== ''
        ? settings.document_type
        : element;
    const body =
      trigger === 'delete'
        ? [{ key: 'mutations.0.delete.id', value: documentId }]
        : [
            { key: 'mutations.0.createOrReplace._id', value: documentId },
            // Validated as a plain name, so it can be written literally.
            { key: 'mutations.0.createOrReplace._type', value: type },
            ...elementFieldNames(element, trigger).map((name) => ({
              key: `mutations.0.createOrReplace.${name}`,
              value: `{{${name}}}`,
            })),
          ];
    return {
      method: 'POST',
      // The project ID is part of the host: validated above, so written literally.
      url: `https://${String(settings.project_id)}.api.sanity.io/${API_VERSION}/data/mutate/${pathSegment(settings.dataset)}`,
      headers: [bearerAuth('api_token')],
      body,
      includeElementData: false,
    };
  },
};
