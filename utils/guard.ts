/**
 * The page's console belongs to the page's developers: an error of ours must never land there.
 * Work triggered by the page (events, observers, timers) runs through `guarded`, which keeps the
 * last few errors for diagnostics instead of throwing into the page.
 */
export const recentErrors: string[] = [];
const KEEP = 10;

function keep(error: unknown): void {
  recentErrors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  if (recentErrors.length > KEEP) recentErrors.shift();
}

export function guarded<A extends unknown[]>(work: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      work(...args);
    } catch (error) {
      keep(error);
    }
  };
}

/** Work that finishes later: a failure is kept like `guarded`'s, never left for the page's console. */
export function guardedLater(work: Promise<unknown>): void {
  work.catch(keep);
}
