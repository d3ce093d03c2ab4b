import type { Request } from 'express';

/** What authenticated a request: an API key (Bearer), or a console session (cookie) opened with one. */
export type Credential =
  | { kind: 'api_key'; accountId: string; apiKeyId: string }
  | {
      kind: 'session';
      accountId: string;
      /** The key the session was opened with. */
      apiKeyId: string;
      sessionId: string;
      csrfToken: string;
      expiresAt: Date;
    };

export type CredentialKind = Credential['kind'];

export interface AuthenticatedRequest extends Request {
  accountId: string;
  credential: Credential;
}
