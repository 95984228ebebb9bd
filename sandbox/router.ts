import type { EndpointDef, HttpMethod } from '../shared/catalog/types';
import { type SandboxRegion, sandboxRegions } from '../shared/sandbox/constants';
import { authenticate, type Caller } from './auth';
import type { BodyOutcome } from './body-parser';
import type { RequestContext, RouteDef, World } from './context';
import { forbiddenReply, json, type Reply, SandboxError, text } from './errors';
import { rebaseExampleDates } from './example-dates';
import { fixedExampleFor } from './fixed-examples';
import { rfc2822 } from './format';
import type { RateLimiter } from './rate-limit';
import type { Domain, RegionState } from './state';

/** The part of a catalog entry the fallback needs. */
export type CatalogEntry = Pick<EndpointDef, 'method' | 'path' | 'exampleResponse'>;

export const MAGNIFICENT = 'Mailgun Magnificent API';

/** Marks answers that are a fixed catalog example rather than simulated state, so clients and tests can tell. */
export const FIXED_EXAMPLE_HEADER = 'X-Sandbox-Example';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const VERSION_SEGMENT = /^v[1-5]$/;

interface CompiledRoute {
  readonly def: RouteDef;
  readonly segments: readonly SegmentMatcher[];
  readonly literalCount: number;
  /** Own handlers win over catalog examples for the same template. */
  readonly own: boolean;
}

type SegmentMatcher = { readonly literal: string } | { readonly pattern: RegExp; readonly names: readonly string[] };

function compileSegment(segment: string): SegmentMatcher {
  if (!segment.includes('{')) return { literal: segment };
  const names: string[] = [];
  const source = segment.replace(/\{([^}]+)\}|([^{]+)/g, (_whole, name: string | undefined, literal: string | undefined) => {
    if (name !== undefined) {
      names.push(name);
      return '(.+?)';
    }
    return (literal ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

export function compileRoute(def: RouteDef, own: boolean): CompiledRoute {
  const segments = def.path
    .split('/')
    .filter((s) => s !== '')
    .map(compileSegment);
  return { def, segments, literalCount: segments.filter((s) => 'literal' in s).length, own };
}

function matchSegments(route: CompiledRoute, segments: readonly string[]): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null;
  const params: Record<string, string> = Object.create(null);
  for (let i = 0; i < segments.length; i++) {
    const matcher = route.segments[i];
    const value = segments[i] ?? '';
    if (!matcher) return null;
    if ('literal' in matcher) {
      if (matcher.literal !== value) return null;
      continue;
    }
    const found = matcher.pattern.exec(value);
    if (!found) return null;
    matcher.names.forEach((name, index) => {
      params[name] = found[index + 1] ?? '';
    });
  }
  return params;
}

/** Which parameter of a catalog path names a domain, so the fallback can still say "Domain not found". */
function domainParamOf(path: string): string | undefined {
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const match = /^\{(domain|domain_name|authority_name|name)\}$/.exec(segments[i] ?? '');
    if (!match?.[1]) continue;
    if (match[1] !== 'name' || segments[i - 1] === 'domains') return match[1];
  }
  return undefined;
}

export function catalogRoute(entry: CatalogEntry): RouteDef {
  const example = entry.exampleResponse;
  const asJson = example.contentType === 'application/json' || typeof example.body !== 'string';
  const domainParam = domainParamOf(entry.path);
  return {
    method: entry.method,
    path: entry.path,
    // Dates in the example are moved to the sandbox's clock on every answer.
    handler: (ctx): Reply => ({
      status: example.status,
      contentType: example.contentType,
      body: asJson ? JSON.stringify(rebaseExampleDates(example.body, ctx.world.now())) : String(example.body),
      headers: { [FIXED_EXAMPLE_HEADER]: `catalog example: ${fixedExampleFor(entry.method, entry.path)?.reason ?? 'not simulated'}` },
    }),
    ...(domainParam ? { domainParam } : {}),
  };
}

export interface IncomingRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: BodyOutcome;
  /** Node's request headers; only a few (Accept, X-Mailgun-On-Behalf-Of) are read. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

function firstValues(headers: IncomingRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null);
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = typeof value === 'string' ? value : value?.[0];
  return out;
}

export interface RouterDeps {
  readonly routes: readonly RouteDef[];
  readonly catalog: readonly CatalogEntry[];
  readonly world: World;
  readonly rateLimiter: RateLimiter;
  /** `http://127.0.0.1:<port>` of the running server. */
  readonly origin: () => string;
  /** Called after a request that changed something, so the state gets saved. */
  readonly onChange: () => void;
  readonly logError?: (error: unknown) => void;
}

export interface Router {
  /** A promise only for the few handlers that wait on something outside (a webhook test); it never rejects. */
  handle(request: IncomingRequest): Reply | Promise<Reply>;
  /** Swaps in a catalog that finished loading after start. */
  setCatalog(catalog: readonly CatalogEntry[]): void;
}

function splitUrl(url: string): { segments: string[]; query: URLSearchParams } | null {
  if (!url.startsWith('/') || url.length > 16_384) return null;
  const hash = url.indexOf('#');
  const clean = hash === -1 ? url : url.slice(0, hash);
  const q = clean.indexOf('?');
  const rawPath = q === -1 ? clean : clean.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : clean.slice(q + 1));
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    try {
      segments.push(decodeURIComponent(raw));
    } catch {
      return null;
    }
  }
  return { segments, query };
}

function findDomain(account: Record<SandboxRegion, RegionState>, name: string): { region: SandboxRegion; domain: Domain } | null {
  const wanted = name.toLowerCase();
  for (const region of sandboxRegions) {
    const domain = account[region].domains.find((d) => d.name === wanted);
    if (domain) return { region, domain };
  }
  return null;
}

