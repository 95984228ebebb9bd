import type { z } from 'zod';
import type { Result } from '../errors';
import { appMethods } from './app';
import { collectionMethods } from './collections';
import type { MethodSpec } from './define';
import { environmentMethods } from './environments';
import { requestMethods } from './requests';
import { sandboxMethods } from './sandbox';
import { snippetMethods } from './snippets';
import { supportMethods } from './support';

/**
 * The complete bridge between renderer and main. Preload exposes exactly these
 * methods; main registers one validated handler for each.
 */
export const contract = {
  ...appMethods,
  ...environmentMethods,
  ...requestMethods,
  ...sandboxMethods,
  ...snippetMethods,
  ...collectionMethods,
  ...supportMethods,
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

export const methodNames = Object.freeze(Object.keys(contract) as MethodName[]);

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** IPC channel for a method; the prefix keeps ours apart from Electron's own. */
export function channelFor(name: MethodName): string {
  return `${channelPrefix}${name}`;
}

const channelPrefix = 'mailgun:';

export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export type Bridge = {
  readonly [M in MethodName]: undefined extends ArgsOf<M>
    ? (arg?: ArgsOf<M>) => Promise<Result<ResultOf<M>>>
    : (arg: ArgsOf<M>) => Promise<Result<ResultOf<M>>>;
};

/** The name under which preload (or the test harness) installs the bridge on `window`. */
export const bridgeGlobalName = 'mailgun';

export function methodForChannel(channel: string): MethodName | undefined {
  if (!channel.startsWith(channelPrefix)) return undefined;
  const name = channel.slice(channelPrefix.length);
  return isMethodName(name) ? name : undefined;
}
