/** One problem with one field of a webhook, e.g. `{ field: 'body[2].value', message: '...' }`. */
export interface FieldError {
  field: string;
  message: string;
}
