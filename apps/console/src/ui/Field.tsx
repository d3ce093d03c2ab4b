import { useId, type ReactNode } from 'react';
import { FieldErrorText, useFormErrors } from './field-errors';

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  /** The API's name for the field, where its errors are reported (`url`, `rate_limit`). */
  path: string;
  label: string;
  hint?: string;
  /** Something beside the control, e.g. the Variables button beside Trigger element. */
  aside?: ReactNode;
  /** A checkbox: the control stands before its label. */
  inline?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and the API's errors for its path. */
export function Field({ path, label, hint, aside, inline = false, children }: FieldProps) {
  const { fieldId, describe } = useFormErrors();
  const hintId = useId();
  const id = fieldId(path);
  const control = { id, ...describe(path, hint ? { hintId } : {}) };
  if (inline) {
    return (
      <div className="field field--inline">
        {children(control)}
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={hintId} className="hint">
            {hint}
          </p>
        )}
        <FieldErrorText path={path} />
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {aside ? (
        <div className="field__with-aside">
          {children(control)}
          {aside}
        </div>
      ) : (
        children(control)
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldErrorText path={path} />
    </div>
  );
}
