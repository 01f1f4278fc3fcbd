import type { ServiceName } from './services';

/**
 * One catalogued event: its name, the payload version producers write today, who may produce it and who
 * consumes it. The payload type rides along as a phantom (never set at run time) so `EventPayload<'x'>` can
 * be read back from the catalogue without a second, hand-kept map that could drift.
 */
export interface EventDefinition<
  N extends string = string,
  P = unknown,
  Producers extends readonly ServiceName[] = readonly ServiceName[],
  Consumers extends readonly ServiceName[] = readonly ServiceName[],
> {
  readonly name: N;
  /** Bumped on a breaking payload change; consumers refuse (and retry) versions newer than they know. */
  readonly version: number;
  readonly producers: Producers;
  readonly consumers: Consumers;
  readonly description: string;
  /** Phantom: carries the payload type for the compiler only. */
  readonly __payload?: P;
}

/**
 * `defineEvent<Payload>()({ name, version, producers, consumers, description })`. Curried so the payload type
 * is given explicitly while the name and the service lists are inferred as literals (`const` type
 * parameters): the catalogue then knows, at compile time, that `sale.recorded` is produced by campaigns only.
 */
export function defineEvent<P>() {
  return <
    const N extends string,
    const Producers extends readonly ServiceName[],
    const Consumers extends readonly ServiceName[],
  >(definition: {
    name: N;
    version: number;
    producers: Producers;
    consumers: Consumers;
    description: string;
  }): EventDefinition<N, P, Producers, Consumers> => Object.freeze({ ...definition });
}

export type PayloadOf<D> = D extends EventDefinition<string, infer P> ? P : never;
