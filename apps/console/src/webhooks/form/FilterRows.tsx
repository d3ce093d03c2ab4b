import { useId, useRef, useState } from 'react';
import { FILTER_OPS, type FilterOp, type Trigger, type Variable } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { FieldErrorText, useFormErrors } from '../../ui/field-errors';
import { emptyCondition, type ConditionRow } from './draft';

interface FilterRowsProps {
  rows: ConditionRow[];
  onChange: (update: (rows: ConditionRow[]) => ConditionRow[]) => void;
  trigger: Trigger;
  /** The catalog's fields of the change, offered as suggestions. */
  fields: readonly Variable[];
}

const WITHOUT_VALUE: readonly FilterOp[] = ['changed'];

/** Conditions `{field, op, value}` that must all hold for a change to be delivered. */
export function FilterRows({ rows, onChange, trigger, fields }: FilterRowsProps) {
  const { m } = useI18n();
  const { fieldId, describe } = useFormErrors();
  const hintId = useId();
  const listId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [addedRowId, setAddedRowId] = useState<string | null>(null);
  // `changed` compares with the element before the change, which only an update has.
  const ops = FILTER_OPS.filter((op) => op !== 'changed' || trigger === 'update');

  const update = (id: string, patch: Partial<ConditionRow>) =>
    onChange((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  function add() {
    const row = emptyCondition();
    setAddedRowId(row.id);
    onChange((current) => [...current, row]);
  }

  function remove(id: string) {
    onChange((current) => current.filter((row) => row.id !== id));
    addButton.current?.focus();
  }

  return (
    <fieldset className="group" aria-describedby={describe('filter', { hintId })['aria-describedby']}>
      <legend>{m.form.filter}</legend>
      <p id={hintId} className="hint">
        {m.form.filterHint}
      </p>
      <FieldErrorText path="filter" />
      <datalist id={listId}>
        {fields.map((field) => (
          <option key={field.name} value={field.name}>
            {field.description}
          </option>
        ))}
      </datalist>
      {rows.length === 0 && <p className="muted">{m.form.noRows}</p>}
      <ol className="rows">
        {rows.map((row, index) => {
          const at = `filter[${index}]`;
          const valueHintId = `${fieldId(`${at}.value`)}-hint`;
          return (
            <li key={row.id} className="row row--condition">
              <div className="row__cell row__cell--wide">
                <label htmlFor={fieldId(`${at}.field`)}>{m.form.filterField}</label>
                <input
                  id={fieldId(`${at}.field`)}
                  type="text"
                  list={listId}
                  value={row.field}
                  spellCheck={false}
                  autoFocus={row.id === addedRowId}
                  onChange={(event) => update(row.id, { field: event.target.value })}
                  {...describe(`${at}.field`, { alsoPaths: [at] })}
                />
                <FieldErrorText path={at} />
                <FieldErrorText path={`${at}.field`} />
              </div>
              <div className="row__cell">
                <label htmlFor={fieldId(`${at}.op`)}>{m.form.filterOp}</label>
                <select
                  id={fieldId(`${at}.op`)}
                  value={row.op}
                  onChange={(event) => update(row.id, { op: event.target.value as FilterOp })}
                  {...describe(`${at}.op`)}
                >
                  {ops.map((op) => (
                    <option key={op} value={op}>
                      {m.filterOp[op]}
                    </option>
                  ))}
                </select>
                <FieldErrorText path={`${at}.op`} />
              </div>
              <div className="row__cell row__cell--wide">
                <label htmlFor={fieldId(`${at}.value`)}>{m.form.filterValue}</label>
                <input
                  id={fieldId(`${at}.value`)}
                  type="text"
                  value={row.value}
                  spellCheck={false}
                  disabled={WITHOUT_VALUE.includes(row.op)}
                  onChange={(event) => update(row.id, { value: event.target.value })}
                  {...describe(
                    `${at}.value`,
                    row.op === 'in' || row.op === 'not_in' ? { hintId: valueHintId } : {},
                  )}
                />
                {(row.op === 'in' || row.op === 'not_in') && (
                  <p id={valueHintId} className="hint">
                    {m.form.filterValueHint}
                  </p>
                )}
                <FieldErrorText path={`${at}.value`} />
              </div>
              <div className="row__cell row__cell--action">
                <button
                  type="button"
                  className="link-button link-button--danger"
                  aria-label={m.form.removeCondition(index + 1)}
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
