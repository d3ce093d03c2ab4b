import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** Copies a value shown once (a new API key, a signing secret) to the clipboard. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { m } = useI18n();
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void copy()} aria-label={label}>
        {m.common.copy}
      </button>
      <span role="status" className="copy-status">
        {copied ? m.common.copied : ''}
      </span>
    </>
  );
}
