import { describe, expect, it } from 'vitest';
import { catalog, createCatalogSearch, groups, searchCatalog } from './index';
import type { EndpointDef, GroupId } from './types';

const topGroups = (query: string, n: number) => searchCatalog(query, { limit: n }).map((r) => r.endpoint.group);
const top = (query: string) => searchCatalog(query)[0]?.endpoint;

describe('searchCatalog', () => {
  it('"bounce" lists the bounce suppression endpoints first', () => {
    const bounces = catalog.filter((e) => e.group === 'bounces').length;
    expect(bounces).toBeGreaterThan(0);
    expect(new Set(topGroups('bounce', bounces))).toEqual(new Set<GroupId>(['bounces']));
  });

  it('"send a message" puts the multipart send first, the MIME upload after it', () => {
    for (const query of ['send a message', 'send message', 'Send a message']) {
      const ids = searchCatalog(query, { limit: 3 }).map((r) => r.endpoint.id);
      expect(ids[0], query).toBe('messages.send');
      expect(ids).toContain('messages.send-mime');
    }
    expect(top('mime')?.id).toBe('messages.send-mime');
  });

  it('forgives typos: "mesages" finds sending', () => {
    expect(top('mesages')?.group).toBe('messages');
    expect(top('webhok')?.group).toBe('webhooks');
    expect(top('templtes')?.group).toBe('templates');
  });

  it('"events" finds the events and logs endpoints', () => {
    const groupsFound = topGroups('events', 3);
    expect(new Set(groupsFound)).toEqual(new Set<GroupId>(['events', 'logs']));
  });

  it('"dkim" finds the DKIM endpoints', () => {
    const results = searchCatalog('dkim', { limit: 5 });
    expect(results.length).toBe(5);
    for (const r of results)
      expect(`${r.endpoint.path} ${r.endpoint.summary} ${r.endpoint.group}`.toLowerCase()).toMatch(/dkim|domain-keys/);
  });

  it('matches path fragments', () => {
    const results = searchCatalog('/v3/lists');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.endpoint.path.startsWith('/v3/lists'))).toBe(true);
    expect(results[0]?.endpoint.path).toBe('/v3/lists');
    expect(results[0]?.matches).toContainEqual({ field: 'path', terms: ['/v3/lists'] });
  });

  it('matches concrete paths against templates', () => {
    const first = top('/v3/mg.example.com/messages');
    expect(first?.path).toBe('/v3/{domain_name}/messages');
    expect(first?.method).toBe('POST');
  });

  it('filters by a leading or trailing method', () => {
    const results = searchCatalog('post messages');
    expect(results[0]?.endpoint.id).toMatch(/^messages\./);
    expect(results.every((r) => r.endpoint.method === 'POST')).toBe(true);
    expect(results[0]?.matches.find((m) => m.field === 'method')?.terms).toEqual(['POST']);
    expect(searchCatalog('bounces DELETE').every((r) => r.endpoint.method === 'DELETE')).toBe(true);
    expect(searchCatalog('get').length).toBe(catalog.filter((e) => e.method === 'GET').length);
  });

  it('finds parameters by name', () => {
    const results = searchCatalog('recipient-variables', { limit: 3 });
    expect(results[0]?.endpoint.params.some((p) => p.name === 'recipient-variables')).toBe(true);
    expect(results[0]?.matches.find((m) => m.field === 'param')?.terms).toContain('recipient-variables');
  });

  it('returns the whole catalog in order for an empty query', () => {
    expect(searchCatalog('').map((r) => r.endpoint)).toEqual(catalog);
    expect(searchCatalog('   ').length).toBe(catalog.length);
  });

  it('returns nothing for nonsense', () => {
    expect(searchCatalog('zzqxj')).toEqual([]);
  });

  it('says which fields matched, for highlighting', () => {
    const result = searchCatalog('bounce', { limit: 1 })[0];
    const fields = result?.matches.map((m) => m.field) ?? [];
    expect(fields).toContain('group');
    for (const m of result?.matches ?? []) expect(m.terms.length).toBeGreaterThan(0);
  });

  it('honours limit, group and deprecation options', () => {
    expect(searchCatalog('domain', { limit: 3 })).toHaveLength(3);
    expect(searchCatalog('list', { groups: ['mailing-lists'] }).every((r) => r.endpoint.group === 'mailing-lists')).toBe(true);
    expect(searchCatalog('stats', { includeDeprecated: false }).every((r) => !r.endpoint.deprecated)).toBe(true);
  });

  it('ranks results by score, highest first', () => {
    const scores = searchCatalog('domain tracking').map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('ranks current endpoints above deprecated twins', () => {
    const results = searchCatalog('tags');
    const firstDeprecated = results.findIndex((r) => r.endpoint.deprecated);
    const firstCurrent = results.findIndex((r) => !r.endpoint.deprecated);
    if (firstDeprecated >= 0 && firstCurrent >= 0) expect(firstCurrent).toBeLessThan(firstDeprecated);
  });

  it('works over any endpoint list', () => {
    const only: EndpointDef[] = catalog.filter((e) => e.group === 'routes');
    const search = createCatalogSearch(only, groups);
    expect(search('route').every((r) => r.endpoint.group === 'routes')).toBe(true);
    expect(search('bounce')).toEqual([]);
  });
});