function isVersioned(segments: readonly string[]): boolean {
  return segments.length > 0 && VERSION_SEGMENT.test(segments[0] ?? '');
}

/**
 * Turns a request into a Reply: region prefix, then auth, then the rate
 * limit, then the route (own handlers first, catalog examples after), then
 * the domain's region. Nothing a client sends can make it throw.
 */
export function createRouter(deps: RouterDeps): Router {
  const own = deps.routes.map((def) => compileRoute(def, true));
  let compiled = [...own, ...deps.catalog.map((entry) => compileRoute(catalogRoute(entry), false))];

  function route(
    method: string,
    segments: readonly string[],
  ): { route: CompiledRoute; params: Record<string, string> } | { allowed: string[] } | null {
    let best: { route: CompiledRoute; params: Record<string, string> } | null = null;
    const allowed = new Set<string>();
    for (const candidate of compiled) {
      const params = matchSegments(candidate, segments);
      if (!params) continue;
      allowed.add(candidate.def.method);
      if (candidate.def.method !== method) continue;
      if (
        !best ||
        candidate.literalCount > best.route.literalCount ||
        (candidate.literalCount === best.route.literalCount && candidate.own && !best.route.own)
      ) {
        best = { route: candidate, params };
      }
    }
    if (best) return best;
    return allowed.size > 0 ? { allowed: [...allowed].sort() } : null;
  }

  function rateLimited(region: SandboxRegion, domainName: string | undefined): Reply | null {
    const decision = deps.rateLimiter.check(region);
    if (decision.allowed) return null;
    const after = rfc2822(decision.resetAtMs, '+0000');
    const message = domainName
      ? `Domain ${domainName} is not allowed to send: request limit exceeded, try again after ${after}`
      : `Too many requests: request limit exceeded, try again after ${after}`;
    return json(429, { message }, { 'X-RateLimit-Reset': String(Math.ceil(decision.resetAtMs / 1000)) });
  }

  function handleVersioned(
    request: IncomingRequest,
    method: HttpMethod,
    region: SandboxRegion,
    segments: string[],
    query: URLSearchParams,
  ): Reply | Promise<Reply> {
    const now = deps.world.now();
    const caller: Caller | null = authenticate(request.authorization, deps.world.state.keys, now);
    if (!caller) return forbiddenReply;

    const matched = route(method, segments);
    if (matched === null) {
      return segments.length === 2 ? text(200, MAGNIFICENT) : json(404, { message: 'Not Found' });
    }
    if ('allowed' in matched)
      return json(405, { message: `Method ${method} is not allowed on this URL` }, { Allow: matched.allowed.join(', ') });
    const def = matched.route.def;

    const domainName = def.domainParam ? matched.params[def.domainParam] : undefined;
    const limited = rateLimited(region, domainName);
    if (limited) return limited;

    if (caller.kind === 'sending' && (!def.sendingKeyAllowed || domainName?.toLowerCase() !== caller.domain)) return forbiddenReply;

    const headers = firstValues(request.headers);
    const onBehalfOf = headers['x-mailgun-on-behalf-of']?.trim();
    let account = deps.world.state.regions;
    let subaccountId: string | null = null;
    if (onBehalfOf) {
      const sub = deps.world.state.subaccounts.find((s) => s.id === onBehalfOf);
      if (!sub) return json(403, { message: `Subaccount ${onBehalfOf.slice(0, 40)} not found` });
      if (sub.status !== 'open') return json(403, { message: `Subaccount ${sub.id} is disabled` });
      account = sub.regions;
      subaccountId = sub.id;
    }

    let domain: Domain | null = null;
    if (domainName !== undefined) {
      const found = findDomain(account, domainName);
      if (!found) return json(404, { message: `Domain not found: ${domainName}` });
      if (found.region !== region) {
        return def.wrongRegion === 'forbidden' ? forbiddenReply : json(404, { message: `Domain not found: ${domainName}` });
      }
      domain = found.domain;
    }

    if (!request.body.ok) return json(request.body.error.status, { message: request.body.error.message });

    const ctx: RequestContext = {
      method,
      region,
      params: matched.params,
      query,
      body: request.body.body,
      baseUrl: `${deps.origin()}/${region}`,
      world: deps.world,
      domain,
      headers,
      account,
      subaccountId,
    };
    const settle = (reply: Reply): Reply => {
      if (method !== 'GET' && reply.status < 300 && matched.route.own) deps.onChange();
      return reply;
    };
    const reply = def.handler(ctx);
    return reply instanceof Promise ? reply.then(settle, failure) : settle(reply);
  }

  function failure(error: unknown): Reply {
    if (error instanceof SandboxError) return error.reply;
    deps.logError?.(error);
    return json(500, { message: 'Internal Server Error' });
  }

  return {
    setCatalog(catalog) {
      compiled = [...own, ...catalog.map((entry) => compileRoute(catalogRoute(entry), false))];
    },
    handle(request) {
      try {
        const split = splitUrl(request.url);
        if (!split) return json(400, { message: 'Malformed request URL' });
        const [first, ...rest] = split.segments;
        if (first === undefined) return text(200, MAGNIFICENT);
        if (first !== 'us' && first !== 'eu') return json(404, { message: 'Not Found' });
        if (!isVersioned(rest)) return text(200, MAGNIFICENT);
        const method = request.method.toUpperCase();
        if (!(METHODS as readonly string[]).includes(method)) {
          return json(405, { message: `Method ${method.slice(0, 16)} is not allowed on this URL` }, { Allow: METHODS.join(', ') });
        }
        return handleVersioned(request, method as HttpMethod, first, rest, split.query);
      } catch (error) {
        return failure(error);
      }
    },
  };
}
