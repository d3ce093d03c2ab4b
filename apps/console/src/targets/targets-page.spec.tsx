import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../api/schema';
import { FakeApi, json } from '../../test/fake-api';
import { renderConsole } from '../../test/render-console';

type Target = components['schemas']['TargetResponse'];

function aTarget(kind: string, displayName: string, category: string): Target {
  return {
    kind,
    display_name: displayName,
    category,
    description: null,
    docs_url: null,
    settings: [],
    supports: null,
  };
}

const TARGETS = [
  aTarget('strapi', 'Strapi', 'cms'),
  aTarget('hubspot', 'HubSpot', 'crm'),
  aTarget('zapier', 'Zapier', 'automation'),
  aTarget('acme', 'Acme', 'ticketing'),
];

describe('the target gallery', () => {
  it('names each category in the chosen language, and a plugin’s own category as it is', async () => {
    const api = new FakeApi().on('GET', '/v1/targets', () => json(200, { items: TARGETS }));
    renderConsole(api, '/targets?lang=de');

    expect(await screen.findByRole('heading', { name: 'HubSpot' })).toBeInTheDocument();
    for (const category of ['CMS', 'CRM', 'Automatisierung', 'ticketing']) {
      expect(screen.getByText(category, { selector: '.card__category' })).toBeInTheDocument();
    }
  });
});
