import type { z } from 'zod';
import type { Result } from '../errors';
import { appMethods } from './app';
import { bulkCheckMethods } from './bulk-check';
import { isListedMethodName, type ListedMethodName } from './channels';
import { collectionMethods } from './collections';
import { curlMethods } from './curl';
import type { MethodSpec } from './define';
import { desktopMethods } from './desktop';
import { environmentMethods } from './environments';
import { liveTailMethods } from './live-tail';
import { requestMethods } from './requests';
import { sandboxMethods } from './sandbox';
import { sandboxToolMethods } from './sandbox-tools';
import { snippetMethods } from './snippets';
import { supportMethods } from './support';
import { variableMethods } from './variables';
import { workspaceMethods } from './workspace';

export { bridgeGlobalName, channelFor, methodForChannel, methodNames } from './channels';

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
  ...desktopMethods,
  ...workspaceMethods,
  ...sandboxToolMethods,
  ...curlMethods,
  ...variableMethods,
  ...liveTailMethods,
  ...bulkCheckMethods,
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

/** Fails to compile when channels.ts and the contract disagree about which methods exist. */
export const namesMatchContract: [Exclude<MethodName, ListedMethodName>, Exclude<ListedMethodName, MethodName>] extends [never, never]
  ? true
  : never = true;

export function isMethodName(value: unknown): value is MethodName {
  return isListedMethodName(value);
}

export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export type Bridge = {
  readonly [M in MethodName]: undefined extends ArgsOf<M>
    ? (arg?: ArgsOf<M>) => Promise<Result<ResultOf<M>>>
    : (arg: ArgsOf<M>) => Promise<Result<ResultOf<M>>>;
};
