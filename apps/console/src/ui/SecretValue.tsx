import { CopyButton } from './CopyButton';

/** A secret shown this once (an API key, a signing secret): selectable text and a copy button. */
export function SecretValue({ label, value }: { label: string; value: string }) {
  return (
    <div className="notice notice--success secret-value" role="status">
      <p>{label}</p>
      <p className="secret-value__row">
        <code className="secret-value__code">{value}</code>
        <CopyButton value={value} />
      </p>
    </div>
  );
}
