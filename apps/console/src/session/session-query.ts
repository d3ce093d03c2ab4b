import type { QueryClient } from '@tanstack/react-query';
import type { Api } from '../api/client';
import type { ConsoleSession } from '../api/types';
import { isApiError, unwrap } from '../api/problem';

export type SessionState =
  | { state: 'signed-in'; session: ConsoleSession }
  /** `expired`: a request was refused mid-session, not a sign-out. */
  | { state: 'signed-out'; expired: boolean };

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(api: Api): Promise<SessionState> {
  try {
    return { state: 'signed-in', session: await unwrap(api.GET('/v1/console/session')) };
  } catch (error) {
    if (isApiError(error, 401)) return { state: 'signed-out', expired: false };
    throw error;
  }
}

export function currentCsrfToken(queryClient: QueryClient): string | null {
  const current = queryClient.getQueryData<SessionState>(SESSION_KEY);
  return current?.state === 'signed-in' ? current.session.csrf_token : null;
}

/** Forget the session and every answer cached under it. */
export function endSession(queryClient: QueryClient, { expired }: { expired: boolean }): void {
  const current = queryClient.getQueryData<SessionState>(SESSION_KEY);
  if (current?.state !== 'signed-in') return;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  const signedOut: SessionState = { state: 'signed-out', expired };
  queryClient.setQueryData(SESSION_KEY, signedOut);
}
