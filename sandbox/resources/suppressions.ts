import { domainOf, field, fieldAll, filesOf, param, type RequestContext, type RouteDef } from '../context';
import { parseCsv } from '../csv';
import { badRequest, json, notFound, type Reply } from '../errors';
import { isBareAddress, isHostname, parseDate, rfc2822 } from '../format';
import { pivotPage, readPivotRequest } from '../paging';
import type { AllowEntry, Bounce, Complaint, Domain, Unsubscribe } from '../state';

/**
 * Bounces, complaints, unsubscribes and the allowlist share one behaviour:
 * add one (form) or many (JSON array), page through them by address, get,
 * delete one, delete all, import a CSV. Only their fields differ.
 */
interface SuppressionKind<T> {
  /** Path segment, e.g. `bounces`; the allowlist keeps Mailgun's `whitelists`. */
  readonly segment: string;
  readonly tableName: string;
  readonly items: (d: Domain) => T[];
  readonly replace: (d: Domain, items: T[]) => void;
  readonly keyOf: (item: T) => string;
  readonly view: (item: T) => Record<string, unknown>;
  readonly notFound: string;
  /** Builds an entry from named values (form fields, a JSON object or a CSV row); a string is an error message. */
  readonly build: (values: (name: string) => string | undefined, all: (name: string) => string[], now: number) => T | string;
  /** How a re-added entry combines with the stored one. */
  readonly merge?: (existing: T, incoming: T) => T;
  readonly deletedAllMessage: string;
  readonly deletedOneMessage: string;
  /** The answer's name for an entry's key: `address`, or `value` on the allowlist. */
  readonly keyName: 'address' | 'value';
  /** CSV columns that can carry the key. */
  readonly csvKeyColumns: readonly string[];
  readonly addedReply: (item: T) => Record<string, unknown>;
  /** Unsubscribes can drop one tag instead of the whole entry; `emptied` means no tag is left. */
  readonly removeTag?: (item: T, tag: string) => 'missing' | 'emptied' | 'kept';
}

const MAX_BATCH = 1000;
const MAX_IMPORT_ROWS = 100_000;

function createdAt(values: (name: string) => string | undefined, now: number): number | string {
  const raw = values('created_at');
  if (raw === undefined || raw.trim() === '') return now;
  return parseDate(raw) ?? `Invalid value for 'created_at': ${raw.slice(0, 60)}`;
}

function readAddress(values: (name: string) => string | undefined): { address: string } | { error: string } {
  const raw = values('address');
  if (raw === undefined || raw.trim() === '') return { error: 'Missing mandatory parameter: address' };
  const trimmed = raw.trim().toLowerCase();
  return isBareAddress(trimmed) ? { address: trimmed } : { error: `'${raw.slice(0, 100)}' is not a valid address` };
}

const isError = (value: unknown): value is string => typeof value === 'string';

export const bounceKind: SuppressionKind<Bounce> = {
  segment: 'bounces',
  tableName: 'bounces',
  items: (d) => d.bounces,
  replace: (d, items) => {
    d.bounces = items;
  },
  keyOf: (b) => b.address,
  view: (b) => ({ address: b.address, code: b.code, error: b.error, created_at: rfc2822(b.created_at) }),
  notFound: 'Address not found in bounces table',
  build: (values, _all, now) => {
    const read = readAddress(values);
    if ('error' in read) return read.error;
    const addr = read.address;
    const at = createdAt(values, now);
    if (isError(at)) return at;
    const code = values('code')?.trim() || '550';
    if (!/^\d{3}$/.test(code)) return `Invalid value for 'code': ${code.slice(0, 20)}`;
    return { address: addr, code, error: (values('error') ?? '').slice(0, 1000), created_at: at };
  },
  deletedAllMessage: 'All bounces for this domain were removed',
  deletedOneMessage: 'Bounce removed',
  keyName: 'address',
  csvKeyColumns: ['address'],
  addedReply: (b) => ({ message: 'Address has been added to the bounces list', address: b.address }),
};

export const complaintKind: SuppressionKind<Complaint> = {
  segment: 'complaints',
  tableName: 'complaints',
  items: (d) => d.complaints,
  replace: (d, items) => {
    d.complaints = items;
  },
  keyOf: (c) => c.address,
  view: (c) => ({ address: c.address, created_at: rfc2822(c.created_at) }),
  notFound: 'No spam complaints found for this address',
  build: (values, _all, now) => {
    const read = readAddress(values);
    if ('error' in read) return read.error;
    const addr = read.address;
    const at = createdAt(values, now);
    return isError(at) ? at : { address: addr, created_at: at };
  },
  deletedAllMessage: 'All complaints for this domain were removed',
  deletedOneMessage: 'Complaint removed',
  keyName: 'address',
  csvKeyColumns: ['address'],
  addedReply: (c) => ({ message: 'Address has been added to the complaints list', address: c.address }),
};

