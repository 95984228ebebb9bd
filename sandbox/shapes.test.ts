import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../shared/catalog';
import type { EndpointDef, JsonValue } from '../shared/catalog/types';
import { FIXED_EXAMPLE_HEADER } from './router';
import { type CallOptions, startTestSandbox, type TestSandbox, US } from './test-support';

/**
 * The sandbox must answer with Mailgun's field names and JSON types. For each
 * simulated endpoint we call the sandbox and compare the answer's shape with
 * the catalog's example response for the same method and path.
 */

type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/** Objects whose keys are chosen by the caller or by what was seen (custom variables, headers, requested metrics, the providers, countries and devices met): only their type is compared. */
const FREE_FORM_KEYS = ['vars', 'headers', 'user-variables', 'metrics', 'providers', 'countries', 'devices'];

/** Differences where `actual` lacks a key the example has, or holds another type; null in the example matches anything. */
function shapeDiff(example: unknown, actual: unknown, at = '$'): string[] {
  const expected = jsonType(example);
  const got = jsonType(actual);
  if (expected === 'null') return [];
  if (expected !== got) return [`${at}: example is ${expected}, sandbox gave ${got}`];
  if (FREE_FORM_KEYS.some((key) => at.endsWith(`.${key}`))) return [];
  if (expected === 'array') {
    const [first] = example as unknown[];
    const [firstActual] = actual as unknown[];
    return first === undefined || firstActual === undefined ? [] : shapeDiff(first, firstActual, `${at}[0]`);
  }
  if (expected !== 'object') return [];
  const out: string[] = [];
  const actualObject = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
    if (!Object.hasOwn(actualObject, key)) out.push(`${at}.${key}: missing`);
    else out.push(...shapeDiff(value, actualObject[key], `${at}.${key}`));
  }
  return out;
}

interface Probe {
  readonly method: EndpointDef['method'];
  /** The catalog's path template. */
  readonly template: string;
  /** What to actually request (under the US base URL). */
  readonly path: string;
  readonly options?: CallOptions;
  /** Shape paths where the sandbox knowingly differs from the catalog example, with the reason. */
  readonly knownDifferences?: Readonly<Record<string, string>>;
}

const send = { from: `Shop <shop@${US}>`, to: 'alice@example.com', subject: 'Hello', text: 'Hi' };

