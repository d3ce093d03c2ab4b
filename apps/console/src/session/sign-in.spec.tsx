import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from '../../test/fake-api';
import { API_KEY, aWebhook } from '../../test/fixtures';
import { renderConsole } from '../../test/render-console';

function expectNothingStored() {
  expect(localStorage.length).toBe(0);
  expect(sessionStorage.length).toBe(0);
  expect(document.cookie).toBe('');
}

describe('sign-in', () => {
  it('sends the key once as a Bearer header, keeps it nowhere, and opens the console', async () => {
    const api = new FakeApi({ signedIn: false, webhooks: [aWebhook()] });
    const { user } = renderConsole(api);

    const field = await screen.findByLabelText('API key');
    await user.type(field, API_KEY);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const nav = await screen.findByRole('navigation');
    for (const name of ['Webhooks', 'Deliveries', 'Targets', 'Activity', 'API keys']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(await screen.findByRole('cell', { name: /Create · RSVP/ })).toBeInTheDocument();

    const carryingKey = api.requests.filter(
      (request) =>
        request.headers.get('authorization')?.includes(API_KEY) ||
        JSON.stringify(request.body ?? '').includes(API_KEY),
    );
    expect(carryingKey.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/console/sessions',
    ]);
    expectNothingStored();
    expect(document.body.textContent).not.toContain(API_KEY);
  });

  it('says a wrong key is not valid and clears the field', async () => {
    const api = new FakeApi({ signedIn: false });
    const { user } = renderConsole(api);

    const field = await screen.findByLabelText('API key');
    await user.type(field, 'hr_wrong_key');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('That API key is not valid.')).toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toHaveValue('');
    expect(screen.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'true');
    expectNothingStored();
  });

  it('opens signed in when the session cookie already exists (a one-time link landed here)', async () => {
    const api = new FakeApi({ signedIn: true, webhooks: [aWebhook()] });
    renderConsole(api);

    expect(await screen.findByRole('link', { name: 'New webhook' })).toBeInTheDocument();
    expect(screen.queryByLabelText('API key')).not.toBeInTheDocument();
  });

  it('returns to the sign-in page when a request is refused mid-session', async () => {
    const api = new FakeApi({ signedIn: true, webhooks: [aWebhook()] });
    const { user } = renderConsole(api);
    await screen.findByRole('link', { name: 'New webhook' });

    api.session = null;
    await user.click(screen.getByRole('link', { name: 'API keys' }));

    expect(await screen.findByLabelText('API key')).toBeInTheDocument();
    expect(screen.getByText('Your session ended. Sign in again.')).toBeInTheDocument();
  });
});
