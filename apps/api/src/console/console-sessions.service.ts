import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { generateConsoleToken, hashConsoleToken } from './console-tokens';

/**
 * Fixed, not sliding: a session ends 12 h after sign-in however busy it is (a working day), so a stolen
 * cookie is worth at most that and reads need no write. A one-time link signs in again.
 */
export const SESSION_LIFETIME = '12 hours';

export interface LiveSession {
  id: string;
  accountId: string;
  apiKeyId: string;
  expiresAt: Date;
}

export interface OpenedSession extends LiveSession {
  /** The cookie's value; only its hash is stored. */
  token: string;
}

@Injectable()
export class ConsoleSessionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new session of the account, belonging to the key that signed in (directly or by a link). */
  async open(
    owner: { accountId: string; apiKeyId: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OpenedSession> {
    const token = generateConsoleToken();
    // The account's ended sessions go as new ones come: the table holds no more than its live sessions.
    await manager.query(`DELETE FROM console_sessions WHERE account_id = $1 AND expires_at <= now()`, [
      owner.accountId,
    ]);
    const [row]: { id: string; expires_at: Date }[] = await manager.query(
      `INSERT INTO console_sessions (account_id, api_key_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + $4::interval)
       RETURNING id, expires_at`,
      [owner.accountId, owner.apiKeyId, hashConsoleToken(token), SESSION_LIFETIME],
    );
    return {
      id: row!.id,
      accountId: owner.accountId,
      apiKeyId: owner.apiKeyId,
      expiresAt: row!.expires_at,
      token,
    };
  }

  /** The session of this cookie token, unless it expired or its API key was revoked since. */
  async findLive(token: string): Promise<LiveSession | undefined> {
    const rows: { id: string; account_id: string; api_key_id: string; expires_at: Date }[] =
      await this.dataSource.query(
        `SELECT s.id, s.account_id, s.api_key_id, s.expires_at
           FROM console_sessions s
           JOIN api_keys k ON k.id = s.api_key_id AND k.account_id = s.account_id
          WHERE s.token_hash = $1 AND s.expires_at > now() AND k.revoked_at IS NULL`,
        [hashConsoleToken(token)],
      );
    const row = rows[0];
    return (
      row && { id: row.id, accountId: row.account_id, apiKeyId: row.api_key_id, expiresAt: row.expires_at }
    );
  }

  async end(session: { id: string; accountId: string }): Promise<void> {
    await this.dataSource.query(`DELETE FROM console_sessions WHERE id = $1 AND account_id = $2`, [
      session.id,
      session.accountId,
    ]);
  }
}
