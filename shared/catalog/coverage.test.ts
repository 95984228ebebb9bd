import { describe, expect, it } from 'vitest';
import specFacts from './__fixtures__/spec-facts.json';
import { paramFamilies } from './families';
import { catalog } from './index';
import type { EndpointDef, ParamFamilyId } from './types';

/**
 * The fixture holds facts only (method, path, encoding, parameter names,
 * locations, required flags) for every operation in Mailgun's OpenAPI file;
 * see its `notes` for the few normalisations made when it was extracted.
 * Parameters are matched by name and location, since a few operations take
 * the same name twice (a path `ip` and a query `ip`).
 */
interface FactParam {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'body';
  readonly required: boolean;
}
interface FactOperation {
  readonly method: string;
  readonly path: string;
  readonly encoding: string;
  readonly params: readonly FactParam[];
}

const operations = specFacts.operations as readonly FactOperation[];
const SPEC_OPERATIONS = 213;

function familyOf(name: string): ParamFamilyId | undefined {
  if (name === 'recipient-variables') return 'recipient-variables';
  const prefix = name.slice(0, 2);
  return prefix === 'o:' || prefix === 'h:' || prefix === 'v:' || prefix === 't:' ? prefix : undefined;
}

/**
 * A spec field with a family prefix is covered by the endpoint's family when it
 * is not a ParamDef: any name for h:/v:, a documented member for o:/t:.
 */
function coveredByFamily(endpoint: EndpointDef, name: string): boolean {
  const family = familyOf(name);
  if (!family || !endpoint.families?.includes(family)) return false;
  if (family === 'h:' || family === 'v:' || family === 'recipient-variables') return true;
  return paramFamilies[family].known.some((m) => m.name === name);
}

/**
 * Where the spec marks list filters as required although Mailgun answers
 * without them (and the app would otherwise refuse to send a plain list call),
 * the catalog makes them optional. Each exception is named here so nothing
 * else can drift from the spec unnoticed.
 */
const optionalDespiteSpec: ReadonlySet<string> = new Set([
  'bounces.list:limit',
  'bounces.list:page',
  'bounces.list:term',
  'complaints.list:address',
  'complaints.list:term',
  'unsubscribes.list:address',
  'unsubscribes.list:term',
  'allowlist.list:address',
  'allowlist.list:term',
  // Either a replacement IP or a replacement pool: Mailgun refuses a call that sends both.
  'dynamic-ip-pools.remove-domain:replacement_pool_id',
  // The first page has no token yet, and its paging links (first has no page) must build.
  'domain-keys.list-all:page',
  'domain-keys.list-all:limit',
]);

/**
 * Parameters Mailgun takes although the spec leaves them out: the metrics queries page through the same
 * `pagination` object their answers echo (with `total`), so the paging buttons need it to ask for the next page;
 * lending an IP pool to a subaccount needs the pool's id, which the spec names only in its prose.
 */
const addedToSpec: ReadonlySet<string> = new Set([
  'metrics.query:pagination',
  'metrics.query-usage:pagination',
  'subaccounts.delegate-ip-pool:pool_id',
]);

/**
 * Where the catalog sends fields in the body although the spec says query: adding members as JSON puts up to
 * 1,000 members in `members`, which overflows a URL after a few hundred; the SDK and Mailgun's examples send a form.
 */
const bodyDespiteSpec: Readonly<Record<string, { readonly encoding: string; readonly params: readonly string[] }>> = {
  'mailing-lists.add-members-json': { encoding: 'multipart', params: ['members', 'upsert'] },
};

