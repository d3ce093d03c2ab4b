import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/App';
import type { FakeApi } from './fake-api';

/** The whole console at `path`, talking to `api` instead of the network. */
export function renderConsole(api: FakeApi, path = '/') {
  window.history.replaceState(null, '', path);
  const user = userEvent.setup();
  const view = render(<App fetch={api.fetch} />);
  return { user, ...view };
}
