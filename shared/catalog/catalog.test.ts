import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, catalogTree, endpointsByGroup, findEndpointByRequest, getEndpoint, getGroup, groups, pathSegments } from './index';
import type { EndpointDef, GroupDef } from './types';

const groupsDir = join(dirname(fileURLToPath(import.meta.url)), 'groups');
const groupFiles = readdirSync(groupsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

const camel = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('catalog aggregation', () => {
  it('has at least one group file to aggregate', () => {
    expect(groupFiles.length).toBeGreaterThan(0);
  });

  it.each(groupFiles)('aggregates every export of groups/%s', async (file) => {
    const id = file.replace(/\.ts$/, '');
    const module = (await import(`./groups/${id}.ts`)) as Record<string, unknown>;
    const group = module[`${camel(id)}Group`] as GroupDef | undefined;
    const endpoints = module[`${camel(id)}Endpoints`] as readonly EndpointDef[] | undefined;
    expect(group, `groups/${file} should export ${camel(id)}Group`).toBeDefined();
    expect(endpoints, `groups/${file} should export ${camel(id)}Endpoints`).toBeDefined();
    expect(groups).toContain(group);
    for (const endpoint of endpoints ?? []) expect(catalog).toContain(endpoint);
  });

  it('holds each group and endpoint once', () => {
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
    expect(new Set(catalog).size).toBe(catalog.length);
  });

  it('assigns every endpoint to a loaded group', () => {
    const ids = new Set(groups.map((g) => g.id));
    expect(catalog.filter((e) => !ids.has(e.group)).map((e) => e.id)).toEqual([]);
  });
});

describe('sidebar order', () => {
  it('starts with sending, then domains', () => {
    expect(groups[0]?.id).toBe('messages');
    expect(groups[1]?.id).toBe('domains');
    expect(catalog[0]?.group).toBe('messages');
  });

  it('puts deprecated groups last', () => {
    const firstDeprecated = groups.findIndex((g) => g.deprecated);
    if (firstDeprecated === -1) return;
    expect(groups.slice(firstDeprecated).every((g) => g.deprecated)).toBe(true);
  });

  it('keeps each group contiguous, in group order', () => {
    const order = catalog.map((e) => groups.findIndex((g) => g.id === e.group));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('matches the tree and the per-group lookup', () => {
    expect(catalogTree.map((s) => s.group)).toEqual(groups);
    expect(catalogTree.flatMap((s) => s.endpoints)).toEqual(catalog);
    for (const section of catalogTree) expect(endpointsByGroup(section.group.id)).toEqual(section.endpoints);
  });
});

describe('lookups', () => {
  it('finds endpoints and groups by id', () => {
    const first = catalog[0] as EndpointDef;
    expect(getEndpoint(first.id)).toBe(first);
    expect(getEndpoint('no.such-endpoint')).toBeUndefined();
    expect(getGroup('messages')?.id).toBe('messages');
  });
});

describe('findEndpointByRequest', () => {
  it('matches a concrete sending path, from a path or a full URL', () => {
    const fromPath = findEndpointByRequest('POST', '/v3/mg.example.com/messages');
    expect(fromPath?.endpoint.id).toBe('messages.send');
    expect(fromPath?.pathParams).toEqual({ domain_name: 'mg.example.com' });
    expect(findEndpointByRequest('post', 'https://api.eu.mailgun.net/v3/mg.example.com/messages?x=1#top')?.endpoint.id).toBe(
      'messages.send',
    );
    expect(findEndpointByRequest('POST', '/v3/mg.example.com/messages.mime')?.endpoint.path).toBe('/v3/{domain_name}/messages.mime');
  });

  it('accepts Postman-style variables and base URLs with a path prefix', () => {
    expect(findEndpointByRequest('POST', '{{baseUrl}}/v3/{{domain}}/messages')?.endpoint.id).toBe('messages.send');
    expect(findEndpointByRequest('POST', 'http://127.0.0.1:8080/mock/v3/mg.example.com/messages')?.endpoint.id).toBe('messages.send');
  });

  it('prefers literal segments over placeholders', () => {
    const pages = catalog.find((e) => e.method === 'GET' && e.path === '/v3/lists/pages');
    if (pages) expect(findEndpointByRequest('GET', '/v3/lists/pages')?.endpoint).toBe(pages);
    const enroll = catalog.find((e) => e.path === '/v3/domains/all/dynamic_pools/enroll');
    if (enroll) expect(findEndpointByRequest(enroll.method, '/v3/domains/all/dynamic_pools/enroll')?.endpoint).toBe(enroll);
  });

  it('decodes path parameters', () => {
    const member = catalog.find((e) => e.method === 'GET' && e.path === '/v3/lists/{list_address}/members/{member_address}');
    if (!member) return;
    const match = findEndpointByRequest('GET', '/v3/lists/dev%40mg.example.com/members/alice%40example.com');
    expect(match?.endpoint).toBe(member);
    expect(match?.pathParams).toEqual({ list_address: 'dev@mg.example.com', member_address: 'alice@example.com' });
  });

  it('needs the method and the whole path to agree', () => {
    expect(findEndpointByRequest('DELETE', '/v3/mg.example.com/messages')).toBeUndefined();
    expect(findEndpointByRequest('POST', '/v3/mg.example.com/messages/extra/segments')).toBeUndefined();
    expect(findEndpointByRequest('GET', '/')).toBeUndefined();
  });

  it('round-trips every catalog template', () => {
    const wrong: string[] = [];
    for (const endpoint of catalog) {
      const concrete = endpoint.path.replace(/\{[^}]+\}/g, 'x1');
      const match = findEndpointByRequest(endpoint.method, concrete);
      // Two templates that differ only in placeholder names are the same route; either answer is right.
      if (match?.endpoint.path.replace(/\{[^}]+\}/g, 'x1') !== concrete) wrong.push(`${endpoint.method} ${endpoint.path}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('pathSegments', () => {
  it('strips scheme, host, query and anything before the version', () => {
    expect(pathSegments('https://api.mailgun.net/v4/domains?limit=1')).toEqual(['v4', 'domains']);
    expect(pathSegments('{{url}}/v3/routes/')).toEqual(['v3', 'routes']);
  });
});
