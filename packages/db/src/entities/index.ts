import { AccountEntity } from './account.entity';
import { ApiKeyEntity } from './api-key.entity';
import { ConsoleLinkEntity } from './console-link.entity';
import { ConsoleSessionEntity } from './console-session.entity';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { DestinationEntity } from './destination.entity';
import { ElementSnapshotEntity } from './element-snapshot.entity';
import { EventEntity } from './event.entity';
import { GroupEntity } from './group.entity';
import { RsvpEntity } from './rsvp.entity';
import { WebhookEntity } from './webhook.entity';

export type { StoredHeader, StoredRetiredSecret } from './webhook.entity';

export {
  AccountEntity,
  ApiKeyEntity,
  ConsoleLinkEntity,
  ConsoleSessionEntity,
  DeliveryAttemptEntity,
  DeliveryEntity,
  DestinationEntity,
  ElementSnapshotEntity,
  EventEntity,
  GroupEntity,
  RsvpEntity,
  WebhookEntity,
};

/** Every entity, for a DataSource's `entities` option. */
export const entities = [
  AccountEntity,
  ApiKeyEntity,
  GroupEntity,
  EventEntity,
  RsvpEntity,
  DestinationEntity,
  WebhookEntity,
  ElementSnapshotEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
  ConsoleSessionEntity,
  ConsoleLinkEntity,
];
