import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { FieldErrorText, useFormErrors } from '../../ui/field-errors';
import { emptyPair, type PairRow } from './draft';
import { TemplateInput } from './TemplateInput';

interface PairRowsProps {
  /** `headers` or `body`: the API's name, which its error paths start with. */
  path: 'headers' | 'body';
  legend: string;
  hint?: string;
  rows: PairRow[];
  onChange: (update: (rows: PairRow[]) => PairRow[]) => void;
  withSecret: boolean;
  removeLabel: (position: number) => string;
}

/** Key-value rows (headers or body pairs) in a group named by its legend, with Add and Remove. */
export function PairRows({ path, legend, hint, rows, onChange, withSecret, removeLabel }: PairRowsProps) {
  const { m } = useI18n();
  const { fieldId, describe } = useFormErrors();
  const hintId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [addedRowId, setAddedRowId] = useState<string | null>(null);

  const update = (id: string, patch: Partial<PairRow>) =>
    onChange((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  function add() {
    const row = emptyPair();
    setAddedRowId(row.id);
    onChange((current) => [...current, row]);
  }

  function remove(id: string) {
    onChange((current) => current.filter((row) => row.id !== id));
    addButton.current?.focus();
  }

  return (
    <fieldset className="group" aria-describedby={describe(path, hint ? { hintId } : {})['aria-describedby']}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldErrorText path={path} />
      {rows.length === 0 && <p className="muted">{m.form.noRows}</p>}
      <ol className="rows">
        {rows.map((row, index) => {
          const at = `${path}[${index}]`;
          return (
            <li key={row.id} className={withSecret ? 'row row--secret' : 'row'}>
              <div className="row__cell">
                <label htmlFor={fieldId(`${at}.key`)}>{m.form.key}</label>
                <input
                  id={fieldId(`${at}.key`)}
                  type="text"
                  value={row.key}
                  spellCheck={false}
                  autoFocus={row.id === addedRowId}
                  onChange={(event) => update(row.id, { key: event.target.value })}
                  {...describe(`${at}.key`, { alsoPaths: [at] })}
                />
                <FieldErrorText path={at} />
                <FieldErrorText path={`${at}.key`} />
              </div>
              <div className="row__cell row__cell--wide">
                <label htmlFor={fieldId(`${at}.value`)}>{m.form.value}</label>
                <TemplateInput
                  id={fieldId(`${at}.value`)}
                  value={row.value}
                  onValueChange={(value) => update(row.id, { value })}
                  {...describe(`${at}.value`)}
                />
                <FieldErrorText path={`${at}.value`} />
              </div>
              {withSecret && (
                <div className="row__cell row__cell--check">
                  <input
                    id={fieldId(`${at}.secret`)}
                    type="checkbox"
                    checked={row.secret}
                    onChange={(event) => update(row.id, { secret: event.target.checked })}
                  />
                  <label htmlFor={fieldId(`${at}.secret`)}>{m.form.secret}</label>
                </div>
              )}
              <div className="row__cell row__cell--action">
                <button
                  type="button"
                  className="link-button link-button--danger"
                  aria-label={removeLabel(index + 1)}
                  onClick={() => remove(row.id)}
                >
                  {m.form.remove}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button ref={addButton} type="button" className="button" onClick={add}>
        {m.form.add}
      </button>
    </fieldset>
  );
}
