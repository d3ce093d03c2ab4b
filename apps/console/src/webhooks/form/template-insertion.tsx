import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

type TemplateElement = HTMLInputElement | HTMLTextAreaElement;

/** A value input that takes variables: its element and how to set its value in the form's state. */
interface TemplateField {
  element: TemplateElement;
  setValue: (value: string) => void;
}

interface TemplateInsertion {
  /** Called when the user edits a value input, clicks into it or moves its caret: variables go there. */
  remember: (field: TemplateField) => void;
  /** Where variables go when no value input has had the focus yet. */
  setFallback: (field: TemplateField | null) => void;
  /** Puts `{{name}}` at the caret of the value input chosen last and gives it the focus back. */
  insertVariable: (name: string) => void;
}

const TemplateInsertionContext = createContext<TemplateInsertion | null>(null);

export function insertAt(
  value: string,
  selection: { start: number; end: number },
  text: string,
): { value: string; caret: number } {
  return {
    value: value.slice(0, selection.start) + text + value.slice(selection.end),
    caret: selection.start + text.length,
  };
}

export function TemplateInsertionProvider({ children }: { children: ReactNode }) {
  const last = useRef<TemplateField | null>(null);
  const fallback = useRef<TemplateField | null>(null);

  const insertVariable = useCallback((name: string) => {
    // A removed row's input is no longer in the document: fall back to the payload URL.
    const field = last.current?.element.isConnected ? last.current : fallback.current;
    if (!field) return;
    const { element } = field;
    const end = element.selectionEnd ?? element.value.length;
    const start = element.selectionStart ?? end;
    const next = insertAt(element.value, { start, end }, `{{${name}}}`);
    flushSync(() => field.setValue(next.value));
    element.focus();
    element.setSelectionRange(next.caret, next.caret);
  }, []);

  const value = useMemo<TemplateInsertion>(
    () => ({
      remember: (field) => {
        last.current = field;
      },
      setFallback: (field) => {
        fallback.current = field;
      },
      insertVariable,
    }),
    [insertVariable],
  );
  return <TemplateInsertionContext.Provider value={value}>{children}</TemplateInsertionContext.Provider>;
}

export function useTemplateInsertion(): TemplateInsertion {
  const context = useContext(TemplateInsertionContext);
  if (!context) throw new Error('useTemplateInsertion outside TemplateInsertionProvider');
  return context;
}