function compare(op: FactOperation, endpoint: EndpointDef): string[] {
  const where = `${op.method} ${op.path} (${endpoint.id})`;
  const out: string[] = [];
  const moved = bodyDespiteSpec[endpoint.id];
  if (moved)
    op = { ...op, encoding: moved.encoding, params: op.params.map((f) => (moved.params.includes(f.name) ? { ...f, in: 'body' } : f)) };
  if (endpoint.encoding !== op.encoding) out.push(`${where}: encoding is ${endpoint.encoding}, spec says ${op.encoding}`);
  for (const fact of op.params) {
    const def = endpoint.params.find((p) => p.name === fact.name && p.in === fact.in);
    if (!def) {
      const elsewhere = endpoint.params.find((p) => p.name === fact.name && !op.params.some((f) => f.name === p.name && f.in === p.in));
      if (elsewhere) out.push(`${where}: parameter ${fact.name} is in ${elsewhere.in}, spec says ${fact.in}`);
      else if (!coveredByFamily(endpoint, fact.name))
        out.push(`${where}: missing parameter ${fact.name} (${fact.in}${fact.required ? ', required' : ''})`);
      continue;
    }
    const excepted = fact.required && !def.required && optionalDespiteSpec.has(`${endpoint.id}:${def.name}`);
    if (def.required !== fact.required && !excepted)
      out.push(`${where}: parameter ${fact.name} (${fact.in}) required=${def.required}, spec says ${fact.required}`);
  }
  for (const def of endpoint.params) {
    const inSpec = op.params.some((f) => f.name === def.name && f.in === def.in);
    const reportedAsMoved = op.params.some((f) => f.name === def.name);
    if (!inSpec && !reportedAsMoved && !addedToSpec.has(`${endpoint.id}:${def.name}`))
      out.push(`${where}: parameter ${def.name} (${def.in}) is not in the spec`);
  }
  return out;
}

function coverage(): { covered: number; differences: string[] } {
  const differences: string[] = [];
  let covered = 0;
  for (const op of operations) {
    const matches = catalog.filter((e) => e.method === op.method && e.path === op.path);
    if (matches.length === 0) {
      differences.push(`${op.method} ${op.path}: not in the catalog`);
      continue;
    }
    if (matches.length > 1)
      differences.push(`${op.method} ${op.path}: in the catalog ${matches.length} times (${matches.map((e) => e.id).join(', ')})`);
    const found = compare(op, matches[0] as EndpointDef);
    differences.push(...found);
    if (found.length === 0 && matches.length === 1) covered += 1;
  }
  return { covered, differences };
}

const result = coverage();

describe('coverage of the OpenAPI operations', () => {
  it(`the fixture lists all ${SPEC_OPERATIONS} operations once`, () => {
    expect(operations).toHaveLength(SPEC_OPERATIONS);
    expect(new Set(operations.map((o) => `${o.method} ${o.path}`)).size).toBe(SPEC_OPERATIONS);
  });

  // The count is in the test name so every run reports it.
  it(`${result.covered} of ${operations.length} operations are in the catalog with the same method, path, parameters, required flags and encoding`, () => {
    expect(result.differences).toEqual([]);
    expect(`${result.covered} of ${operations.length}`).toBe(`${SPEC_OPERATIONS} of ${SPEC_OPERATIONS}`);
  });

  it('marks exactly the endpoints missing from the spec as beyondSpec', () => {
    const inSpec = new Set(operations.map((o) => `${o.method} ${o.path}`));
    const wronglyMarked = catalog.filter((e) => e.beyondSpec === true && inSpec.has(`${e.method} ${e.path}`)).map((e) => e.id);
    const unmarked = catalog
      .filter((e) => e.beyondSpec !== true && !inSpec.has(`${e.method} ${e.path}`))
      .map((e) => `${e.id} ${e.method} ${e.path}`);
    expect({ wronglyMarked, unmarked }).toEqual({ wronglyMarked: [], unmarked: [] });
  });

  it('includes the calls documented outside the spec: Validate, Inbox Placement, the event paging link and what the SDK calls', () => {
    const beyond = catalog.filter((e) => e.beyondSpec === true);
    expect(beyond.some((e) => e.group === 'validations')).toBe(true);
    expect(beyond.some((e) => e.group === 'inbox-placement')).toBe(true);
    expect(beyond.map((e) => e.id)).toEqual(expect.arrayContaining(['events.page', 'domains.get-connection', 'webhooks.account-create']));
  });

  it('names an existing endpoint wherever another one fetches further pages', () => {
    for (const e of catalog.filter((item) => item.pageWith !== undefined))
      expect(
        catalog.some((other) => other.id === e.pageWith),
        e.id,
      ).toBe(true);
  });
});
