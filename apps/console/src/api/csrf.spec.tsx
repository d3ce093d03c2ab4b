import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from '../../test/fake-api';
import { aWebhook, SESSION } from '../../test/fixtures';
import { renderConsole } from '../../test/render-console';

describe('requests after sign-in', () => {
  it('carry the session’s CSRF token on writes only, and no API key', async () => {
    const api = new FakeApi({ webhooks: [aWebhook({ name: 'Mirror', status: 'active' })] });
    const { user } = renderConsole(api);

    const toggle = await screen.findByRole('switch', { name: 'Active: Mirror' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(await screen.findByRole('switch', { name: 'Active: Mirror', checked: false })).toBeInTheDocument();

    const patch = api.writes().find((request) => request.method === 'PATCH');
    expect(patch?.path).toBe(`/v1/webhooks/${aWebhook().id}`);
    expect(patch?.body).toEqual({ status: 'disabled' });
    expect(patch?.headers.get('x-csrf-token')).toBe(SESSION.csrf_token);

    const reads = api.requests.filter((request) => request.method === 'GET');
    expect(reads.length).toBeGreaterThan(0);
    for (const request of api.requests) {
      expect(request.headers.get('authorization')).toBeNull();
      if (request.method === 'GET') expect(request.headers.get('x-csrf-token')).toBeNull();
    }
  });

  it('sign out sends DELETE /v1/console/session with the token and shows the sign-in page', async () => {
    const api = new FakeApi({ webhooks: [] });
    const { user } = renderConsole(api);

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByLabelText('API key')).toBeInTheDocument();
    const signOut = api.writes().at(-1);
    expect(`${signOut?.method} ${signOut?.path}`).toBe('DELETE /v1/console/session');
    expect(signOut?.headers.get('x-csrf-token')).toBe(SESSION.csrf_token);
  });
});
