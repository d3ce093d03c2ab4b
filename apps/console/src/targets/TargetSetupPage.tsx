import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/problem';
import {
  ELEMENT_TYPES,
  TRIGGERS,
  type ElementType,
  type SettingField,
  type Target,
  type Trigger,
} from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { FormErrorsProvider, toFieldErrors, type FieldErrors } from '../ui/field-errors';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { initialSettingInputs, toSettings, type SettingInput } from './settings-values';
import { useCreateFromTarget, useTargets } from './target-queries';

/** `/targets/:kind`: the target's settings form (from its schema); creating opens the prefilled webhook. */
export default function TargetSetupPage() {
  const { m } = useI18n();
  const { kind = '' } = useParams();
  const targets = useTargets();
  const target = targets.data?.find((candidate) => candidate.kind === kind);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/targets">{m.targets.back}</Link>
      </p>
      <PageHeading>{m.targets.formTitle(target?.display_name ?? kind)}</PageHeading>
      {targets.isPending && <Loading />}
      {targets.isError && <ErrorNotice error={targets.error} onRetry={() => void targets.refetch()} />}
      {targets.isSuccess && !target && <p>{m.common.notFound}</p>}
      {target && <TargetSetupForm key={target.kind} target={target} />}
    </>
  );
}

function TargetSetupForm({ target }: { target: Target }) {
  const { m } = useI18n();
  const navigate = useNavigate();
  const formId = useId();
  const create = useCreateFromTarget();
  const triggers = TRIGGERS.filter((t) => !target.supports?.triggers || target.supports.triggers.includes(t));
  const elements = ELEMENT_TYPES.filter(
    (e) => !target.supports?.elements || target.supports.elements.includes(e),
  );
  const [name, setName] = useState(target.display_name);
  const [trigger, setTrigger] = useState<Trigger>(triggers[0] ?? 'create');
  const [element, setElement] = useState<ElementType>(elements[0] ?? 'rsvp');
  const [inputs, setInputs] = useState(() => initialSettingInputs(target.settings));
  const [errors, setErrors] = useState<FieldErrors>(new Map());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors(new Map());
    try {
      const webhook = await create.mutateAsync({
        name,
        trigger,
        element,
        target: { kind: target.kind, settings: toSettings(target.settings, inputs) },
      });
      navigate(`/webhooks/${webhook.id}`);
    } catch (failure) {
      if (failure instanceof ApiError) setErrors(toFieldErrors(failure.fieldErrors));
    }
  }

  return (
    <FormErrorsProvider formId={formId} errors={errors}>
      <form className="stack narrow-form" onSubmit={(event) => void submit(event)} noValidate>
        {create.isError && <ErrorNotice error={create.error} />}
        <Field path="name" label={m.form.name}>
          {(control) => (
            <input {...control} type="text" value={name} required onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field path="trigger" label={m.form.trigger}>
          {(control) => (
            <select {...control} value={trigger} onChange={(e) => setTrigger(e.target.value as Trigger)}>
              {triggers.map((t) => (
                <option key={t} value={t}>
                  {m.trigger[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="element" label={m.form.element}>
          {(control) => (
            <select {...control} value={element} onChange={(e) => setElement(e.target.value as ElementType)}>
              {elements.map((e) => (
                <option key={e} value={e}>
                  {m.element[e]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {target.settings.length > 0 && (
          <fieldset className="group">
            <legend>{m.targets.settings}</legend>
            {target.settings.map((field) => (
              <SettingControl
                key={field.key}
                field={field}
                value={inputs[field.key] ?? ''}
                onChange={(value) => setInputs((current) => ({ ...current, [field.key]: value }))}
              />
            ))}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {m.targets.create}
          </button>
        </div>
      </form>
    </FormErrorsProvider>
  );
}

/** One setting from the plugin's schema; secret settings are password inputs. */
function SettingControl({
  field,
  value,
  onChange,
}: {
  field: SettingField;
  value: SettingInput;
  onChange: (value: SettingInput) => void;
}) {
  const { m } = useI18n();
  const label = field.required ? `${field.label} (${m.targets.required})` : field.label;
  const path = `target.settings.${field.key}`;
  const hint = field.description ?? (field.example !== undefined ? String(field.example) : undefined);
  if (field.type === 'boolean') {
    return (
      <Field path={path} label={label} inline {...(hint ? { hint } : {})}>
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
        )}
      </Field>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <Field path={path} label={label} {...(hint ? { hint } : {})}>
      {(control) =>
        field.type === 'enum' ? (
          <select {...control} value={text} onChange={(e) => onChange(e.target.value)}>
            {!field.required && <option value="">{m.common.none}</option>}
            {(field.options ?? []).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...control}
            type={
              field.secret
                ? 'password'
                : field.type === 'number'
                  ? 'number'
                  : field.type === 'url'
                    ? 'url'
                    : 'text'
            }
            autoComplete={field.secret ? 'new-password' : 'off'}
            spellCheck={false}
            required={field.required}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
