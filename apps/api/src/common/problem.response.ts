import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'headers[1].key' }) field!: string;
  @ApiProperty() message!: string;
}

/** RFC 9457 problem details (served as application/problem+json). */
export class ProblemResponse {
  @ApiProperty({ example: 'https://hookrelay.dev/problems/validation' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
}

/** The error answers every authenticated resource may give. */
export function ApiProblems(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiBadRequestResponse({
      type: ProblemResponse,
      description: 'Invalid input (problem+json with `errors`)',
    }),
    ApiUnauthorizedResponse({ type: ProblemResponse, description: 'Missing or unknown API key' }),
    ApiNotFoundResponse({ type: ProblemResponse, description: 'No such resource in this account' }),
  );
}
