import { forwardRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useFormErrors } from '../../ui/field-errors';
import { fieldLabel } from './field-labels';

/**
 * Lists the fields the API refused, each a link to its control; the messages stand at the fields.
 * An error of a field this form does not show (none should exist) is listed with its message.
 */
/** A row's own errors (`filter[1]`) are shown at its first control. */
function controlPath(path: string): string {
  if (/^(headers|body)\[\d+\]$/.test(path)) return `${path}.key`;
  if (/^filter\[\d+\]$/.test(path)) return `${path}.field`;
  return path;
}

export const ErrorSummary = forwardRef<HTMLDivElement>(function ErrorSummary(_props, ref) {
  const { m } = useI18n();
  const { errors, fieldId } = useFormErrors();
  if (errors.size === 0) return null;
  const paths = [...errors.keys()];
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="notice notice--error error-summary">
      <p>{m.form.errorSummary(paths.length)}</p>
      <ul>
        {paths.map((path) => {
          const id = fieldId(controlPath(path));
          const shown = typeof document !== 'undefined' && document.getElementById(id) !== null;
          return (
            <li key={path}>
              {shown ? (
                <a
                  href={`#${id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(id)?.focus();
                  }}
                >
                  {fieldLabel(path, m)}
                </a>
              ) : (
                `${fieldLabel(path, m)}: ${(errors.get(path) ?? []).join(' ')}`
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
