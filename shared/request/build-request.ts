import { domainParamName } from '../catalog/domain-scope';
import { paramFamilies } from '../catalog/families';
import type { EndpointDef, HttpMethod, JsonValue, ParamDef, ParamType } from '../catalog/types';
import {
  checkHeaderName,
  checkHeaderValue,
  checkParamValue,
  type FileRef,
  hasControlChars,
  isEmptyInput,
  isFileRef,
  type ParamInput,
  printable,
} from './validate-param';

/** Where a request goes: the environment's base URL, its default domain and the subaccount to act for. */
export interface RequestTarget {
  /** `https://api.mailgun.net`, `https://api.eu.mailgun.net` or a custom origin, optionally with a path prefix. */
  readonly baseUrl: string;
  /** Fills the domain path parameter when the request leaves it empty. */
  readonly domain?: string;
  /** Sent as `X-Mailgun-On-Behalf-Of`. */
  readonly subaccountId?: string;
}

export interface RequestValues {
  /** Values for the endpoint's declared parameters, by name. */
  readonly params: Readonly<Record<string, ParamInput | undefined>>;
  /** Free-form body fields such as `o:tag`, `v:order-id` or `h:X-Campaign`, sent in order, repeats kept. */
  readonly extra?: readonly { readonly name: string; readonly value: ParamInput }[];
  /** Extra HTTP request headers. */
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
}

export interface FieldError {
  /** The parameter, field or header name; `baseUrl` or `subaccountId` for environment problems. */
  readonly param: string;
  readonly message: string;
  readonly source: 'param' | 'extra' | 'header' | 'target';
  /** Position in `values.extra` or `values.headers`. */
  readonly index?: number;
}

export class RequestBuildError extends Error {
  override readonly name = 'RequestBuildError';
  /** The first offending parameter. */
  readonly param: string;
  readonly errors: readonly FieldError[];

  constructor(errors: readonly FieldError[]) {
    const first = errors[0] ?? { param: '', message: 'The request could not be built.', source: 'param' as const };
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    super(`${describeSubject(first)}: ${first.message}${more}`);
    this.param = first.param;
    this.errors = errors;
  }
}

function describeSubject(error: FieldError): string {
  switch (error.source) {
    case 'header':
      return `Header "${printable(error.param)}"`;
    case 'extra':
      return `Field "${printable(error.param)}"`;
    case 'target':
      return `Environment ${error.param}`;
    case 'param':
      return `Parameter "${printable(error.param)}"`;
  }
}

export type RequestBody = FormData | URLSearchParams | string | undefined;

/** The body as a plain list, for history, snippets and display. */
export type BodyField = { readonly name: string; readonly value: string } | { readonly name: string; readonly file: FileRef };

export interface BuiltRequest {
  readonly method: HttpMethod;
  readonly url: string;
  /** Never includes Authorization. */
  readonly headers: Record<string, string>;
  readonly body: RequestBody;
  readonly bodyFields: readonly BodyField[];
}

export interface BuildOptions {
  /** Turns a file handle into its contents; required when the request carries a file. */
  readonly resolveFile?: (handle: string) => Blob;
}

/**
 * Headers that fetch, the body encoding or main set; a caller overriding them
 * would break the request or smuggle credentials. The one list every sender,
 * importer and the executor use.
 */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
]);

export function isReservedHeader(name: string): boolean {
  return RESERVED_HEADERS.has(name.trim().toLowerCase());
}
const ON_BEHALF_OF = 'X-Mailgun-On-Behalf-Of';
const FAMILY_PREFIXES = ['o:', 'h:', 'v:', 't:'] as const;

interface BodyPart {
  readonly name: string;
  readonly form: string | FileRef;
  readonly json: JsonValue | undefined;
  readonly list: boolean;
}

interface Plan {
  readonly errors: FieldError[];
  /** Encoded path values by parameter name. */
  readonly pathValues: Map<string, string>;
  readonly query: [string, string][];
  readonly body: BodyPart[];
  readonly headers: [string, string][];
}

const STRING_TYPE: ParamType = { kind: 'string' };

