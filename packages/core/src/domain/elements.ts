import type { EventStatus, RsvpStatus } from './vocabulary';

/** The events platform's elements, snake_case as on the wire and in snapshots. */

export interface GroupData {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventDate {
  name: string | null;
  start: string;
  end: string | null;
  time_zone: string;
  location: string | null;
  description: string | null;
}

export interface EventData {
  id: string;
  group_id: string | null;
  title: string;
  status: EventStatus;
  dates: EventDate[];
  rsvp_enabled: boolean;
  url: string | null;
  created_at: string;
  updated_at: string;
}

export interface RsvpData {
  id: string;
  event_id: string;
  email: string;
  name: string;
  status: RsvpStatus;
  seats: number;
  fields: Record<string, string | number | boolean>;
  created_at: string;
  updated_at: string;
}

export interface ElementDataByType {
  group: GroupData;
  event: EventData;
  rsvp: RsvpData;
}

/** A delete snapshot carries the id only. */
export interface DeletedElementData {
  id: string;
}