const probes: readonly Probe[] = [
  { method: 'POST', template: '/v3/{domain_name}/messages', path: `/v3/${US}/messages`, options: { form: send } },
  { method: 'GET', template: '/v4/domains', path: '/v4/domains' },
  { method: 'POST', template: '/v4/domains', path: '/v4/domains', options: { form: { name: 'shape.example.com' } } },
  { method: 'GET', template: '/v4/domains/{name}', path: `/v4/domains/${US}` },
  { method: 'PUT', template: '/v4/domains/{name}', path: `/v4/domains/${US}`, options: { method: 'PUT', form: { spam_action: 'tag' } } },
  { method: 'PUT', template: '/v4/domains/{name}/verify', path: `/v4/domains/${US}/verify`, options: { method: 'PUT' } },
  {
    method: 'GET',
    template: '/v3/domains/{name}/tracking',
    path: `/v3/domains/${US}/tracking`,
    knownDifferences: { '$.tracking.click.active': "the catalog example shows 'htmlonly'; the spec's schema types it as a boolean" },
  },
  {
    method: 'PUT',
    template: '/v3/domains/{name}/tracking/open',
    path: `/v3/domains/${US}/tracking/open`,
    options: { method: 'PUT', form: { active: 'yes' } },
  },
  {
    method: 'PUT',
    template: '/v3/domains/{name}/tracking/click',
    path: `/v3/domains/${US}/tracking/click`,
    options: { method: 'PUT', form: { active: 'htmlonly' } },
    knownDifferences: { '$.click.active': "the catalog example shows 'htmlonly'; the spec's schema types it as a boolean" },
  },
  {
    method: 'PUT',
    template: '/v3/domains/{name}/tracking/unsubscribe',
    path: `/v3/domains/${US}/tracking/unsubscribe`,
    options: { method: 'PUT', form: { active: 'yes' } },
  },
  { method: 'GET', template: '/v3/{domain_name}/events', path: `/v3/${US}/events?event=delivered` },
  { method: 'GET', template: '/v3/{domain_name}/bounces', path: `/v3/${US}/bounces` },
  { method: 'GET', template: '/v3/{domain_name}/bounces/{address}', path: `/v3/${US}/bounces/old-address@example.net` },
  { method: 'POST', template: '/v3/{domain_name}/bounces', path: `/v3/${US}/bounces`, options: { form: { address: 'shape@example.com' } } },
  { method: 'GET', template: '/v3/{domain_name}/complaints', path: `/v3/${US}/complaints` },
  { method: 'GET', template: '/v3/{domain_name}/complaints/{address}', path: `/v3/${US}/complaints/angry@example.com` },
  { method: 'GET', template: '/v3/{domain_name}/unsubscribes', path: `/v3/${US}/unsubscribes` },
  { method: 'GET', template: '/v3/{domain_name}/unsubscribes/{address}', path: `/v3/${US}/unsubscribes/no-more@example.com` },
  { method: 'GET', template: '/v3/{domain_name}/whitelists', path: `/v3/${US}/whitelists` },
  { method: 'GET', template: '/v3/{domain_name}/whitelists/{value}', path: `/v3/${US}/whitelists/vip@example.org` },
  {
    method: 'POST',
    template: '/v3/{domain_name}/whitelists',
    path: `/v3/${US}/whitelists`,
    options: { form: { address: 'shape@example.com' } },
  },
  { method: 'GET', template: '/v3/domains/{domain}/webhooks', path: `/v3/domains/${US}/webhooks` },
  {
    method: 'POST',
    template: '/v3/domains/{domain}/webhooks',
    path: `/v3/domains/${US}/webhooks`,
    options: { form: { id: 'clicked', url: 'https://shape.example.com' } },
  },
  { method: 'GET', template: '/v3/domains/{domain_name}/webhooks/{webhook_name}', path: `/v3/domains/${US}/webhooks/delivered` },
  {
    method: 'PUT',
    template: '/v3/domains/{domain_name}/webhooks/{webhook_name}/test',
    path: `/v3/domains/${US}/webhooks/delivered/test`,
    options: { method: 'PUT', form: { url: 'https://shape.example.com/hook' } },
  },
  { method: 'GET', template: '/v3/routes', path: '/v3/routes' },
  {
    method: 'POST',
    template: '/v3/routes',
    path: '/v3/routes',
    options: { form: { expression: 'catch_all()', action: 'stop()', description: 'x' } },
  },
  { method: 'GET', template: '/v3/routes/{id}', path: '/v3/routes/5f1a2b3c4d5e6f7a8b9c0d1e' },
  { method: 'GET', template: '/v3/lists', path: '/v3/lists' },
  { method: 'GET', template: '/v3/lists/pages', path: '/v3/lists/pages' },
  {
    method: 'POST',
    template: '/v3/lists',
    path: '/v3/lists',
    options: { form: { address: 'shape@example.com', name: 'Shape', description: 'd' } },
  },
  { method: 'GET', template: '/v3/lists/{list_address}', path: `/v3/lists/team@${US}` },
  { method: 'GET', template: '/v3/lists/{list_address}/members', path: `/v3/lists/team@${US}/members` },
  {
    method: 'GET',
    template: '/v3/lists/{list_address}/members/{member_address}',
    path: `/v3/lists/team@${US}/members/alice@example.com`,
  },
  {
    method: 'POST',
    template: '/v3/lists/{list_address}/members',
    path: `/v3/lists/team@${US}/members`,
    options: { form: { address: 'shape@example.com', vars: '{"a":1}' } },
  },
  { method: 'GET', template: '/v3/{domain_name}/templates', path: `/v3/${US}/templates` },
  { method: 'GET', template: '/v3/{domain_name}/templates/{template_name}', path: `/v3/${US}/templates/welcome?active=yes` },
  { method: 'GET', template: '/v3/{domain_name}/templates/{template_name}/versions', path: `/v3/${US}/templates/welcome/versions` },
  {
    method: 'GET',
    template: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}',
    path: `/v3/${US}/templates/welcome/versions/initial`,
  },
  {
    method: 'POST',
    template: '/v3/{domain_name}/templates',
    path: `/v3/${US}/templates`,
    options: { form: { name: 'shape', template: '<p/>', description: 'd', createdBy: 'me', headers: '{"From":"a@b.c"}' } },
  },
  { method: 'GET', template: '/v3/{domain}/tags', path: `/v3/${US}/tags` },
  { method: 'GET', template: '/v3/{domain}/tag', path: `/v3/${US}/tag?tag=newsletter` },
  {
    method: 'GET',
    template: '/v3/{domain}/stats/total',
    path: `/v3/${US}/stats/total?event=accepted&event=delivered&event=failed&event=opened&event=clicked`,
  },
  {
    method: 'GET',
    template: '/v3/stats/filter',
    path: `/v3/stats/filter?event=accepted&event=delivered&event=failed&filter=domain:${US}&group=time`,
  },
  {
    method: 'GET',
    template: '/v3/stats/total/domains',
    path: '/v3/stats/total/domains?event=accepted&event=delivered&event=failed&timestamp=1717977600',
  },
  {
    method: 'GET',
    template: '/v3/{domain}/tag/stats',
    path: `/v3/${US}/tag/stats?tag=newsletter&event=accepted&event=delivered&event=failed&event=opened&event=clicked`,
  },
  {
    method: 'POST',
    template: '/v1/analytics/metrics',
    path: '/v1/analytics/metrics',
    options: {
      json: {
        metrics: [
          'accepted_incoming_count',
          'accepted_outgoing_count',
          'accepted_count',
          'delivered_smtp_count',
          'delivered_http_count',
          'delivered_optimized_count',
          'delivered_count',
          'opened_count',
          'clicked_count',
          'clicked_rate',
        ],
        duration: '30d',
        resolution: 'month',
      },
    },
  },
  { method: 'GET', template: '/v1/keys', path: '/v1/keys' },
  { method: 'POST', template: '/v1/keys', path: '/v1/keys', options: { form: { role: 'sending', kind: 'domain', domain_name: US } } },
  {
    method: 'POST',
    template: '/v3/domains/{domain_name}/credentials',
    path: `/v3/domains/${US}/credentials`,
    options: { form: { login: 'shape' } },
    knownDifferences: { '$.credentials': 'keyed by the login just created' },
  },
  { method: 'GET', template: '/v3/domains/{domain_name}/credentials', path: `/v3/domains/${US}/credentials` },
  {
    method: 'PUT',
    template: '/v3/domains/{domain_name}/credentials/{spec}',
    path: `/v3/domains/${US}/credentials/shape`,
    options: { form: { password: 'another-one' } },
  },
  { method: 'POST', template: '/v5/accounts/subaccounts', path: '/v5/accounts/subaccounts?name=Shape' },
  { method: 'GET', template: '/v5/accounts/subaccounts', path: '/v5/accounts/subaccounts' },
  {
    method: 'POST',
    template: '/v1/analytics/tags',
    path: '/v1/analytics/tags',
    options: { json: { pagination: { sort: 'lastseen:desc', limit: 10 }, include_metrics: true } },
    knownDifferences: { '$.items[0].metrics': 'only the counters the sandbox can compute from its events' },
  },
  { method: 'GET', template: '/v1/analytics/tags/limits', path: '/v1/analytics/tags/limits' },
  { method: 'GET', template: '/v3/domains/{domain}/limits/tag', path: `/v3/domains/${US}/limits/tag` },
  {
    method: 'PUT',
    template: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}/copy/{new_version_name}',
    path: `/v3/${US}/templates/welcome/versions/initial/copy/shape-copy`,
    options: { method: 'PUT' },
  },
  { method: 'GET', template: '/v3/domains/{name}/sending_queues', path: `/v3/domains/${US}/sending_queues` },
  {
    method: 'GET',
    template: '/v4/address/validate',
    path: '/v4/address/validate?address=alice@example.com',
    knownDifferences: {
      '$.did_you_mean': 'the spec types it as a string: left out when there is no suggestion, never null',
      '$.root_address': 'the spec types it as a string: left out when the address has no +tag, never null',
    },
  },
  {
    method: 'POST',
    template: '/v4/address/validate/preview/{list_id}',
    path: '/v4/address/validate/preview/shape-preview',
    options: { form: { file: 'email\nshape@example.com' } },
  },
  { method: 'GET', template: '/v4/address/validate/preview', path: '/v4/address/validate/preview' },
  { method: 'GET', template: '/v4/address/validate/preview/{list_id}', path: '/v4/address/validate/preview/newsletter-sept-preview' },
  {
    method: 'PUT',
    template: '/v4/address/validate/preview/{list_id}',
    path: '/v4/address/validate/preview/newsletter-sept-preview',
    options: { method: 'PUT' },
  },
  {
    method: 'DELETE',
    template: '/v4/address/validate/preview/{list_id}',
    path: '/v4/address/validate/preview/shape-preview',
    options: { method: 'DELETE' },
  },
  { method: 'GET', template: '/v4/domains/{authority_name}/keys', path: `/v4/domains/${US}/keys` },
  { method: 'GET', template: '/v1/dkim/keys', path: '/v1/dkim/keys' },
  { method: 'GET', template: '/v3/ips', path: '/v3/ips' },
  { method: 'GET', template: '/v3/ips/{ip}', path: '/v3/ips/192.0.2.20' },
  { method: 'GET', template: '/v4/inbox/providers', path: '/v4/inbox/providers' },
  { method: 'POST', template: '/v4/inbox/seedlists', path: '/v4/inbox/seedlists?name=Shape', options: { method: 'POST' } },
  { method: 'GET', template: '/v4/inbox/seedlists', path: '/v4/inbox/seedlists' },
  { method: 'GET', template: '/v4/inbox/seedlists/_filters', path: '/v4/inbox/seedlists/_filters' },
  { method: 'GET', template: '/v4/inbox/seedlists/a', path: '/v4/inbox/seedlists/a' },
  { method: 'GET', template: '/v4/inbox/seedlists/a/{attribute}', path: '/v4/inbox/seedlists/a/name' },
  {
    method: 'POST',
    template: '/v4/inbox/tests',
    path: '/v4/inbox/tests',
    options: { json: { from: `news@${US}`, subject: 'Shape', html: '<p>x</p>' } },
  },
  { method: 'GET', template: '/v4/inbox/results', path: '/v4/inbox/results' },
  { method: 'GET', template: '/v4/inbox/results/_filters', path: '/v4/inbox/results/_filters' },
  { method: 'GET', template: '/v4/inbox/results/a', path: '/v4/inbox/results/a' },
  { method: 'GET', template: '/v4/inbox/results/a/{attribute}', path: '/v4/inbox/results/a/subject' },
  {
    method: 'POST',
    template: '/v2/bounce-classification/metrics',
    path: '/v2/bounce-classification/metrics',
    options: { json: { dimensions: ['entity-name', 'domain.name'], duration: '720h' } },
  },
  { method: 'GET', template: '/v1/bounce-classification/config/entities', path: '/v1/bounce-classification/config/entities' },
  { method: 'GET', template: '/v1/bounce-classification/config/rules', path: '/v1/bounce-classification/config/rules' },
  { method: 'GET', template: '/v1/bounce-classification/domains', path: '/v1/bounce-classification/domains' },
  {
    method: 'GET',
    template: '/v1/bounce-classification/stats',
    path: '/v1/bounce-classification/stats?group=subaccount.id,domain.name,rule-id,entity-id',
  },
  {
    method: 'PUT',
    template: '/v1/dkim_management/domains/{name}/rotation',
    path: `/v1/dkim_management/domains/${US}/rotation`,
    options: { method: 'PUT', form: { rotation_enabled: 'true', rotation_interval: '30d' } },
  },
  {
    method: 'POST',
    template: '/v1/dkim_management/domains/{name}/rotate',
    path: `/v1/dkim_management/domains/${US}/rotate`,
    options: { method: 'POST' },
  },
  { method: 'POST', template: '/v1/keys/public', path: '/v1/keys/public', options: { method: 'POST' } },
  { method: 'PUT', template: '/v5/accounts', path: '/v5/accounts?name=Shape', options: { method: 'PUT' } },
  {
    method: 'PUT',
    template: '/v5/accounts/features',
    path: '/v5/accounts/features',
    options: { method: 'PUT', urlencoded: { ai_insights: '{"enabled": true}' } },
  },
  {
    method: 'POST',
    template: '/v5/accounts/resend_activation_email',
    path: '/v5/accounts/resend_activation_email',
    options: { method: 'POST' },
  },
  { method: 'GET', template: '/v5/users/me', path: '/v5/users/me' },
  { method: 'POST', template: '/v2/x509/{domain}', path: `/v2/x509/email.${US}`, options: { method: 'POST' } },
  { method: 'PUT', template: '/v2/x509/{domain}', path: `/v2/x509/email.${US}`, options: { method: 'PUT' } },
  {
    method: 'PUT',
    template: '/v3/domains/{name}/web_prefix',
    path: `/v3/domains/${US}/web_prefix?web_prefix=email`,
    options: { method: 'PUT' },
  },
  {
    method: 'POST',
    template: '/v1/analytics/usage/metrics',
    path: '/v1/analytics/usage/metrics',
    options: {
      json: {
        metrics: ['email_validation_count', 'email_preview_count', 'seed_test_count'],
        duration: '1m',
        resolution: 'month',
        include_aggregates: true,
      },
    },
  },
  { method: 'DELETE', template: '/v3/{domain_name}/envelopes', path: `/v3/${US}/envelopes`, options: { method: 'DELETE' } },
  { method: 'GET', template: '/v3/{domain}/aggregates/providers', path: `/v3/${US}/aggregates/providers` },
  { method: 'GET', template: '/v3/{domain}/aggregates/countries', path: `/v3/${US}/aggregates/countries` },
  { method: 'GET', template: '/v3/{domain}/aggregates/devices', path: `/v3/${US}/aggregates/devices` },
  { method: 'GET', template: '/v3/domains/{domain}/tag/providers', path: `/v3/domains/${US}/tag/providers` },
  { method: 'GET', template: '/v5/accounts/subaccounts/ip_pools/all', path: '/v5/accounts/subaccounts/ip_pools/all' },
  {
    method: 'PUT',
    template: '/v5/accounts/subaccounts/{subaccountId}/ip_pool',
    path: '/v5/accounts/subaccounts/646d00a1b32c35364a2ad34f/ip_pool?pool_id=658041ae44842b99ee2eaa1b',
    options: { method: 'PUT' },
  },
  {
    method: 'POST',
    template: '/v3/dynamic_pools/all',
    path: '/v3/dynamic_pools/all',
    options: { form: { good_reputation: '192.0.2.21' } },
  },
  { method: 'GET', template: '/v3/dynamic_pools', path: '/v3/dynamic_pools' },
  {
    method: 'POST',
    template: '/v3/domains/{name}/dynamic_pools',
    path: `/v3/domains/${US}/dynamic_pools?replacement_ip=shared`,
    options: { method: 'POST' },
  },
  { method: 'GET', template: '/v1/dynamic_pools/domains', path: '/v1/dynamic_pools/domains' },
  { method: 'GET', template: '/v1/dynamic_pools/domains/{name}/preview', path: `/v1/dynamic_pools/domains/${US}/preview` },
  { method: 'GET', template: '/v1/dynamic_pools/domains/{name}/history', path: `/v1/dynamic_pools/domains/${US}/history` },
  { method: 'GET', template: '/v1/dynamic_pools/history', path: '/v1/dynamic_pools/history?include_subaccounts=true' },
  { method: 'GET', template: '/v3/domains/dynamic_pools/assignable', path: '/v3/domains/dynamic_pools/assignable' },
  {
    method: 'POST',
    template: '/v2/ip_whitelist',
    path: '/v2/ip_whitelist',
    options: { form: { address: '192.0.2.52', description: 'VPN' } },
  },
  { method: 'GET', template: '/v2/ip_whitelist', path: '/v2/ip_whitelist' },
];

