import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import type { ConsoleSession } from '../api/types';
import { unwrap } from '../api/problem';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { endSession, fetchSession, SESSION_KEY, type SessionState } from './session-query';
import { SignInPage } from './SignInPage';

interface SignedIn {
  session: ConsoleSession;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SignedIn | null>(null);

/** Shows the sign-in page until a session exists (a one-time link lands here already signed in). */
export function SessionGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: () => fetchSession(api), staleTime: Infinity });

  const signIn = useCallback(
    async (apiKey: string) => {
      const session = await unwrap(
        api.POST('/v1/console/sessions', { headers: { Authorization: `Bearer ${apiKey}` } }),
      );
      const signedIn: SessionState = { state: 'signed-in', session };
      queryClient.setQueryData(SESSION_KEY, signedIn);
    },
    [api, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.DELETE('/v1/console/session'));
    } finally {
      endSession(queryClient, { expired: false });
    }
  }, [api, queryClient]);

  const current = query.data;
  const signedIn = useMemo(
    () => (current?.state === 'signed-in' ? { session: current.session, signOut } : null),
    [current, signOut],
  );

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <main className="page page--narrow">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </main>
    );
  }
  if (!signedIn) {
    return <SignInPage onSignIn={signIn} expired={current?.state === 'signed-out' && current.expired} />;
  }
  return <SessionContext.Provider value={signedIn}>{children}</SessionContext.Provider>;
}

export function useSession(): SignedIn {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionGate');
  return session;
}
