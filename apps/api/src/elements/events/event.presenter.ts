import type { EventData, EventDate } from '@hookrelay/core';
import { EventEntity } from '@hookrelay/db';
import { EventDateDto } from './event.dto';

export function toEventDate(date: EventDateDto): EventDate {
  return {
    name: date.name ?? null,
    start: date.start,
    end: date.end ?? null,
    time_zone: date.time_zone,
    location: date.location ?? null,
    description: date.description ?? null,
  };
}

export function toEventData(event: EventEntity): EventData {
  return {
    id: event.id,
    group_id: event.groupId,
    title: event.title,
    status: event.status,
    dates: event.dates,
    rsvp_enabled: event.rsvpEnabled,
    url: event.url,
    created_at: event.createdAt.toISOString(),
    updated_at: event.updatedAt.toISOString(),
  };
}