/**
 * The key under which `RequestValues.params` holds a parameter: its name, or
 * `<in>:<name>` when the endpoint takes the same name twice (Mailgun has a few
 * calls with both a path `ip` and a query `ip`). The plain name still reaches the path one.
 */
export function paramKey(endpoint: Pick<EndpointDef, 'params'>, def: Pick<ParamDef, 'name' | 'in'>): string {
  const shared = endpoint.params.some((other) => other.name === def.name && other.in !== def.in);
  return shared ? `${def.in}:${def.name}` : def.name;
}

function isFamilyField(name: string): boolean {
  return name === 'recipient-variables' || FAMILY_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The catalog's type for a free-form field, when it is a documented member of one of the endpoint's families. */
function familyMember(endpoint: EndpointDef, name: string): { type: ParamType; repeatable: boolean } | undefined {
  for (const id of endpoint.families ?? []) {
    const member = paramFamilies[id].known.find((m) => m.name === name);
    if (member) return member;
  }
  if (name === 'recipient-variables' && endpoint.families?.includes('recipient-variables'))
    return { type: { kind: 'json' }, repeatable: false };
  return undefined;
}

/** Splits an input into the items to send; a JSON parameter's array is one value, not a list. */
function itemsOf(input: ParamInput, type: ParamType, repeatable: boolean): unknown[] {
  if (!Array.isArray(input)) return [input];
  if (type.kind === 'json' && !repeatable) return [input];
  return input.filter((item) => !isEmptyInput(item));
}

function bodyGoesToQuery(endpoint: EndpointDef): boolean {
  return endpoint.encoding === 'none' || endpoint.method === 'GET';
}

function planRequest(endpoint: EndpointDef, values: RequestValues, target: RequestTarget | undefined): Plan {
  const plan: Plan = { errors: [], pathValues: new Map(), query: [], body: [], headers: [] };
  const domainParam = domainParamName(endpoint.path);
  const toQuery = bodyGoesToQuery(endpoint);

  const addValue = (
    name: string,
    location: ParamDef['in'],
    type: ParamType,
    repeatable: boolean,
    input: ParamInput,
    source: 'param' | 'extra',
    index?: number,
    key: string = name,
  ): void => {
    const fail = (message: string) => plan.errors.push({ param: key, message, source, ...(index === undefined ? {} : { index }) });
    const items = itemsOf(input, type, repeatable);
    if (!repeatable && items.length > 1) {
      fail(`Takes a single value, but ${items.length} were given.`);
      return;
    }
    const where = location === 'body' && toQuery ? 'query' : location;
    for (const item of items) {
      const checked = checkParamValue(type, item);
      if (!checked.ok) {
        fail(checked.message);
        continue;
      }
      const { form } = checked;
      if (typeof form !== 'string') {
        if (where !== 'body' || endpoint.encoding !== 'multipart') {
          fail('Files can only be sent in a multipart body.');
          continue;
        }
        plan.body.push({ name, form, json: undefined, list: repeatable });
        continue;
      }
      if (name.startsWith('h:')) {
        // h: fields become MIME headers of the message, so they get the same guard as HTTP headers.
        const problem = checkHeaderName(name.slice(2)) ?? checkHeaderValue(form);
        if (problem) {
          fail(problem);
          continue;
        }
      }
      switch (where) {
        case 'path': {
          if (form === '.' || form === '..') {
            fail(`"${form}" cannot be used as a path segment.`);
            continue;
          }
          let encoded: string;
          try {
            encoded = encodeURIComponent(form);
          } catch {
            fail('Contains characters that cannot be put in a URL.');
            continue;
          }
          plan.pathValues.set(name, encoded);
          break;
        }
        case 'query':
          plan.query.push([name, form]);
          break;
        case 'header': {
          const problem = checkHeaderName(name) ?? checkHeaderValue(form);
          if (problem) {
            fail(problem);
            continue;
          }
          plan.headers.push([name, form]);
          break;
        }
        case 'body':
          plan.body.push({ name, form, json: checked.json, list: repeatable });
          break;
      }
    }
  };

  for (const def of endpoint.params) {
    // The body encoding decides Content-Type (multipart needs its boundary), so a declared one is not sent.
    if (def.in === 'header' && def.name.toLowerCase() === 'content-type') continue;
    const key = paramKey(endpoint, def);
    let input = values.params[key] ?? (key !== def.name && def.in === 'path' ? values.params[def.name] : undefined);
    const isDomain = def.in === 'path' && def.name === domainParam;
    if (isEmptyInput(input) && isDomain && target?.domain !== undefined && target.domain.trim() !== '') input = target.domain.trim();
    const isOnBehalfOf = def.in === 'header' && def.name.toLowerCase() === ON_BEHALF_OF.toLowerCase();
    if (isEmptyInput(input) && isOnBehalfOf && target?.subaccountId !== undefined && target.subaccountId.trim() !== '') {
      input = target.subaccountId.trim();
    }
    if (input === undefined || isEmptyInput(input)) {
      // Without a target we cannot know whether the environment will supply the domain.
      const fillsLater = isDomain && target === undefined;
      if ((def.required || def.in === 'path') && !fillsLater) {
        plan.errors.push({
          param: key,
          message: isDomain ? 'Required: give a domain here or set a default domain on the environment.' : 'Required.',
          source: 'param',
        });
      }
      continue;
    }
    addValue(def.name, def.in, def.type, def.repeatable, input, 'param', undefined, key);
  }

  const declared = new Set(endpoint.params.flatMap((p) => [p.name, paramKey(endpoint, p)]));
  for (const [name, input] of Object.entries(values.params)) {
    if (declared.has(name) || input === undefined || isEmptyInput(input)) continue;
    if (isFamilyField(name)) {
      const member = familyMember(endpoint, name);
      addValue(name, 'body', member?.type ?? STRING_TYPE, member?.repeatable ?? true, input, 'param');
    } else {
      plan.errors.push({ param: name, message: `Not a parameter of ${endpoint.id}.`, source: 'param' });
    }
  }

  (values.extra ?? []).forEach((entry, index) => {
    const name = entry.name.trim();
    if (name === '' || hasControlChars(name) || /\s/.test(name)) {
      plan.errors.push({
        param: entry.name,
        message: 'Field names cannot be empty or contain spaces or control characters.',
        source: 'extra',
        index,
      });
      return;
    }
    if (isEmptyInput(entry.value)) return;
    const def = endpoint.params.find((p) => p.name === name);
    const known = def ?? familyMember(endpoint, name);
    // A name given more than once is meant to be sent more than once.
    addValue(name, 'body', known?.type ?? STRING_TYPE, known?.repeatable ?? true, entry.value, 'extra', index);
  });

  const setHeader = (name: string, value: string) => {
    const existing = plan.headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (existing >= 0) plan.headers.splice(existing, 1);
    plan.headers.push([name, value]);
  };

  const subaccount = target?.subaccountId?.trim();
  if (subaccount && !plan.headers.some(([n]) => n.toLowerCase() === ON_BEHALF_OF.toLowerCase())) {
    const problem = checkHeaderValue(subaccount);
    if (problem) plan.errors.push({ param: 'subaccountId', message: problem, source: 'target' });
    else plan.headers.unshift([ON_BEHALF_OF, subaccount]);
  }

  (values.headers ?? []).forEach((header, index) => {
    const name = header.name.trim();
    const problem = checkHeaderName(name) ?? checkHeaderValue(header.value);
    if (problem) {
      plan.errors.push({ param: header.name, message: problem, source: 'header', index });
      return;
    }
    if (isReservedHeader(name)) {
      plan.errors.push({
        param: header.name,
        message: 'This header is set automatically and cannot be overridden.',
        source: 'header',
        index,
      });
      return;
    }
    setHeader(name, header.value);
  });

  if (target) {
    const problem = checkBaseUrl(target.baseUrl);
    if (problem) plan.errors.push({ param: 'baseUrl', message: problem, source: 'target' });
  }
  return plan;
}

function checkBaseUrl(baseUrl: string): string | undefined {
  const trimmed = baseUrl.trim();
  if (!URL.canParse(trimmed)) return `"${printable(trimmed)}" is not an absolute URL.`;
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The base URL must start with https:// or http://.';
  if (url.search !== '' || trimmed.includes('#')) return 'The base URL cannot carry a query string or fragment.';
  if (/^[a-z]+:\/\/[^/]*@/i.test(trimmed)) return 'Put the API key in the environment, never in the base URL.';
  return undefined;
}

function joinUrl(baseUrl: string, path: string, query: readonly [string, string][]): string {
  const search = query.length > 0 ? `?${new URLSearchParams([...query]).toString()}` : '';
  return `${baseUrl.trim().replace(/\/+$/, '')}${path}${search}`;
}

function fillPath(template: string, pathValues: ReadonlyMap<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => pathValues.get(name) ?? whole);
}

