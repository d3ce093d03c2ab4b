import { useEffect, useRef, type ReactNode } from 'react';

let initialPage = true;

/**
 * A page's h1; it also names the browser tab. After an in-app navigation it takes the focus, so a
 * screen reader announces the new page and Tab continues from its top.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const text = title ?? ref.current?.textContent ?? '';
    document.title = text ? `${text} · hookrelay` : 'hookrelay';
  }, [title, children]);
  useEffect(() => {
    if (initialPage) initialPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
