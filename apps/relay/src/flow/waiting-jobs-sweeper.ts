import { retryWindowsMs } from '@hookrelay/core';
import { type Logger } from 'pino';
import { parseScheduleOr } from '../delivery/deliverable-webhook';
import { type BlockedWebhook, type DestinationStore } from '../outbox/destination-store';
import { PeriodicTask } from '../periodic-task';

/**
 * Jobs waiting on an open circuit spend no attempts, so their schedule alone would never end them: on a
 * timer, those whose schedule's time has passed die, with the reason.
 */
export class WaitingJobsSweeper extends PeriodicTask {
  constructor(
    private readonly options: {
      store: DestinationStore;
      defaultSchedule: readonly number[];
      intervalMs: number;
      logger: Logger;
    },
  ) {
    super(options.intervalMs);
  }

  protected async run(): Promise<void> {
    const { store, defaultSchedule, logger } = this.options;
    try {
      const blocked = await store.blockedWebhooks();
      const expired = await store.expireWaitingJobs(
        blocked.map((webhook) => {
          const schedule = parseScheduleOr(webhook.retrySchedule, defaultSchedule);
          return {
            webhookId: webhook.id,
            windows: retryWindowsMs(schedule),
            lastWindow: schedule[schedule.length - 1] ?? 0,
            reason: reasonOf(webhook),
          };
        }),
      );
      if (expired > 0)
        logger.info({ expired }, 'jobs waiting on a blocked destination outlived their schedule');
    } catch (error) {
      logger.warn({ err: error }, 'expiring jobs of blocked destinations failed; will try again');
    }
  }
}

function reasonOf(webhook: BlockedWebhook): string {
  const detail = webhook.lastFailure ? ` (${webhook.lastFailure})` : '';
  return `gave up: ${webhook.origin} was unreachable${detail} past the retry schedule`;
}
