import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Mailgun from 'mailgun.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_US_DOMAIN as US } from '../shared/sandbox/constants';
import { type SpawnedSandbox, spawnSandbox } from './command-support';
import { FIXED_EXAMPLE_HEADER } from './router';

/**
 * The official SDK against the sandbox started with its own command: every
 * call must succeed, be answered from simulated state (never a fixed catalog
 * example), and what it creates must read back.
 */

const STORAGE_HOSTS = ['storage-us-east4.api.mailgun.net', 'storage-us-west1.api.mailgun.net', 'storage-europe-west1.api.mailgun.net'];

let running: SpawnedSandbox;
let dataDir = '';
const answeredByExample: string[] = [];
const realFetch = globalThis.fetch;
const sdkAuth = `Basic ${Buffer.from(`api:${SANDBOX_API_KEY}`).toString('base64')}`;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sandbox-sdk-'));
  running = await spawnSandbox(dataDir);
  globalThis.fetch = async (input, init) => {
    let request = new Request(input, init);
    const url = new URL(request.url);
    // mailgun.js names Mailgun's storage hosts itself for some calls: they are pointed at the sandbox, and nothing else leaves loopback.
    if (STORAGE_HOSTS.includes(url.hostname)) request = new Request(`${running.usBaseUrl}${url.pathname}${url.search}`, request);
    else if (url.hostname !== '127.0.0.1') throw new Error(`the SDK test only talks to the sandbox, not ${url.hostname}`);
    const response = await realFetch(request);
    if (response.headers.has(FIXED_EXAMPLE_HEADER)) answeredByExample.push(`${request.method} ${request.url}`);
    return response;
  };
}, 60_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  expect(await running?.stop()).toBe(0);
  await rm(dataDir, { recursive: true, force: true });
});

/** Methods mailgun.js 14 has at runtime but leaves out of its exported interfaces. */
interface UntypedParts {
  readonly messages: {
    retrieveStoredEmail(domain: string, key: string): Promise<Record<string, unknown> & { attachments?: unknown[] }>;
    resendEmail(domain: string, key: string, recipients: string): Promise<{ id: string; message: string }>;
    getMessagesQueueStatus(domain: string): Promise<Record<string, unknown>>;
    clearMessagesQueue(domain: string, storageHost: string): Promise<Record<string, unknown>>;
  };
  readonly domainKeys: {
    list(domain: string): Promise<{ items: { selector: string; dns_record: { is_active: boolean } }[] }>;
    create(data: { signingDomain: string; selector: string }): Promise<unknown>;
    activate(domain: string, selector: string): Promise<unknown>;
    deactivate(domain: string, selector: string): Promise<unknown>;
    destroy(domain: string, selector: string): Promise<unknown>;
  };
  readonly apiKeys: {
    create(data: Record<string, string>): Promise<{ id: string }>;
    list(query: Record<string, string>): Promise<{ items: { id: string }[] }>;
    destroy(id: string): Promise<unknown>;
  };
}

function client() {
  const mg = new Mailgun(FormData).client({ username: 'api', key: SANDBOX_API_KEY, url: running.usBaseUrl, useFetch: true });
  return mg as Omit<typeof mg, 'messages' | 'domains'> & {
    messages: typeof mg.messages & UntypedParts['messages'];
    domains: typeof mg.domains & Pick<UntypedParts, 'domainKeys'>;
  } & Pick<UntypedParts, 'apiKeys'> & { apiKeys: { regeneratePublicKey(): Promise<{ key: string }> } };
}

