import type { z } from 'zod';

/**
 * One bridge method: the schema main validates the argument with, and (as a
 * phantom type) what it resolves to. Declaring both together keeps preload,
 * main and the renderer checked against a single definition.
 */
export interface MethodSpec<S extends z.ZodType, R> {
  readonly args: S;
  readonly result?: R;
}

export function method<R>() {
  return <S extends z.ZodType>(args: S): MethodSpec<S, R> => ({ args });
}