function toJsonBody(parts: readonly BodyPart[]): Record<string, JsonValue> {
  const counts = new Map<string, number>();
  for (const part of parts) counts.set(part.name, (counts.get(part.name) ?? 0) + 1);
  const body: Record<string, JsonValue[] | JsonValue> = {};
  for (const part of parts) {
    const value = part.json ?? null;
    if (part.list || (counts.get(part.name) ?? 0) > 1) {
      const list = (body[part.name] as JsonValue[] | undefined) ?? [];
      list.push(value);
      body[part.name] = list;
    } else {
      body[part.name] = value;
    }
  }
  return body;
}

/**
 * Problems with the values, for inline display before sending. Pass the
 * environment to also check the base URL and to let its default domain count.
 */
export function validateValues(endpoint: EndpointDef, values: RequestValues, environment?: RequestTarget): FieldError[] {
  return planRequest(endpoint, values, environment).errors;
}

/** The URL the request would go to, for live display. Missing or invalid path values stay as `{name}`. */
export function resolvePath(endpoint: EndpointDef, values: RequestValues, environment: RequestTarget): string {
  const plan = planRequest(endpoint, values, environment);
  return joinUrl(environment.baseUrl, fillPath(endpoint.path, plan.pathValues), plan.query);
}

/**
 * Turns an endpoint and the user's values into arguments for `fetch`.
 * Pure apart from `resolveFile`; throws RequestBuildError listing every problem.
 */
