import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ConsoleLocation {
  /** The built console (holds index.html); undefined when none was found. */
  dir: string | undefined;
  /** Where it was looked for, for the start log. */
  candidates: string[];
}

/**
 * The built console (`vite build` output of @hookrelay/console): HOOKRELAY_CONSOLE_DIR when set, else the
 * `dist` of the installed @hookrelay/console package, else apps/console/dist beside this app (the same
 * path from src/ and dist/). A directory counts when it holds index.html.
 */
export function locateConsole(configured: string | undefined): ConsoleLocation {
  const candidates = configured ? [resolve(configured)] : defaultCandidates();
  const dir = candidates.find((candidate) => existsSync(join(candidate, 'index.html')));
  return { dir, candidates };
}

function defaultCandidates(): string[] {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(require.resolve('@hookrelay/console/package.json')), 'dist'));
  } catch {
    // not installed beside the API (a deployment of the API alone)
  }
  const sibling = resolve(__dirname, '../../../../console/dist');
  if (!candidates.includes(sibling)) candidates.push(sibling);
  return candidates;
}
