import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages load lazily; the first import of one is compiled on demand.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});
