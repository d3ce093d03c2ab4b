import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ElementType, Trigger, Variable } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { useTemplateInsertion } from './template-insertion';
import { useVariables } from './variables-query';

interface VariablesPanelProps {
  id: string;
  element: ElementType;
  trigger: Trigger;
  target: string | undefined;
  onClose: () => void;
}

/**
 * The variable catalog of the chosen element and trigger. Each variable is a button named by the
 * variable first; choosing one inserts `{{name}}` where the last focused value input's caret was.
 */
export function VariablesPanel({ id, element, trigger, target, onClose }: VariablesPanelProps) {
  const { m } = useI18n();
  const { insertVariable } = useTemplateInsertion();
  const variables = useVariables({ element, trigger, target });
  const [search, setSearch] = useState('');
  const titleId = useId();
  const searchId = useId();
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => searchInput.current?.focus(), []);

  const needle = search.trim().toLowerCase();
  const shown = (variables.data ?? []).filter(
    (variable) =>
      needle === '' ||
      variable.name.toLowerCase().includes(needle) ||
      variable.description.toLowerCase().includes(needle),
  );

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  }

  return (
    <section id={id} className="panel variables-panel" aria-labelledby={titleId} onKeyDown={closeOnEscape}>
      <div className="panel__header">
        <h2 id={titleId}>{m.variables.title(m.element[element], m.trigger[trigger])}</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {m.common.close}
        </button>
      </div>
      <p className="hint">{m.variables.hint}</p>
      <div className="field">
        <label htmlFor={searchId}>{m.variables.search}</label>
        <input
          id={searchId}
          ref={searchInput}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {variables.isPending && <Loading />}
      {variables.isError && <ErrorNotice error={variables.error} onRetry={() => void variables.refetch()} />}
      {variables.isSuccess && shown.length === 0 && <p>{m.variables.empty}</p>}
      <ul className="variables">
        {shown.map((variable) => (
          <li key={variable.name}>
            <button type="button" className="variable" onClick={() => insertVariable(variable.name)}>
              <code className="variable__name">{variable.name}</code>{' '}
              <span className="variable__type">{variable.type}</span>{' '}
              <span className="variable__description">{variable.description}</span>{' '}
              <span className="variable__example">{m.variables.example(exampleText(variable))}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function exampleText(variable: Variable): string {
  const text =
    typeof variable.example === 'string' ? variable.example : (JSON.stringify(variable.example) ?? '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
