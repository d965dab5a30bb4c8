import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { FoundryError } from '../kernel/index.ts';

/** A tool's circuit is open: calls fail fast until it half-opens (retryable: the step retries later). */
export class CircuitOpenError extends FoundryError {
  constructor(name: string, cause?: unknown) {
    super({ code: 'CIRCUIT_OPEN', status: 503, category: 'third_party', retryable: true, cause, message: `Calls to ${name} are paused after repeated failures; retrying later.` });
  }
}

export type BreakerState = 'closed' | 'open' | 'half_open' | 'isolated';

const stateNames: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half_open', [CircuitState.Isolated]: 'isolated',
};

export interface CircuitBreakers {
  /** Runs `call` through the breaker of `name` (a tool or a provider). */
  execute<T>(name: string, call: () => Promise<T>): Promise<T>;
  /** The state of every breaker used so far, for metrics. */
  states(): { name: string; state: BreakerState }[];
}

/**
 * One cockatiel circuit breaker per tool or provider, in this process. Only failures a retry
 * could fix count (a tool saying "bad input" is not the service being down): after
 * `threshold` of them in a row the circuit opens for `halfOpenAfterMs`, then lets one call test it.
 */
export function createCircuitBreakers({ threshold = 5, halfOpenAfterMs = 30_000 } = {}): CircuitBreakers {
  const breakers = new Map<string, CircuitBreakerPolicy>();
  const counts = handleWhen((error) => !FoundryError.isInstance(error) || error.retryable);
  const breakerOf = (name: string) => {
    let breaker = breakers.get(name);
    if (breaker === undefined) {
      breaker = circuitBreaker(counts, { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(threshold) });
      breakers.set(name, breaker);
    }
    return breaker;
  };
  return {
    async execute(name, call) {
      try {
        return await breakerOf(name).execute(call);
      } catch (error) {
        if (error instanceof BrokenCircuitError) throw new CircuitOpenError(name, error);
        throw error;
      }
    },
    states: () => [...breakers].map(([name, breaker]) => ({ name, state: stateNames[breaker.state] })),
  };
}
