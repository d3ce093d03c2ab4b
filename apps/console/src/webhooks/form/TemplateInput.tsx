import { useEffect, useLayoutEffect, useRef, type InputHTMLAttributes } from 'react';
import { useTemplateInsertion } from './template-insertion';

interface TemplateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
  /** The input variables go to before any other value input had the focus. */
  isFallback?: boolean;
}

/** A text input whose caret the Variables panel inserts at. */
export function TemplateInput({ value, onValueChange, isFallback = false, ...props }: TemplateInputProps) {
  const { remember, setFallback } = useTemplateInsertion();
  const ref = useRef<HTMLInputElement>(null);
  const setValue = useRef(onValueChange);
  useLayoutEffect(() => {
    setValue.current = onValueChange;
  });

  useEffect(() => {
    if (!isFallback || !ref.current) return;
    setFallback({ element: ref.current, setValue: (next) => setValue.current(next) });
    return () => setFallback(null);
  }, [isFallback, setFallback]);

  return (
    <input
      {...props}
      ref={ref}
      type="text"
      value={value}
      spellCheck={false}
      onChange={(event) => onValueChange(event.target.value)}
      onFocus={(event) => {
        remember({ element: event.currentTarget, setValue: (next) => setValue.current(next) });
        props.onFocus?.(event);
      }}
    />
  );
}
