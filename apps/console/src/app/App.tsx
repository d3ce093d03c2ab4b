import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from '../api/api-context';
import { createApi } from '../api/client';
import { isApiError } from '../api/problem';
import { I18nProvider } from '../i18n/i18n-context';
import { SessionGate } from '../session/session-context';
import { currentCsrfToken, endSession } from '../session/session-query';
import { AppRoutes } from './AppRoutes';
import { AppShell } from './AppShell';

export interface AppProps {
  /** Defaults to the browser's fetch; tests answer like the API instead. */
  fetch?: (request: Request) => Promise<Response>;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // An answer of the API (4xx) stays what it is; only a lost connection is worth one more try.
        retry: (failures, error) => !isApiError(error) && failures < 1,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
    },
  });
}

export function App({ fetch }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  const [api] = useState(() =>
    createApi({
      baseUrl: window.location.origin,
      fetch,
      csrfToken: () => currentCsrfToken(queryClient),
      onSessionEnded: () => endSession(queryClient, { expired: true }),
    }),
  );
  return (
    <BrowserRouter>
      <I18nProvider>
        <ApiProvider api={api}>
          <QueryClientProvider client={queryClient}>
            <SessionGate>
              <AppShell>
                <AppRoutes />
              </AppShell>
            </SessionGate>
          </QueryClientProvider>
        </ApiProvider>
      </I18nProvider>
    </BrowserRouter>
  );
}
