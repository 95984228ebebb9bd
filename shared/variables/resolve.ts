import type { CustomRequest } from '../bridge/collections';
import type { EndpointDef, JsonValue } from '../catalog/types';
import type { FieldError, ParamInput, ParamScalar, RequestValues } from '../request';
import { hasReference, jsonStringContent, type Resolved, referencesIn, resolveText, type VariableLookup } from './template';

/** A `{{name}}` the environment cannot fill, and where it was written. */
export interface UnresolvedReference {
  readonly name: string;
  readonly source: 'param' | 'extra' | 'header' | 'path' | 'query' | 'body';
  /** The parameter, field or header name. */
  readonly field: string;
  /** Position among the extra fields, headers, query or body fields. */
  readonly index?: number;
}

export interface ResolvedValues<T> {
  readonly value: T;
  readonly unresolved: readonly UnresolvedReference[];
}

/**
 * A template's source is Handlebars, whose `{{first_name}}` belongs to
 * Mailgun, not to the environment: it is sent as written.
 */
export function isTemplateSource(endpoint: Pick<EndpointDef, 'id'>, paramName: string): boolean {
  return endpoint.id.startsWith('templates.') && paramName === 'template';
}

type Where = Omit<UnresolvedReference, 'name'>;

function collector() {
  const unresolved: UnresolvedReference[] = [];
  const take = (resolved: Resolved, original: string, where: Where): string => {
    if (resolved.ok) return resolved.value;
    for (const name of resolved.missing) unresolved.push({ name, ...where });
    return original;
  };
  return { unresolved, take };
}

function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !('kind' in value && value.kind === 'file')
  );
}

/** Catalog values: every text in a parameter (nested JSON included), extra field and header value. */
export function resolveRequestValues(
  endpoint: Pick<EndpointDef, 'id'>,
  values: RequestValues,
  lookup: VariableLookup,
): ResolvedValues<RequestValues> {
  const { unresolved, take } = collector();

  const json = (value: JsonValue, where: Where): JsonValue => {
    if (typeof value === 'string') return take(resolveText(value, lookup), value, where);
    if (Array.isArray(value)) return value.map((item) => json(item, where));
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, json(inner, where)]));
    return value;
  };
  const scalar = (value: ParamScalar, where: Where): ParamScalar =>
    isPlainObject(value) || Array.isArray(value) || typeof value === 'string' ? json(value as JsonValue, where) : value;
  const input = (value: ParamInput | undefined, where: Where): ParamInput | undefined => {
    if (value === undefined) return value;
    if (Array.isArray(value)) return (value as readonly ParamScalar[]).map((item) => scalar(item, where));
    return scalar(value as ParamScalar, where);
  };

  const params = Object.fromEntries(
    Object.entries(values.params).map(([name, value]) => [
      name,
      isTemplateSource(endpoint, name) ? value : input(value, { source: 'param', field: name }),
    ]),
  );
  const extra = values.extra?.map((entry, index) => ({
    name: entry.name,
    value: input(entry.value, { source: 'extra', field: entry.name, index }) as ParamInput,
  }));
  const headers = values.headers?.map((header, index) => ({
    name: header.name,
    value: take(resolveText(header.value, lookup), header.value, { source: 'header', field: header.name, index }),
  }));
  return {
    value: { params, ...(extra === undefined ? {} : { extra }), ...(headers === undefined ? {} : { headers }) },
    unresolved,
  };
}

/**
 * A free-form request: path segments (values URL-encoded), query and header
 * values, form fields, and JSON text (values escaped as JSON string content,
 * since Postman-style bodies write `"{{name}}"`).
 */
export function resolveCustomRequest(request: CustomRequest, lookup: VariableLookup): ResolvedValues<CustomRequest> {
  const { unresolved, take } = collector();
  const pairs = (list: CustomRequest['query'], source: 'query' | 'header' | 'body') =>
    list.map((pair, index) => ({
      name: pair.name,
      value: take(resolveText(pair.value, lookup), pair.value, { source, field: pair.name, index }),
    }));
  const path = take(resolveText(request.path, lookup, encodeURIComponent), request.path, { source: 'path', field: 'path' });
  const { body } = request;
  let resolvedBody: CustomRequest['body'] = body;
  if (body.kind === 'form' || body.kind === 'multipart') resolvedBody = { kind: body.kind, fields: pairs(body.fields, 'body') };
  else if (body.kind === 'json' && hasReference(body.text)) {
    resolvedBody = {
      kind: 'json',
      text: take(resolveText(body.text, lookup, jsonStringContent), body.text, { source: 'body', field: 'body' }),
    };
  }
  return {
    value: { ...request, path, query: pairs(request.query, 'query'), headers: pairs(request.headers, 'header'), body: resolvedBody },
    unresolved,
  };
}

const whereText: Record<UnresolvedReference['source'], string> = {
  param: 'parameter',
  extra: 'field',
  header: 'header',
  path: 'path',
  query: 'query parameter',
  body: 'body field',
};

/** The one sentence both main and the editor show for a name the environment lacks. */
export function undefinedVariableMessage(name: string, environmentName: string): string {
  return `{{${name}}} is not defined in environment ${environmentName}: define it in Environments → Variables.`;
}

export function describeUnresolved(reference: UnresolvedReference, environmentName: string): string {
  const where =
    reference.source === 'path' || (reference.source === 'body' && reference.field === 'body')
      ? `the ${whereText[reference.source]}`
      : `${whereText[reference.source]} "${reference.field}"`;
  return `${undefinedVariableMessage(reference.name, environmentName)} (used in ${where}; write \\{{${reference.name}}} to send it as written)`;
}

function mentions(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return referencesIn(value).length > 0;
  if (depth > 16 || typeof value !== 'object' || value === null || value instanceof Date) return false;
  return Object.values(value).some((inner) => mentions(inner, depth + 1));
}

/**
 * Form checks run on the values as typed, where `{{name}}` is not yet a
 * domain or a number. A field that uses a variable is checked by main once
 * it is resolved (and the editor flags names the environment lacks), so its
 * form errors are left out here.
 */
export function withoutVariableFieldErrors<E extends Pick<FieldError, 'param' | 'source' | 'index'>>(
  errors: readonly E[],
  values: RequestValues,
): E[] {
  return errors.filter((error) => {
    if (error.source === 'param') return !mentions(values.params[error.param]);
    if (error.source === 'extra' && error.index !== undefined) return !mentions(values.extra?.[error.index]?.value);
    if (error.source === 'header' && error.index !== undefined) return !mentions(values.headers?.[error.index]?.value);
    return true;
  });
}
