import type { EndpointDef, ExampleResponse, GroupId, JsonValue, ParamDef } from './types';

/**
 * How a group file writes a parameter: only what differs from the usual case.
 * Path parameters are required, everything else optional, and nothing repeats
 * unless it says so.
 */
export type ParamSpec = Omit<ParamDef, 'required' | 'repeatable'> & {
  readonly required?: boolean;
  readonly repeatable?: boolean;
};

type Defaulted = 'group' | 'deprecated' | 'mutates' | 'sendingKeyAllowed' | 'encoding' | 'pagination' | 'params' | 'exampleResponse';

/**
 * How a group file writes an endpoint. Left out: not deprecated, no sending
 * key, no body, no paging, no parameters, and it mutates unless it is a GET.
 * `response` is the usual example answer, a 200 with a JSON body; anything
 * else goes in `exampleResponse`.
 */
export type EndpointSpec = Omit<EndpointDef, Defaulted> &
  Partial<Pick<EndpointDef, 'deprecated' | 'mutates' | 'sendingKeyAllowed' | 'encoding' | 'pagination'>> & {
    readonly params?: readonly ParamSpec[];
  } & (
    | { readonly response: JsonValue; readonly exampleResponse?: never }
    | { readonly exampleResponse: ExampleResponse; readonly response?: never }
  );

export function param(spec: ParamSpec): ParamDef {
  return { ...spec, required: spec.required ?? spec.in === 'path', repeatable: spec.repeatable ?? false };
}

export function defineEndpoints(group: GroupId, specs: readonly EndpointSpec[]): readonly EndpointDef[] {
  return specs.map(({ response, exampleResponse, params, ...spec }) => ({
    ...spec,
    group,
    deprecated: spec.deprecated ?? false,
    mutates: spec.mutates ?? spec.method !== 'GET',
    sendingKeyAllowed: spec.sendingKeyAllowed ?? false,
    encoding: spec.encoding ?? 'none',
    pagination: spec.pagination ?? 'none',
    params: (params ?? []).map(param),
    exampleResponse: exampleResponse ?? { status: 200, contentType: 'application/json', body: response as JsonValue },
  }));
}

type ParamExtras = Partial<Pick<ParamSpec, 'required' | 'repeatable' | 'default' | 'fillExample'>>;

/** A parameter in one line: where it goes, then its name, type, example and our description; anything unusual last. */
function at(location: ParamSpec['in']) {
  return (
    name: string,
    type: ParamSpec['type'],
    example: ParamSpec['example'],
    description: string,
    extras: ParamExtras = {},
  ): ParamSpec => ({
    name,
    in: location,
    type,
    example,
    description,
    ...extras,
  });
}

export const inPath = at('path');
export const inQuery = at('query');
export const inBody = at('body');
export const inHeader = at('header');
