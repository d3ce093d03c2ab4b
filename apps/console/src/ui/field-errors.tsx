import { createContext, useContext, type ReactNode } from 'react';
import type { FieldError } from '../api/types';

/** The API's validation errors by field path (`url`, `headers[0].value`, `filter[1].value`). */
export type FieldErrors = ReadonlyMap<string, readonly string[]>;

export function toFieldErrors(errors: readonly FieldError[]): FieldErrors {
  const byField = new Map<string, string[]>();
  for (const { field, message } of errors) byField.set(field, [...(byField.get(field) ?? []), message]);
  return byField;
}

function slug(path: string): string {
  return path.replace(/[^A-Za-z0-9_-]/g, '_');
}

interface FormErrors {
  formId: string;
  errors: FieldErrors;
}

const FormErrorsContext = createContext<FormErrors>({ formId: 'form', errors: new Map() });

/** Gives the fields of one form its errors and a prefix for the ids that tie errors to controls. */
export function FormErrorsProvider({ formId, errors, children }: FormErrors & { children: ReactNode }) {
  return <FormErrorsContext.Provider value={{ formId, errors }}>{children}</FormErrorsContext.Provider>;
}

export function useFormErrors(): FormErrors & {
  /** The DOM id of the control that edits a field path. */
  fieldId: (path: string) => string;
  errorId: (path: string) => string;
  /**
   * aria-invalid and aria-describedby for a control: its hint, then the errors of its path and of
   * `alsoPaths` (a row's own errors on its first input).
   */
  describe: (
    path: string,
    options?: { hintId?: string; alsoPaths?: readonly string[] },
  ) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
} {
  const { formId, errors } = useContext(FormErrorsContext);
  const errorId = (path: string) => `${formId}-error-${slug(path)}`;
  return {
    formId,
    errors,
    fieldId: (path) => `${formId}-field-${slug(path)}`,
    errorId,
    describe: (path, { hintId, alsoPaths = [] } = {}) => {
      const failing = [path, ...alsoPaths].filter((p) => (errors.get(p)?.length ?? 0) > 0);
      const ids = [hintId, ...failing.map(errorId)].filter(Boolean);
      return {
        ...(failing.length > 0 ? { 'aria-invalid': true as const } : {}),
        ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
      };
    },
  };
}

/** The error text of one field path, where its control can point at it. */
export function FieldErrorText({ path }: { path: string }) {
  const { errors, errorId } = useFormErrors();
  const messages = errors.get(path);
  if (!messages?.length) return null;
  return (
    <p id={errorId(path)} className="field-error">
      {messages.join(' ')}
    </p>
  );
}
