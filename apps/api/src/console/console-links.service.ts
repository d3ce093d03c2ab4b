import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsoleSessionsService, type OpenedSession } from './console-sessions.service';
import { generateConsoleToken, hashConsoleToken } from './console-tokens';

export const LINK_LIFETIME = '10 minutes';

export type LinkSignIn =
  | { outcome: 'signed_in'; session: OpenedSession }
  /** Used, expired, or its API key was revoked. */
  | { outcome: 'gone' }
  | { outcome: 'unknown' };

@Injectable()
export class ConsoleLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: ConsoleSessionsService,
  ) {}

  /** A one-time sign-in token for the account, on behalf of the key that asked for it. */
  async create(owner: { accountId: string; apiKeyId: string }): Promise<{ token: string; expiresAt: Date }> {
    const token = generateConsoleToken();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM console_links WHERE account_id = $1 AND expires_at <= now()`, [
        owner.accountId,
      ]);
      const [row]: { expires_at: Date }[] = await manager.query(
        `INSERT INTO console_links (account_id, api_key_id, token_hash, expires_at)
         VALUES ($1, $2, $3, now() + $4::interval)
         RETURNING expires_at`,
        [owner.accountId, owner.apiKeyId, hashConsoleToken(token), LINK_LIFETIME],
      );
      return { token, expiresAt: row!.expires_at };
    });
  }

  /**
   * Consumes the link and opens a session of its account, in one transaction. The guarded UPDATE is the
   * only way to use a link, so two clicks racing get one session between them.
   */
  async signIn(token: string): Promise<LinkSignIn> {
    const tokenHash = hashConsoleToken(token);
    return this.dataSource.transaction(async (manager) => {
      // an UPDATE's result from TypeORM is [rows, count]
      const [[used]]: [{ account_id: string; api_key_id: string }[], number] = await manager.query(
        `UPDATE console_links l SET used_at = now()
           FROM api_keys k
          WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > now()
            AND k.id = l.api_key_id AND k.account_id = l.account_id AND k.revoked_at IS NULL
          RETURNING l.account_id, l.api_key_id`,
        [tokenHash],
      );
      if (!used) {
        const known: unknown[] = await manager.query(`SELECT 1 FROM console_links WHERE token_hash = $1`, [
          tokenHash,
        ]);
        return { outcome: known.length > 0 ? 'gone' : 'unknown' };
      }
      const session = await this.sessions.open(
        { accountId: used.account_id, apiKeyId: used.api_key_id },
        manager,
      );
      return { outcome: 'signed_in', session };
    });
  }
}
