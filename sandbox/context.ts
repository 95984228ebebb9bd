import type { HttpMethod } from '../shared/catalog/types';
import type { SandboxRegion } from '../shared/sandbox/constants';
import type { FormFile, ParsedBody } from './body-parser';
import { badRequest, type Reply } from './errors';
import type { Domain, RegionState, SandboxEvent, SandboxState } from './state';
import type { WebhookDelivery } from './webhook-delivery';

/** The live state plus the few services handlers need, shared by every request. */
export interface World {
  readonly state: SandboxState;
  readonly now: () => number;
  /** Next value of the per-sandbox counter used inside message ids. */
  nextSequence(): number;
  /** Hands a new event to the domain's webhooks; `baseUrl` is where its stored message lives. */
  publish(domain: Domain, event: SandboxEvent, baseUrl: string): void;
  /** Posts one signed test event to a webhook URL (loopback only) and settles with what the receiver answered. */
  testWebhook(domain: Domain, webhook: string, url: string, event: SandboxEvent): Promise<WebhookDelivery>;
}

export interface RequestContext {
  readonly method: HttpMethod;
  readonly region: SandboxRegion;
  /** Path parameters, already percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: ParsedBody;
  /** `http://127.0.0.1:<port>/<region>`: what paging URLs start with. */
  readonly baseUrl: string;
  readonly world: World;
  /** Set when the route names a domain; it exists in this region. */
  readonly domain: Domain | null;
  /** Request headers by lower-case name (first value only). */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The account the request acts for: the primary one, or a subaccount named by `X-Mailgun-On-Behalf-Of`. */
  readonly account: Readonly<Record<SandboxRegion, RegionState>>;
  readonly subaccountId: string | null;
}

/** Most handlers answer at once; the few that call out (a webhook test) answer with a promise. */
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface RouteDef {
  readonly method: HttpMethod;
  /** Mailgun's template, e.g. `/v3/{domain_name}/messages`. */
  readonly path: string;
  readonly handler: Handler;
  /** The path parameter holding a domain the router must find in this region first. */
  readonly domainParam?: string;
  /** Mailgun refuses sends through the wrong region with 401 rather than 404. */
  readonly wrongRegion?: 'forbidden' | 'not-found';
  /** Domain sending keys may call this route (only for their own domain). */
  readonly sendingKeyAllowed?: boolean;
}

export function regionOf(ctx: RequestContext): RegionState {
  return ctx.account[ctx.region];
}

/** Every domain of the primary account and of its subaccounts: domain names are unique across them all. */
export function everyDomain(state: SandboxState): Domain[] {
  return [state.regions, ...state.subaccounts.map((s) => s.regions)].flatMap((regions) => [...regions.us.domains, ...regions.eu.domains]);
}

export function domainOf(ctx: RequestContext): Domain {
  if (!ctx.domain) throw new Error('route declared no domain parameter');
  return ctx.domain;
}

export function param(ctx: RequestContext, name: string): string {
  return ctx.params[name] ?? '';
}

/** Scalar JSON values are accepted as form fields, so JSON bodies work where Mailgun takes either. */
function jsonFieldValues(value: unknown, name: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  if (!Object.hasOwn(value, name)) return [];
  const raw = (value as Record<string, unknown>)[name];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (typeof item === 'number' || typeof item === 'boolean') return [String(item)];
    if (typeof item === 'object' && item !== null) return [JSON.stringify(item)];
    return [];
  });
}

/** Every value of a body field (form or JSON), falling back to the query string like Mailgun does. */
export function fieldAll(ctx: RequestContext, name: string): string[] {
  const body = ctx.body;
  let values: string[] = [];
  if (body.kind === 'form') values = body.form.fields.filter((f) => f.name === name).map((f) => f.value);
  else if (body.kind === 'json') values = jsonFieldValues(body.value, name);
  return values.length > 0 ? values : ctx.query.getAll(name);
}

export function field(ctx: RequestContext, name: string): string | undefined {
  return fieldAll(ctx, name)[0];
}

export function requiredField(ctx: RequestContext, name: string, message?: string): string {
  const value = field(ctx, name);
  if (value === undefined || value.trim() === '') return badRequest(message ?? `Missing mandatory parameter: ${name}`);
  return value;
}

export function filesOf(ctx: RequestContext, name: string): FormFile[] {
  return ctx.body.kind === 'form' ? ctx.body.form.files.filter((f) => f.name === name) : [];
}

/** All body field names, for parameter families such as `o:*` and `v:*`. */
export function bodyFieldEntries(ctx: RequestContext): { name: string; value: string }[] {
  return ctx.body.kind === 'form' ? ctx.body.form.fields.map((f) => ({ name: f.name, value: f.value })) : [];
}
