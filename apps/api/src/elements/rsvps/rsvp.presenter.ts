import type { RsvpData } from '@hookrelay/core';
import { RsvpEntity } from '@hookrelay/db';

export function toRsvpData(rsvp: RsvpEntity): RsvpData {
  return {
    id: rsvp.id,
    event_id: rsvp.eventId,
    email: rsvp.email,
    name: rsvp.name,
    status: rsvp.status,
    seats: rsvp.seats,
    fields: rsvp.fields,
    created_at: rsvp.createdAt.toISOString(),
    updated_at: rsvp.updatedAt.toISOString(),
  };
}
