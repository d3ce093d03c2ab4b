import { ApiProperty } from '@nestjs/swagger';
import { ELEMENT_TYPES, TRIGGERS } from '@hookrelay/core';
import type { ElementType, Trigger, VariableInfo } from '@hookrelay/core';

export class VariableResponse {
  @ApiProperty({ example: 'event.dates[0].start' }) name!: string;
  @ApiProperty({ example: 'string', enum: ['string', 'number', 'boolean', 'array', 'object'] }) type!: string;
  @ApiProperty({ example: 'Start (ISO 8601); of the first item of event.dates ([0] is the first, …)' })
  description!: string;
  @ApiProperty({ description: 'An example value (any JSON).', example: '2025-06-12T18:00:00.000Z' })
  example!: unknown;
}

export class VariablesResponse {
  @ApiProperty({ enum: ELEMENT_TYPES }) element!: ElementType;
  @ApiProperty({ enum: TRIGGERS }) trigger!: Trigger;
  @ApiProperty({ type: String, nullable: true, example: 'wordpress', description: 'The `target` asked for.' })
  target!: string | null;
  @ApiProperty({
    type: [VariableResponse],
    example: [
      {
        name: 'email',
        type: 'string',
        description: 'Email address of the person',
        example: 'ada@example.com',
      },
      {
        name: 'event.title',
        type: 'string',
        description: 'Event title',
        example: 'TypeScript 6 launch party',
      },
      {
        name: 'group.name',
        type: 'string',
        description: 'Group name',
        example: 'Amsterdam TypeScript Meetup',
      },
      {
        name: 'settings.site_url',
        type: 'string',
        description: 'Site URL',
        example: 'https://blog.example.com',
      },
    ],
  })
  variables!: VariableInfo[];
}