describe('shape comparison', () => {
  it('spots missing keys and changed types, and lets null match anything', () => {
    expect(shapeDiff({ a: 1, b: { c: 'x' }, d: [{ e: true }], f: null }, { a: 2, b: { c: 3 }, d: [{}], f: 'y' })).toEqual([
      '$.b.c: example is string, sandbox gave number',
      '$.d[0].e: missing',
    ]);
  });
});

describe('answers match the catalog example shapes', () => {
  let t: TestSandbox;
  const entries: readonly EndpointDef[] = catalog;

  beforeAll(async () => {
    // With the catalog loaded, an endpoint answered by its fixed example would pass on shape alone: the header check catches it.
    t = await startTestSandbox({ catalog });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(probes.map((p) => [`${p.method} ${p.template}`, p] as const))('%s', async (_name, probe) => {
    const entry = entries.find((e) => e.method === probe.method && e.path === probe.template);
    expect(entry, `catalog has no ${probe.method} ${probe.template}`).toBeDefined();
    if (!entry) return;
    const result = await t.call(probe.path, { method: probe.method, ...probe.options });
    expect(result.headers.get(FIXED_EXAMPLE_HEADER), 'answered by a fixed example, not simulated').toBeNull();
    // Status codes as Mailgun's: 201 and 202 where it answers them.
    expect(result.status, result.text).toBe(entry.exampleResponse.status);
    const example: JsonValue = entry.exampleResponse.body;
    const known = Object.keys(probe.knownDifferences ?? {});
    const answer = entry.exampleResponse.contentType === 'application/json' ? result.body : result.text;
    const differences = shapeDiff(example, answer).filter((d) => !known.some((k) => d.startsWith(`${k}:`) || d.startsWith(`${k}.`)));
    expect(differences.join('\n')).toBe('');
  });
});
