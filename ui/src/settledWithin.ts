/**
 * Waits for `work` to settle, at most `ms` milliseconds: for a screen that is best drawn with
 * its answer (one frame instead of a loading frame and then the answer), but must not wait long.
 * Never rejects; the caller reads the outcome where it is kept.
 */
export function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([settled, new Promise<void>((waited) => setTimeout(waited, ms))]);
}
