import { ApiError } from '../api/problem';

/** What to tell a person about a failure: the problem's detail, or the error's own message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fieldErrors.map((field) => `${field.field}: ${field.message}`).join('; ');
    return fields || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