export const unsubscribeKind: SuppressionKind<Unsubscribe> = {
  segment: 'unsubscribes',
  tableName: 'unsubscribes',
  items: (d) => d.unsubscribes,
  replace: (d, items) => {
    d.unsubscribes = items;
  },
  keyOf: (u) => u.address,
  view: (u) => ({ address: u.address, tags: u.tags, created_at: rfc2822(u.created_at) }),
  notFound: 'Address not found in unsubscribers table',
  build: (values, all, now) => {
    const read = readAddress(values);
    if ('error' in read) return read.error;
    const addr = read.address;
    const at = createdAt(values, now);
    if (isError(at)) return at;
    const tags = [...all('tag'), ...all('tags')].flatMap(splitTags);
    return { address: addr, tags: tags.length > 0 ? [...new Set(tags)] : ['*'], created_at: at };
  },
  merge: (existing, incoming) => ({ ...existing, tags: [...new Set([...existing.tags, ...incoming.tags])] }),
  deletedAllMessage: 'All unsubscribes for this domain were removed',
  deletedOneMessage: 'Unsubscribe removed',
  keyName: 'address',
  csvKeyColumns: ['address'],
  addedReply: (u) => ({ message: 'Address has been added to the unsubscribes list', address: u.address }),
  removeTag: (u, tag) => {
    if (!u.tags.includes(tag)) return 'missing';
    u.tags = u.tags.filter((t) => t !== tag);
    return u.tags.length === 0 ? 'emptied' : 'kept';
  },
};

/** Tags arrive as repeated fields, a JSON array, or a comma-separated CSV cell. */
function splitTags(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((t): t is string => typeof t === 'string' && t !== '');
    } catch {
      // Not JSON after all; treat it as plain text.
    }
  }
  return trimmed
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export const allowlistKind: SuppressionKind<AllowEntry> = {
  segment: 'whitelists',
  tableName: 'allowlist',
  items: (d) => d.allowlist,
  replace: (d, items) => {
    d.allowlist = items;
  },
  keyOf: (a) => a.value,
  view: (a) => ({ type: a.type, value: a.value, createdAt: rfc2822(a.created_at), reason: a.reason }),
  notFound: 'Address/Domain not found in allowlist table',
  build: (values, _all, now) => {
    const rawAddress = values('address')?.trim();
    const rawDomain = values('domain')?.trim();
    const reason = (values('reason') ?? '').slice(0, 1000);
    if (rawAddress) {
      const lower = rawAddress.toLowerCase();
      return isBareAddress(lower)
        ? { type: 'address', value: lower, reason, created_at: now }
        : `'${rawAddress.slice(0, 100)}' is not a valid address`;
    }
    if (rawDomain) {
      const lower = rawDomain.toLowerCase();
      return isHostname(lower)
        ? { type: 'domain', value: lower, reason, created_at: now }
        : `'${rawDomain.slice(0, 100)}' is not a valid domain`;
    }
    return 'Missing mandatory parameter: address or domain';
  },
  deletedAllMessage: 'All allowlist entries for this domain were removed',
  deletedOneMessage: 'Allowlist entry removed',
  keyName: 'value',
  csvKeyColumns: ['address', 'domain'],
  addedReply: (a) => ({ message: `Added ${a.value} to the allowlist`, type: a.type, value: a.value }),
};

function upsert<T>(kind: SuppressionKind<T>, domain: Domain, incoming: readonly T[]): void {
  const byKey = new Map(kind.items(domain).map((item) => [kind.keyOf(item), item] as const));
  for (const item of incoming) {
    const existing = byKey.get(kind.keyOf(item));
    byKey.set(kind.keyOf(item), existing && kind.merge ? kind.merge(existing, item) : item);
  }
  kind.replace(domain, [...byKey.values()]);
}

function sortedItems<T>(kind: SuppressionKind<T>, domain: Domain): T[] {
  return [...kind.items(domain)].sort((a, b) => (kind.keyOf(a) < kind.keyOf(b) ? -1 : kind.keyOf(a) > kind.keyOf(b) ? 1 : 0));
}

