import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { entities } from '@hookrelay/db';
import { LoggerModule } from 'nestjs-pino';
import { AccountsService } from './accounts/accounts.service';
import { ActivityController } from './activity/activity.controller';
import { ActivityService } from './activity/activity.service';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthGuard } from './auth/auth.guard';
import { ApiKeysService } from './auth/api-keys.service';
import { loggerParams } from './common/logger';
import { API_CONFIG, ApiConfig } from './config';
import { ConsoleLinksController } from './console/console-links.controller';
import { ConsoleLinksService } from './console/console-links.service';
import { ConsoleSessionsController } from './console/console-sessions.controller';
import { ConsoleSessionsService } from './console/console-sessions.service';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DestinationsRepository } from './destinations/destinations.repository';
import { ElementWriter } from './elements/element-writer.service';
import { EventsController } from './elements/events/events.controller';
import { EventsService } from './elements/events/events.service';
import { GroupsController } from './elements/groups/groups.controller';
import { GroupsService } from './elements/groups/groups.service';
import { RsvpsController } from './elements/rsvps/rsvps.controller';
import { RsvpsService } from './elements/rsvps/rsvps.service';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { TargetsController } from './targets/targets.controller';
import { TargetsService } from './targets/targets.service';
import { VariablesController } from './variables/variables.controller';
import { WebhookSecrets } from './webhooks/webhook-secrets';
import { WebhookPreviewService } from './webhooks/webhook-preview.service';
import { WebhookStatsRepository } from './webhooks/webhook-stats.repository';
import { WebhookTestService } from './webhooks/webhook-test.service';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';
import { UrlSafetyChecker } from './webhooks/url-safety';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          entities,
          // The schema changes by migrations only (packages/db), run at start.
          synchronize: false,
          migrationsRun: false,
          logging: false,
        }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        GroupsController,
        EventsController,
        RsvpsController,
        WebhooksController,
        DeliveriesController,
        ActivityController,
        VariablesController,
        TargetsController,
        ApiKeysController,
        ConsoleSessionsController,
        ConsoleLinksController,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        ApiKeysService,
        ConsoleSessionsService,
        ConsoleLinksService,
        AccountsService,
        MetricsService,
        OutboxRepository,
        DestinationsRepository,
        ElementWriter,
        GroupsService,
        EventsService,
        RsvpsService,
        WebhookSecrets,
        UrlSafetyChecker,
        TargetsService,
        WebhooksService,
        WebhookPreviewService,
        WebhookTestService,
        WebhookStatsRepository,
        DeliveriesService,
        ActivityService,
      ],
    };
  }
}
