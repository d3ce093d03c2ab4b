import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeApi } from '../../test/fake-api';
import { renderConsole } from '../../test/render-console';

const GERMAN_NAV = ['Webhooks', 'Zustellungen', 'Ziele', 'Aktivität', 'API-Schlüssel'];
const ENGLISH_NAV = ['Webhooks', 'Deliveries', 'Targets', 'Activity', 'API keys'];

async function navLinkNames() {
  const nav = await screen.findByRole('navigation');
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('language', () => {
  it('?lang=de shows German, with the platform’s trigger names', async () => {
    const api = new FakeApi();
    renderConsole(api, '/webhooks/new?lang=de');

    expect(await navLinkNames()).toEqual(GERMAN_NAV);
    const trigger = await screen.findByLabelText('Auslöser');
    expect(
      within(trigger)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Neu', 'Update', 'Löschen']);
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
  });

  it('follows the browser’s language when the address names none', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-AT', 'en']);
    renderConsole(new FakeApi({ signedIn: false }));

    expect(await screen.findByLabelText('API-Schlüssel')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Anmelden' })).toBeInTheDocument();
  });

  it('switches at once and keeps the choice in the address', async () => {
    const api = new FakeApi();
    const { user } = renderConsole(api, '/?lang=de');
    expect(await navLinkNames()).toEqual(GERMAN_NAV);

    await user.selectOptions(screen.getByLabelText('Sprache'), 'English');

    expect(await navLinkNames()).toEqual(ENGLISH_NAV);
    expect(screen.getByRole('link', { name: 'New webhook' })).toBeInTheDocument();
    expect(new URL(window.location.href).searchParams.get('lang')).toBe('en');
  });
});
