import { type Logger } from 'pino';
import { type Pool } from 'pg';
import { PeriodicTask } from '../periodic-task';
import { RELEASE_STRANDED_HEADS_SQL } from './ordering';

/** Keys one run looks at; the next run goes on after the last. */
const KEYS_PER_RUN = 5000;

/**
 * Releases held jobs that are first of their ordering key and nobody released: every ending of a job
 * releases the next one in its own transaction, so this only finds work after a crash between the two
 * or a deletion by hand. Without it such a job would wait forever.
 */
export class HeldJobsSweeper extends PeriodicTask {
  private after = '';

  constructor(private readonly options: { pool: Pool; intervalMs: number; logger: Logger }) {
    super(options.intervalMs);
  }

  protected async run(): Promise<void> {
    const { pool, logger } = this.options;
    try {
      const { rows } = await pool.query<{ released: number; keys: number; last_key: string | null }>(
        RELEASE_STRANDED_HEADS_SQL,
        [this.after, KEYS_PER_RUN],
      );
      const row = rows[0];
      this.after = row && row.keys >= KEYS_PER_RUN && row.last_key ? row.last_key : '';
      if (row && row.released > 0)
        logger.warn({ released: row.released }, 'released held jobs that nobody released');
    } catch (error) {
      logger.warn({ err: error }, 'releasing stranded held jobs failed; will try again');
    }
  }
}
