/** Time, injected so tests and back-fills can say what "now" is. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
