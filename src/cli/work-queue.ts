/** Runs tasks one at a time, in the order given (the store has one writer); `idle` waits for all given so far. */
export interface SerialQueue {
  <T>(task: () => Promise<T>): Promise<T>;
  idle(): Promise<void>;
}

/** A queue of tasks run one after another; a failing task does not stop the ones after it. */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  const queue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
  return Object.assign(queue, { idle: async () => void (await tail) });
}

/** A burst of requests answered by one call. */
export interface Debounced {
  request(): void;
  cancel(): void;
  readonly pending: boolean;
}

/**
 * Calls `fire` once requests have stopped for `quietMs`, and at the latest `maxWaitMs` after the first request of
 * a burst, so a steady trickle still gets answered.
 */
export function debounce(fire: () => void, options: { quietMs: number; maxWaitMs: number }): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | undefined;
  const run = () => {
    timer = undefined;
    firstAt = undefined;
    fire();
  };
  return {
    request: () => {
      const now = Date.now();
      firstAt ??= now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, Math.min(options.quietMs, firstAt + options.maxWaitMs - now)));
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      firstAt = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