export function buildRequest(
  endpoint: EndpointDef,
  values: RequestValues,
  environment: RequestTarget,
  options: BuildOptions = {},
): BuiltRequest {
  const plan = planRequest(endpoint, values, environment);
  if (plan.errors.length > 0) throw new RequestBuildError(plan.errors);

  const url = joinUrl(environment.baseUrl, fillPath(endpoint.path, plan.pathValues), plan.query);
  const headers: Record<string, string> = Object.fromEntries(plan.headers);
  const bodyFields: BodyField[] = plan.body.map((part) =>
    isFileRef(part.form) ? { name: part.name, file: part.form } : { name: part.name, value: part.form },
  );

  let body: RequestBody;
  if (bodyGoesToQuery(endpoint)) {
    body = undefined;
  } else if (endpoint.encoding === 'json') {
    body = JSON.stringify(toJsonBody(plan.body));
    headers['Content-Type'] = 'application/json';
  } else if (plan.body.length === 0) {
    body = undefined;
  } else if (endpoint.encoding === 'urlencoded') {
    const form = new URLSearchParams();
    for (const part of plan.body) if (typeof part.form === 'string') form.append(part.name, part.form);
    body = form;
  } else {
    const form = new FormData();
    for (const part of plan.body) {
      if (typeof part.form === 'string') {
        form.append(part.name, part.form);
        continue;
      }
      if (!options.resolveFile) {
        throw new RequestBuildError([
          { param: part.name, message: 'A file was given but no resolveFile option to read it.', source: 'param' },
        ]);
      }
      form.append(part.name, options.resolveFile(part.form.handle), part.form.name);
    }
    body = form;
  }
  return { method: endpoint.method, url, headers, body, bodyFields };
}
