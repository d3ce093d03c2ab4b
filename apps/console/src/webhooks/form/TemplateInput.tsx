import { useEffect, useLayoutEffect, useRef, type InputHTMLAttributes } from 'react';
import { useTemplateInsertion } from './template-insertion';

/** Keys that move the caret: a user placing it with them means to insert there. */
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

interface TemplateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
  /** The input variables go to before any other value input had the focus. */
  isFallback?: boolean;
}

/**
 * A text input whose caret the Variables panel inserts at. It becomes the target when the user edits it,
 * clicks into it or moves its caret, not when the focus merely passes through it: a keyboard user who
 * tabs back from a header value to the Variables button passes the payload URL on the way.
 */
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

  const choose = (element: HTMLInputElement) =>
    remember({ element, setValue: (next) => setValue.current(next) });

  return (
    <input
      {...props}
      ref={ref}
      type="text"
      value={value}
      spellCheck={false}
      onChange={(event) => {
        choose(event.currentTarget);
        onValueChange(event.target.value);
      }}
      onPointerUp={(event) => {
        choose(event.currentTarget);
        props.onPointerUp?.(event);
      }}
      onKeyUp={(event) => {
        if (CARET_KEYS.has(event.key)) choose(event.currentTarget);
        props.onKeyUp?.(event);
      }}
    />
  );
}