function objectAccessors(value: Record<string, unknown>) {
  const get = (name: string): string | undefined => {
    if (!Object.hasOwn(value, name)) return undefined;
    const v = value[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  const all = (name: string): string[] => {
    if (!Object.hasOwn(value, name)) return [];
    const v = value[name];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    return typeof v === 'string' ? [v] : [];
  };
  return { get, all };
}

function list<T>(kind: SuppressionKind<T>) {
  return (ctx: RequestContext): Reply => {
    const domain = domainOf(ctx);
    const request = readPivotRequest(ctx.query, 'address', { fallback: 100, max: 1000 });
    const term = ctx.query.get('term')?.toLowerCase();
    const all = sortedItems(kind, domain).filter((item) => !term || kind.keyOf(item).startsWith(term));
    const page = pivotPage(all, kind.keyOf, request, `${ctx.baseUrl}/v3/${domain.name}/${kind.segment}`, 'address', term ? { term } : {});
    return json(200, { items: page.items.map(kind.view), paging: page.paging });
  };
}

function create<T>(kind: SuppressionKind<T>) {
  return (ctx: RequestContext): Reply => {
    const domain = domainOf(ctx);
    const now = ctx.world.now();
    if (ctx.body.kind === 'json') {
      const value = ctx.body.value;
      const entries = Array.isArray(value) ? value : [value];
      if (entries.length > MAX_BATCH) return badRequest(`At most ${MAX_BATCH} entries can be added per request`);
      const built: T[] = [];
      for (const entry of entries) {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return badRequest('Each item must be a JSON object');
        const { get, all } = objectAccessors(entry as Record<string, unknown>);
        const item = kind.build(get, all, now);
        if (isError(item)) return badRequest(item);
        built.push(item);
      }
      upsert(kind, domain, built);
      return json(200, { message: `${built.length} address${built.length === 1 ? '' : 'es'} added to the ${kind.tableName} list` });
    }
    const item = kind.build(
      (name) => field(ctx, name),
      (name) => fieldAll(ctx, name),
      now,
    );
    if (isError(item)) return badRequest(item);
    upsert(kind, domain, [item]);
    return json(200, kind.addedReply(item));
  };
}

function findOne<T>(kind: SuppressionKind<T>, ctx: RequestContext): T {
  const key = param(ctx, 'key').toLowerCase();
  const item = kind.items(domainOf(ctx)).find((candidate) => kind.keyOf(candidate) === key);
  return item ?? notFound(kind.notFound);
}

function removeOne<T>(kind: SuppressionKind<T>) {
  return (ctx: RequestContext): Reply => {
    const domain = domainOf(ctx);
    const item = findOne(kind, ctx);
    const key = kind.keyOf(item);
    const tag = ctx.query.get('tag');
    if (kind.removeTag && tag) {
      const outcome = kind.removeTag(item, tag);
      if (outcome === 'missing') return notFound(`No unsubscribe for tag ${tag.slice(0, 100)}`);
      if (outcome === 'kept') return json(200, { message: `Tag ${tag} removed from the unsubscribe`, address: key });
    }
    kind.replace(
      domain,
      kind.items(domain).filter((candidate) => kind.keyOf(candidate) !== key),
    );
    return json(200, { message: kind.deletedOneMessage, [kind.keyName]: key });
  };
}

function removeAll<T>(kind: SuppressionKind<T>) {
  return (ctx: RequestContext): Reply => {
    kind.replace(domainOf(ctx), []);
    return json(200, { message: kind.deletedAllMessage });
  };
}

function importCsv<T>(kind: SuppressionKind<T>) {
  return (ctx: RequestContext): Reply => {
    const file = filesOf(ctx, 'file')[0];
    if (!file) return badRequest("'file' parameter is missing: upload a CSV file");
    const rows = parseCsv(file.data.toString('utf8'), MAX_IMPORT_ROWS + 1);
    if (!rows) return badRequest(`CSV file could not be read (unbalanced quotes or more than ${MAX_IMPORT_ROWS} rows)`);
    const [header, ...data] = rows;
    const columns = (header ?? []).map((h) => h.trim().toLowerCase());
    if (!kind.csvKeyColumns.some((column) => columns.includes(column))) {
      return badRequest(`while reading csv header: expected a column named ${kind.csvKeyColumns.join(' or ')}`);
    }
    const now = ctx.world.now();
    const built: T[] = [];
    for (const [index, row] of data.entries()) {
      const get = (name: string): string | undefined => {
        const at = columns.indexOf(name);
        const cell = at === -1 ? undefined : row[at]?.trim();
        return cell === '' ? undefined : cell;
      };
      const item = kind.build(get, (name) => (get(name) ? [get(name) as string] : []), now);
      if (isError(item)) return badRequest(`CSV row ${index + 2}: ${item}`);
      built.push(item);
    }
    upsert(kind, domainOf(ctx), built);
    return json(202, { message: 'file uploaded successfully for processing. standby...' });
  };
}

function routesFor<T>(kind: SuppressionKind<T>): RouteDef[] {
  const base = `/v3/{domain_name}/${kind.segment}`;
  const one = `${base}/{${kind.keyName}}`;
  const wrapOne = (handler: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
    handler({ ...ctx, params: { ...ctx.params, key: ctx.params[kind.keyName] ?? '' } });
  return [
    { method: 'GET', path: base, domainParam: 'domain_name', handler: list(kind) },
    { method: 'POST', path: base, domainParam: 'domain_name', handler: create(kind) },
    { method: 'DELETE', path: base, domainParam: 'domain_name', handler: removeAll(kind) },
    { method: 'POST', path: `${base}/import`, domainParam: 'domain_name', handler: importCsv(kind) },
    { method: 'GET', path: one, domainParam: 'domain_name', handler: wrapOne((ctx) => json(200, kind.view(findOne(kind, ctx)))) },
    { method: 'DELETE', path: one, domainParam: 'domain_name', handler: wrapOne(removeOne(kind)) },
  ];
}

export const suppressionRoutes: readonly RouteDef[] = [
  ...routesFor(bounceKind),
  ...routesFor(complaintKind),
  ...routesFor(unsubscribeKind),
  ...routesFor(allowlistKind),
];