describe('mailgun.js 14 against `mailgun-sandbox`', () => {
  it('messages: sends with an attachment, reads the stored message back, resends it', async () => {
    const mg = client();
    const sent = await mg.messages.create(US, {
      from: `Shop <shop@${US}>`,
      to: ['sdk-reader@example.com'],
      subject: 'SDK receipt',
      text: 'Sent by mailgun.js',
      html: '<p>Sent by <b>mailgun.js</b></p>',
      attachment: [{ filename: 'receipt.txt', data: Buffer.from('total: 42') }],
      'o:tag': ['sdk'],
    });
    expect(sent).toMatchObject({ status: 200, message: 'Queued. Thank you.' });
    const events = await mg.events.get(US, { 'message-id': String(sent.id).slice(1, -1), event: 'accepted' });
    const key = (events.items[0] as unknown as { storage: { key: string } }).storage.key;
    const stored = await mg.messages.retrieveStoredEmail(US, key);
    expect(stored).toMatchObject({ Subject: 'SDK receipt', 'body-plain': 'Sent by mailgun.js', recipients: 'sdk-reader@example.com' });
    expect(stored.attachments?.[0]).toMatchObject({ name: 'receipt.txt', size: 9 });
    expect(await mg.messages.resendEmail(US, key, 'sdk-second@example.com')).toMatchObject({ message: 'Queued. Thank you.' });
    expect((await mg.events.get(US, { recipient: 'sdk-second@example.com', event: 'delivered' })).items).toHaveLength(1);
    expect(await mg.messages.getMessagesQueueStatus(US)).toMatchObject({ scheduled: { is_disabled: false } });
  });

  it('domains: create, read, update, verify, tracking, delete', async () => {
    const mg = client();
    const created = await mg.domains.create({ name: 'sdk.example.com' });
    expect(created.name).toBe('sdk.example.com');
    expect((await mg.domains.list()).map((d) => d.name)).toContain('sdk.example.com');
    await mg.domains.update('sdk.example.com', { spam_action: 'tag' });
    expect((await mg.domains.get('sdk.example.com')).spam_action).toBe('tag');
    expect((await mg.domains.verify('sdk.example.com')).state).toBe('active');
    await mg.domains.updateTracking('sdk.example.com', 'click', { active: false });
    expect((await mg.domains.getTracking('sdk.example.com')).click.active).toBe(false);
    expect(await mg.domains.destroy('sdk.example.com')).toMatchObject({ message: expect.any(String) });
  });

  it('SMTP credentials: create, list, change, delete', async () => {
    const mg = client();
    await mg.domains.domainCredentials.create(US, { login: 'sdk-smtp', password: 'sdk-password' });
    expect((await mg.domains.domainCredentials.list(US, { limit: 100, skip: 0 })).items.map((c) => c.login)).toContain(`sdk-smtp@${US}`);
    await mg.domains.domainCredentials.update(US, 'sdk-smtp', { password: 'sdk-password-2' });
    await mg.domains.domainCredentials.destroy(US, 'sdk-smtp');
    expect((await mg.domains.domainCredentials.list(US, { limit: 100, skip: 0 })).items.map((c) => c.login)).not.toContain(
      `sdk-smtp@${US}`,
    );
  });

  it('templates and versions', async () => {
    const mg = client();
    await mg.domains.domainTemplates.create(US, {
      name: 'sdk-template',
      description: 'From the SDK',
      template: '<p>{{name}}</p>',
      tag: 'v1',
    });
    await mg.domains.domainTemplates.createVersion(US, 'sdk-template', { template: '<p>Hi {{name}}</p>', tag: 'v2', comment: 'second' });
    expect((await mg.domains.domainTemplates.listVersions(US, 'sdk-template')).template.versions?.map((v) => v.tag).sort()).toEqual([
      'v1',
      'v2',
    ]);
    expect((await mg.domains.domainTemplates.getVersion(US, 'sdk-template', 'v2')).version?.template).toBe('<p>Hi {{name}}</p>');
    expect((await mg.domains.domainTemplates.list(US)).items.map((t) => t.name)).toContain('sdk-template');
    await mg.domains.domainTemplates.destroy(US, 'sdk-template');
  });

  it('webhooks and routes', async () => {
    const mg = client();
    await mg.webhooks.create(US, 'clicked', 'http://127.0.0.1:9/sdk-hook', false);
    expect((await mg.webhooks.get(US, 'clicked' as never)).urls).toEqual(['http://127.0.0.1:9/sdk-hook']);
    expect(Object.keys(await mg.webhooks.list(US, {}))).toContain('clicked');
    await mg.webhooks.destroy(US, 'clicked');

    // The test call reaches a loopback receiver with a signed event, and reports its answer.
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sdk-test-hook`;
      expect(await mg.webhooks.create(US, 'delivered', url, true)).toEqual({ code: 200, message: 'OK' });
      const key = (
        (await (await realFetch(`${running.usBaseUrl}/v5/accounts/http_signing_key`, { headers: { authorization: sdkAuth } })).json()) as {
          http_signing_key: string;
        }
      ).http_signing_key;
      const { signature } = JSON.parse(received[0] ?? '{}') as { signature: { timestamp: string; token: string; signature: string } };
      expect(signature.signature).toBe(
        createHmac('sha256', key)
          .update(signature.timestamp + signature.token)
          .digest('hex'),
      );
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }

    const route = await mg.routes.create({
      expression: 'match_recipient("sdk@example.com")',
      action: ['stop()'],
      description: 'sdk',
      // Node's own FormData takes strings only; mailgun.js passes the number through.
      priority: '3' as unknown as number,
    });
    expect((await mg.routes.get(route.id)).description).toBe('sdk');
    expect((await mg.routes.list({})).map((r) => r.id)).toContain(route.id);
    await mg.routes.destroy(route.id);
  });

  it('mailing lists and members', async () => {
    const mg = client();
    await mg.lists.create({ address: `sdk-list@${US}`, name: 'SDK list' });
    await mg.lists.members.createMember(`sdk-list@${US}`, { address: 'member@example.com', name: 'Member', subscribed: 'yes' });
    expect((await mg.lists.members.listMembers(`sdk-list@${US}`)).items.map((m) => m.address)).toEqual(['member@example.com']);
    expect((await mg.lists.get(`sdk-list@${US}`)).members_count).toBe(1);
    await mg.lists.members.upload(`sdk-list@${US}`, 'address,name\nfrom-csv@example.com,From CSV\n' as never);
    expect((await mg.lists.members.getMember(`sdk-list@${US}`, 'from-csv@example.com')).name).toBe('From CSV');
    await mg.lists.destroy(`sdk-list@${US}`);
  });

  it('suppressions, tags, stats, metrics', async () => {
    const mg = client();
    await mg.suppressions.create(US, 'bounces', { address: 'sdk-bounce@example.com', code: 550, error: 'gone' });
    expect(await mg.suppressions.get(US, 'bounces', 'sdk-bounce@example.com')).toMatchObject({ address: 'sdk-bounce@example.com' });
    expect((await mg.domains.domainTags.list(US)).items.map((t) => t.tag)).toContain('sdk');
    expect((await mg.tags.list({ pagination: { sort: 'tag:asc', limit: 100 } } as never)).items.map((t) => t.tag)).toContain('sdk');
    await mg.tags.update('sdk', 'Tagged by the SDK');
    expect((await mg.domains.domainTags.get(US, 'sdk')).description).toBe('Tagged by the SDK');
    expect(await mg.domains.domainTags.providers(US, 'sdk')).toMatchObject({
      tag: 'sdk',
      providers: { 'example.com': expect.any(Object) },
    });
    expect(await mg.domains.domainTags.countries(US, 'sdk')).toMatchObject({ tag: 'sdk' });
    expect(await mg.domains.domainTags.devices(US, 'sdk')).toMatchObject({ tag: 'sdk' });
    expect((await mg.tags.limits()).limit).toBe(5000);
    expect((await mg.stats.getDomain(US, { event: ['accepted', 'delivered'] })).stats.length).toBeGreaterThan(0);
    const metrics = await mg.metrics.getAccount({ metrics: ['accepted_count', 'delivered_count'], duration: '30d' } as never);
    expect(metrics.items).toBeDefined();
  });

  it('subaccounts, on their own behalf', async () => {
    const mg = client();
    const { subaccount } = await mg.subaccounts.create('SDK child');
    expect((await mg.subaccounts.get(subaccount.id)).subaccount.name).toBe('SDK child');
    expect((await mg.subaccounts.list()).subaccounts.map((s) => s.id)).toContain(subaccount.id);
    mg.setSubaccount(subaccount.id);
    await mg.domains.create({ name: 'child-sdk.example.com' });
    expect((await mg.domains.list()).map((d) => d.name)).toEqual(['child-sdk.example.com']);
    mg.resetSubaccount();
    expect((await mg.domains.list()).map((d) => d.name)).not.toContain('child-sdk.example.com');
    expect((await mg.subaccounts.disable(subaccount.id)).subaccount.status).toBe('disabled');
    expect((await mg.subaccounts.enable(subaccount.id)).subaccount.status).toBe('open');
    await mg.subaccounts.destroy(subaccount.id);
  });

  it('API keys and the webhook signing key', async () => {
    const mg = client();
    // mailgun.js hands the answer through as it is: Mailgun's {message, key: {...}}.
    const { key } = (await mg.apiKeys.create({ role: 'basic', description: 'sdk key' })) as unknown as { key: { id: string } };
    expect((await mg.apiKeys.list({})).items.map((k) => k.id)).toContain(key.id);
    await mg.apiKeys.destroy(key.id);
    const signing = await mg.accountManagement.getWebhookSigningKey();
    expect(signing.http_signing_key).toMatch(/^key-/);
  });

  it('DKIM keys, connection settings, IPs and IP pools', async () => {
    const mg = client();
    await mg.domains.domainKeys.create({ signingDomain: US, selector: 'sdk1' });
    await mg.domains.domainKeys.activate(US, 'sdk1');
    const keys = await mg.domains.domainKeys.list(US);
    expect(keys.items.find((k) => k.selector === 'sdk1')?.dns_record.is_active).toBe(true);
    await mg.domains.domainKeys.deactivate(US, 'sdk1');
    await mg.domains.domainKeys.destroy(US, 'sdk1');
    expect((await mg.domains.domainKeys.list(US)).items.map((k) => k.selector)).not.toContain('sdk1');

    await mg.domains.updateConnection(US, { require_tls: true, skip_verification: false });
    // Mailgun answers {connection: {...}}; mailgun.js hands the body through.
    expect(((await mg.domains.getConnection(US)) as unknown as { connection: { require_tls: boolean } }).connection.require_tls).toBe(true);

    const ips = await mg.ips.list({ dedicated: false } as never);
    expect(ips.items.length).toBeGreaterThan(0);
    expect((await mg.ips.get('192.0.2.20')).ip).toBe('192.0.2.20');
    await mg.domains.assignIp(US, '192.0.2.22');
    expect(await mg.domains.getIps(US)).toContain('192.0.2.22');
    await mg.domains.deleteIp(US, '192.0.2.22');

    // 192.0.2.20 starts in the seeded pool: it is taken out there and added to the new one.
    const pool = await mg.ip_pools.create({ name: 'sdk-pool', description: 'from the SDK', ips: ['192.0.2.21'] });
    await mg.ip_pools.removeIp('658041ae44842b99ee2eaa1b', '192.0.2.20');
    await mg.ip_pools.addIp(pool.pool_id, '192.0.2.20');
    expect(((await mg.ip_pools.list()).ip_pools as unknown as { pool_id: string }[]).map((p) => p.pool_id)).toContain(pool.pool_id);
    expect((await mg.ip_pools.get(pool.pool_id)).ips).toEqual(['192.0.2.21', '192.0.2.20']);
    await mg.ip_pools.update(pool.pool_id, { name: 'sdk-pool-2' } as never);
    expect((await mg.ip_pools.get(pool.pool_id)).details.name).toBe('sdk-pool-2');
    await mg.ip_pools.destroy(pool.pool_id, {} as never);
  });

  it('validation: single, bulk jobs and mailing-list jobs', async () => {
    const mg = client();
    expect(await mg.validate.get('sdk@gmial.com')).toMatchObject({ result: 'undeliverable', did_you_mean: 'sdk@gmail.com' });
    const csv = Buffer.from('email\nsdk-one@example.com\nsdk-two@example.com\n');
    await mg.validate.multipleValidation.create('sdk-job', { file: { filename: 'list.csv', data: csv } } as never);
    expect((await mg.validate.multipleValidation.get('sdk-job')).id).toBe('sdk-job');
    expect((await mg.validate.multipleValidation.list()).jobs.map((j) => j.id)).toContain('sdk-job');
    await mg.validate.multipleValidation.destroy('sdk-job');

    await mg.lists.create({ address: `sdk-validate@${US}`, name: 'to validate' });
    await mg.lists.members.createMember(`sdk-validate@${US}`, { address: 'member-one@example.com', subscribed: 'yes' });
    expect(await mg.lists.validate(`sdk-validate@${US}`)).toMatchObject({ id: `sdk-validate@${US}` });
    expect((await mg.lists.validationResult(`sdk-validate@${US}`)).validationResult.quantity).toBe(1);
    await mg.lists.cancelValidation(`sdk-validate@${US}`);
  });

  it('logs computed from the events the sandbox generated', async () => {
    const mg = client();
    const logs = await mg.logs.list({ start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 3_600_000) } as never);
    expect(logs.items.map((i) => (i as unknown as { recipient: string }).recipient)).toContain('sdk-reader@example.com');
  });

  it('monthly limits, subaccount features and sandbox recipients', async () => {
    const mg = client();
    await mg.customMessageLimit.set(5000);
    expect((await mg.customMessageLimit.get()).limit).toBe(5000);
    await mg.customMessageLimit.destroy();
    const { subaccount } = await mg.subaccounts.create('SDK limited');
    await mg.subaccounts.setMonthlySendingLimit(subaccount.id, 10);
    expect((await mg.subaccounts.getMonthlySendingLimit(subaccount.id)).limit).toBe(10);
    const features = mg.subaccounts as unknown as {
      updateSubaccountFeature(id: string, data: unknown): Promise<{ features: Record<string, { enabled: boolean }> }>;
    };
    expect((await features.updateSubaccountFeature(subaccount.id, { sending: false })).features.sending?.enabled).toBe(false);
    await mg.accountManagement.addSandboxAuthorizedRecipient('sdk-tester@example.com');
    expect(JSON.stringify(await mg.accountManagement.getSandboxAuthorizedRecipients())).toContain('sdk-tester@example.com');
    await mg.accountManagement.removeSandboxAuthorizedRecipient('sdk-tester@example.com');
  });

  it('messages queue, routes matching, stats and usage', async () => {
    const mg = client();
    expect(await mg.messages.clearMessagesQueue(US, 'storage-us-east4.api.mailgun.net')).toMatchObject({ message: 'done' });
    const route = await mg.routes.create({
      expression: 'match_recipient("sdk-match@example.com")',
      action: ['stop()'],
      description: 'match me',
    });
    expect((await mg.routes.matchAddress('sdk-match@example.com')).id).toBe(route.id);
    await mg.routes.destroy(route.id);
    expect((await mg.stats.getAccount({ event: ['accepted', 'delivered'] })).stats.length).toBeGreaterThan(0);
    const usage = await mg.metrics.getAccountUsage({ metrics: ['email_validation_count', 'seed_test_count'], duration: '30d' } as never);
    expect(usage.items.length).toBeGreaterThan(0);
  });

  it('inbox placement: seed list, a test read back with its results, sharing', async () => {
    const mg = client();
    const placements = mg.inboxPlacements;
    const list = await placements.seedsLists.create({ name: 'SDK seeds' } as never);
    expect((await placements.seedsLists.get(list.kid)).name).toBe('SDK seeds');
    expect((await placements.seedsLists.list({} as never)).items.map((l) => l.kid)).toContain(list.kid);
    expect((await placements.seedsLists.update(list.kid, { name: 'SDK seeds 2' } as never)).name).toBe('SDK seeds 2');
    expect(((await placements.seedsLists.attributes.get('name')) as { items?: unknown }).items).toMatchObject({
      values: expect.arrayContaining(['SDK seeds 2']),
    });
    expect((await placements.seedsLists.filters.list()).supported_filters).toBeDefined();
    expect((await placements.providers.list()).items.length).toBeGreaterThan(0);

    const run = await placements.runTest({
      from: `news@${US}`,
      subject: 'SDK placement',
      html: '<p>Hi</p>',
      seed_list: list.target_email,
    } as never);
    const { inboxPlacementResult } = await placements.results.get(run.result_id);
    expect(inboxPlacementResult).toMatchObject({ subject: 'SDK placement', result_id: run.result_id });
    expect((await placements.results.list({} as never)).items.map((r) => r.result_id)).toContain(run.result_id);
    expect(((await placements.results.attributes.get('subject')) as { items?: unknown }).items).toMatchObject({
      values: expect.arrayContaining(['SDK placement']),
    });
    expect((await placements.results.filters.list()).supported_filters).toBeDefined();
    const shared = await placements.results.sharing.update(run.result_id, { enabled: true });
    expect((await placements.results.sharing.get(run.result_id)).enabled).toBe(true);
    expect((await placements.results.getResultByShareId(shared.url_id)).inboxPlacementResult.result_id).toBe(run.result_id);
    await placements.results.destroy(run.result_id);
    await placements.seedsLists.destroy(list.kid);
  });

  it('bounce classification of the bounces it generated', async () => {
    const mg = client();
    await mg.messages.create(US, { from: `shop@${US}`, to: ['bounce-sdk@gmail.com'], subject: 'Bounce', text: 'x' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const classified = await mg.bounceClassification.list({
      dimensions: ['entity-name', 'domain.name'],
      metrics: ['non_critical_bounce_count', 'classified_failures_count'],
      start: new Date(Date.now() - 3_600_000),
      end: new Date(Date.now() + 3_600_000),
    } as never);
    const gmail = (classified.items as unknown as { 'entity-name': string; metrics: Record<string, number> }[]).find(
      (i) => i['entity-name'] === 'Gmail',
    );
    expect(gmail?.metrics.non_critical_bounce_count).toBeGreaterThan(0);
  });

  it('DKIM rotation, tracking certificates and the web prefix', async () => {
    const mg = client();
    const rotation = (await mg.dkimManagement.update(US, { rotation_enabled: true, rotation_interval: '30d' } as never)) as unknown as {
      domain: { rotation_enabled: string };
    };
    expect(rotation.domain.rotation_enabled).toBe('true');
    expect(await mg.dkimManagement.rotateImmediately(US)).toMatchObject({ message: 'ok' });
    const active = (await mg.domains.domainKeys.list(US)).items.filter((k) => k.dns_record.is_active).map((k) => k.selector);
    expect(active).toEqual(['pdk1']);

    expect(await mg.domains.domainTracking.generate(`email.${US}`)).toMatchObject({ status: 202 });
    expect((await mg.domains.domainTracking.get(`email.${US}`)).status).toBe('processing');
    expect(await mg.domains.domainTracking.regenerate(`email.${US}`)).toMatchObject({ status: 202 });
    await mg.domains.updateWebPrefix(US, { webPrefix: 'sdktrack' });
    expect((await mg.domains.get(US)).web_prefix).toBe('sdktrack');
  });

  it('IP pool delegation to a subaccount and pool routes of a domain', async () => {
    const mg = client();
    const { subaccount } = await mg.subaccounts.create('SDK pool user');
    const pool = await mg.ip_pools.create({ name: 'sdk-delegated', description: 'lent' } as never);
    expect(await mg.ip_pools.delegate(pool.pool_id, subaccount.id)).toMatchObject({ message: 'success' });
    mg.setSubaccount(subaccount.id);
    expect(((await mg.ip_pools.list()).ip_pools as unknown as { pool_id: string }[]).map((p) => p.pool_id)).toEqual([pool.pool_id]);
    mg.resetSubaccount();
    // mailgun.js 14 sends this DELETE's form as the text "[object FormData]" through fetch; its Node http adapter sends the form.
    const overHttp = new Mailgun(FormData).client({ username: 'api', key: SANDBOX_API_KEY, url: running.usBaseUrl });
    expect(await overHttp.ip_pools.revokeDelegation(pool.pool_id, subaccount.id)).toMatchObject({ message: 'success' });
    mg.setSubaccount(subaccount.id);
    expect((await mg.ip_pools.list()).ip_pools).toEqual([]);
    mg.resetSubaccount();

    await mg.domains.linkIpPool(US, pool.pool_id);
    expect((await mg.ip_pools.get(pool.pool_id)).details.linked_domains).toContain(US);
    await mg.ip_pools.unlinkDomainPool(US, '658041ae44842b99ee2eaa1b');
    expect((await mg.ip_pools.get('658041ae44842b99ee2eaa1b')).details.linked_domains).toContain(US);
    await mg.domains.assignIp(US, '192.0.2.22');
    await mg.ip_pools.removeIpFromDomainPool(US, '192.0.2.22');
    expect(await mg.domains.getIps(US)).not.toContain('192.0.2.22');
    await mg.ip_pools.removeDomainPool(US);
    expect(await mg.domains.getIps(US)).toEqual([]);
    await mg.ip_pools.destroy(pool.pool_id, {} as never);
  });

  it('account settings, features, activation and the public key', async () => {
    const mg = client();
    expect(await mg.accountManagement.updateAccountSettings({ name: 'SDK account' } as never)).toMatchObject({
      message: 'Account info has been updated',
    });
    expect(await mg.accountManagement.updateAccountFeature({ ai_insights: { enabled: true } } as never)).toMatchObject({
      message: 'account features updated',
    });
    expect(await mg.accountManagement.resendActivationEmail()).toMatchObject({ success: true });
    const regenerated = await mg.apiKeys.regeneratePublicKey();
    expect(regenerated.key).toMatch(/^pubkey-/);
    expect(await mg.accountManagement.createWebhookSigningKey()).toMatchObject({ http_signing_key: expect.stringMatching(/^key-/) });
  });

  it('was never answered with a fixed catalog example', () => {
    expect(answeredByExample).toEqual([]);
  });
});
