import { SANDBOX_EU_DOMAIN, SANDBOX_US_DOMAIN, type SandboxRegion } from '../shared/sandbox/constants';
import { recordSend } from './delivery';
import { uuid } from './format';
import { dkimValue } from './resources/dkim';
import { createDomain } from './resources/domains';
import { SANDBOX_KEY_ID } from './resources/keys';
import { seedSimulations } from './seed-simulations';
import { type Domain, emptyRegion, emptyState, type SandboxState } from './state';

const HOUR = 3_600_000;

function send(
  state: SandboxState,
  domain: Domain,
  at: number,
  to: string,
  subject: string,
  tags: string[],
  text = 'Sample message from the sandbox.',
): void {
  state.sequence++;
  recordSend(
    domain,
    {
      from: `Sandbox Shop <shop@${domain.name}>`,
      toHeader: to,
      recipients: [to],
      subject,
      tags,
      userVariables: { source: 'seed' },
      attachments: [],
      size: 600 + text.length,
      testMode: false,
      content: { text, html: `<p>${text}</p>`, headers: [], attachments: [], template: null, mime: null },
    },
    at,
    state.sequence,
  );
}

function renameStorageKey(domain: Domain, from: string, to: string): void {
  domain.stored = domain.stored.map((m) => (m.key === from ? { ...m, key: to } : m));
  domain.events = domain.events.map((e) => (e.storage?.key === from ? { ...e, storage: { key: to } } : e));
}

/**
 * The sample account a new or reset sandbox starts with: enough history in
 * every resource that each screen of the explorer has something to show.
 */
export function seedState(now: number): SandboxState {
  const state = emptyState();
  const us = createDomain(SANDBOX_US_DOMAIN, now - 30 * 24 * HOUR, { verified: true });
  const eu = createDomain(SANDBOX_EU_DOMAIN, now - 20 * 24 * HOUR, { verified: true });
  state.regions.us.domains.push(us);
  state.regions.eu.domains.push(eu);

  us.webhooks.push(
    { id: 'delivered', urls: ['https://hooks.example.com/mailgun/delivered'] },
    { id: 'permanent_fail', urls: ['https://hooks.example.com/mailgun/failed'] },
  );
  eu.webhooks.push({ id: 'opened', urls: ['https://hooks.example.com/mailgun/eu-opened'] });

  const day = (n: number) => now - n * 24 * HOUR;
  us.bounces.push(
    { address: 'old-address@example.net', code: '550', error: 'Mailbox does not exist', created_at: day(6) },
    { address: 'typo@gmial.example', code: '550', error: 'Domain has no mail server', created_at: day(5) },
    { address: 'full-mailbox@example.org', code: '552', error: 'Mailbox is full', created_at: day(2) },
  );
  us.complaints.push({ address: 'angry@example.com', created_at: day(4) }, { address: 'spam-reporter@example.net', created_at: day(1) });
  us.unsubscribes.push(
    { address: 'no-more@example.com', tags: ['*'], created_at: day(6) },
    { address: 'weekly-only@example.org', tags: ['newsletter'], created_at: day(3) },
    { address: 'promo-out@example.net', tags: ['promotions', 'newsletter'], created_at: day(1) },
  );
  us.allowlist.push({ type: 'address', value: 'vip@example.org', reason: 'Always deliver to the test inbox', created_at: day(7) });
  eu.bounces.push({ address: 'gone@example.eu', code: '550', error: 'Mailbox does not exist', created_at: day(2) });

  us.templates.push({
    name: 'welcome',
    description: 'Greeting sent after sign-up',
    createdBy: 'sandbox',
    id: uuid(),
    created_at: day(10),
    versions: [
      {
        tag: 'initial',
        template: '<h1>Welcome, {{name}}!</h1><p>Thanks for joining.</p>',
        engine: 'handlebars',
        mjml: '',
        comment: 'First draft',
        active: true,
        id: uuid(),
        headers: { Subject: 'Welcome aboard' },
        created_at: day(10),
      },
      {
        tag: 'v2',
        template: '<h1>Hello {{name}}</h1><p>Your account is ready.</p>',
        engine: 'handlebars',
        mjml: '',
        comment: 'Shorter copy',
        active: false,
        id: uuid(),
        headers: {},
        created_at: day(3),
      },
    ],
  });

  const recipients = ['alice@example.com', 'bob@example.org', 'carol@example.net', 'dave@example.com'];
  for (let i = 0; i < 12; i++) {
    const at = now - (4 * 24 - i * 7) * HOUR;
    const tag = ['welcome', 'newsletter', 'receipts'][i % 3] as string;
    send(state, us, at, recipients[i % recipients.length] as string, `Sample ${tag} message #${i + 1}`, [tag]);
  }
  send(state, us, now - 30 * HOUR, 'bounce-test@example.com', 'Order confirmation', ['receipts']);
  send(state, us, now - 20 * HOUR, 'defer-test@example.org', 'Weekly digest', ['newsletter']);
  send(state, us, now - 10 * HOUR, 'old-address@example.net', 'We miss you', ['promotions']);
  send(state, us, now - 5 * HOUR, 'no-more@example.com', 'Spring sale', ['promotions']);
  // The storage key the catalog's stored-message examples name, so fetching and resending work here.
  const lastStored = us.stored.at(-1);
  if (lastStored) renameStorageKey(us, lastStored.key, 'BAABAQWxNjE1ZjU3MTlkNDFjZjE4ZmYzYjY3MjQyZDZmNjNiLjE3Mjc3Nzk5MjM');
  const newsletter = us.tags.find((t) => t.tag === 'newsletter');
  if (newsletter) newsletter.description = 'Weekly newsletter';

  send(state, eu, now - 50 * HOUR, 'kunde@example.eu', 'Ihre Bestellung', ['receipts']);
  send(state, eu, now - 26 * HOUR, 'client@example.eu', 'Votre facture', ['receipts']);

  state.regions.us.routes.push({
    id: '5f1a2b3c4d5e6f7a8b9c0d1e',
    priority: 1,
    description: 'Forward support mail to the helpdesk hook',
    expression: `match_recipient("support@${SANDBOX_US_DOMAIN}")`,
    actions: ['forward("https://hooks.example.com/inbound")', 'stop()'],
    created_at: day(9),
  });
  state.regions.us.lists.push({
    address: `team@${SANDBOX_US_DOMAIN}`,
    name: 'Team',
    description: 'Everyone working on the sample shop',
    access_level: 'readonly',
    reply_preference: 'list',
    created_at: day(15),
    members: [
      { address: 'alice@example.com', name: 'Alice', vars: { role: 'owner' }, subscribed: true },
      { address: 'bob@example.org', name: 'Bob', vars: {}, subscribed: true },
      { address: 'carol@example.net', name: 'Carol', vars: { team: 'support' }, subscribed: false },
    ],
  });
  state.regions.eu.lists.push({
    address: `news@${SANDBOX_EU_DOMAIN}`,
    name: 'EU news',
    description: '',
    access_level: 'readonly',
    reply_preference: 'list',
    created_at: day(8),
    members: [{ address: 'kunde@example.eu', name: 'Kunde', vars: {}, subscribed: true }],
  });

  // Ids the catalog's examples name, so those examples work against the sandbox.
  us.id = '68d17866ba9d5506cbc2e275';
  eu.id = '68d17866ba9d5506cbc2e276';
  us.credentials.push({ login: `postmaster@${SANDBOX_US_DOMAIN}`, created_at: day(30), password_sha256: '' });
  us.dkimKeys.push({ selector: 's1', active: false, created_at: day(12), value: dkimValue(us.name, 's1') });
  us.ips.push('192.0.2.20');
  state.ipPools.push({
    pool_id: '658041ae44842b99ee2eaa1b',
    name: 'transactional',
    description: 'Receipts and password resets',
    ips: ['192.0.2.20'],
    delegates: [],
  });
  state.regions.us.accountWebhooks.push({
    webhook_id: '4b1d7d0b-8d2e-4c83-9d6e-7c1f0e9a2b31',
    url: 'https://hooks.example.com/mailgun/account',
    description: 'All domains, hard failures',
    event_types: ['permanent_fail'],
    created_at: day(14),
  });
  state.subaccounts.push(
    {
      id: '646d00a1b32c35364a2ad34f',
      name: 'Shop marketing',
      status: 'open',
      created_at: day(21),
      updated_at: day(21),
      regions: { us: emptyRegion(), eu: emptyRegion() },
      monthlyLimit: 10_000,
    },
    {
      id: '646d00a1b32c35364a2ad350',
      name: 'Old agency',
      status: 'disabled',
      created_at: day(60),
      updated_at: day(11),
      regions: { us: emptyRegion(), eu: emptyRegion() },
    },
  );
  state.monthlyLimit = 100_000;
  state.authorizedRecipients.push({ email: 'bob@example.com', added_at: day(9) });
  state.alerts.push({
    id: '0b9a4e3c-6d51-4f7e-9a0e-3f2a8c1d5e77',
    name: 'complaint rate',
    metric: 'complaint_rate',
    comparator: '>',
    limit: '0.001',
    dimension: 'domain',
    period: '1d',
    alert_channels: ['email'],
    description: 'Warn when more than 0.1% of mail draws complaints',
    created_at: day(13),
    updated_at: day(13),
  });
  // Finished long ago, so their results are ready and starting them again is allowed.
  state.validationJobs.push(
    { id: 'newsletter-sept', kind: 'bulk', created_at: day(6), addresses: ['alice@example.com', 'typo@gmial.example'], canceled: false },
    {
      id: `team@${SANDBOX_US_DOMAIN}`,
      kind: 'list',
      created_at: day(3),
      addresses: ['alice@example.com', 'bob@example.org', 'carol@example.net'],
      canceled: false,
    },
    {
      id: 'newsletter-sept-preview',
      kind: 'preview',
      created_at: day(6),
      addresses: ['alice@example.com', 'info@example.com', 'typo@gmial.com', 'x@mailinator.com'],
      canceled: false,
    },
  );

  state.keys.push({
    id: SANDBOX_KEY_ID,
    description: 'Built-in sandbox key',
    kind: 'user',
    role: 'admin',
    domain_name: null,
    created_at: day(30),
    expires_at: null,
    secret_sha256: null,
  });
  // The key the catalog's delete example names, so that example works here.
  state.keys.push({
    id: 'f2153fd0-f1277777',
    description: 'Old CI sending key',
    kind: 'domain',
    role: 'sending',
    domain_name: SANDBOX_US_DOMAIN,
    created_at: day(25),
    expires_at: null,
    secret_sha256: null,
  });
  seedSimulations(state, us, now);
  return state;
}

export const seedKinds = [
  'bounces',
  'complaints',
  'unsubscribes',
  'allowlist',
  'messages',
  'routes',
  'lists',
  'members',
  'templates',
  'tags',
] as const;
export type SeedKind = (typeof seedKinds)[number];

export const MAX_SEED_COUNT = 100_000;

export interface SeedOptions {
  readonly region?: SandboxRegion;
  /** Defaults to the region's sample domain. */
  readonly domain?: string;
  /** For `members`: the list to fill; defaults to the first list. */
  readonly list?: string;
}

/** Adds `n` generated items of one kind, for tests that need volume (paging, limits). */
export function seedMany(state: SandboxState, kind: SeedKind, n: number, now: number, options: SeedOptions = {}): void {
  const count = Math.max(0, Math.min(MAX_SEED_COUNT, Math.floor(n)));
  const region = state.regions[options.region ?? 'us'];
  const domainName = options.domain ?? (options.region === 'eu' ? SANDBOX_EU_DOMAIN : SANDBOX_US_DOMAIN);
  const domain = region.domains.find((d) => d.name === domainName);
  const needDomain = (): Domain => {
    if (!domain) throw new Error(`seedMany: no domain ${domainName} in this region`);
    return domain;
  };
  const id = (i: number) => String(i).padStart(6, '0');
  for (let i = 0; i < count; i++) {
    const at = now - (count - i) * 1000;
    switch (kind) {
      case 'bounces':
        needDomain().bounces.push({
          address: `bounce-${id(i)}@seed.example.com`,
          code: '550',
          error: 'Generated for tests',
          created_at: at,
        });
        break;
      case 'complaints':
        needDomain().complaints.push({ address: `complaint-${id(i)}@seed.example.com`, created_at: at });
        break;
      case 'unsubscribes':
        needDomain().unsubscribes.push({ address: `unsub-${id(i)}@seed.example.com`, tags: ['*'], created_at: at });
        break;
      case 'allowlist':
        needDomain().allowlist.push({
          type: 'address',
          value: `allowed-${id(i)}@seed.example.com`,
          reason: 'Generated for tests',
          created_at: at,
        });
        break;
      case 'messages':
        send(state, needDomain(), at, `reader-${id(i)}@seed.example.com`, `Generated message ${i + 1}`, ['generated']);
        break;
      case 'routes':
        region.routes.push({
          id: `${id(i)}${'0'.repeat(18)}`,
          priority: i,
          description: `Generated route ${i + 1}`,
          expression: `match_recipient("route-${id(i)}@seed.example.com")`,
          actions: ['stop()'],
          created_at: at,
        });
        break;
      case 'lists':
        region.lists.push({
          address: `list-${id(i)}@seed.example.com`,
          name: `List ${i + 1}`,
          description: '',
          access_level: 'readonly',
          reply_preference: 'list',
          created_at: at,
          members: [],
        });
        break;
      case 'members': {
        const list = options.list ? region.lists.find((l) => l.address === options.list) : region.lists[0];
        if (!list) throw new Error('seedMany: no mailing list to add members to');
        list.members.push({ address: `member-${id(i)}@seed.example.com`, name: `Member ${i + 1}`, vars: {}, subscribed: true });
        break;
      }
      case 'templates':
        needDomain().templates.push({
          name: `template-${id(i)}`,
          description: 'Generated for tests',
          createdBy: 'seed',
          id: uuid(),
          created_at: at,
          versions: [],
        });
        break;
      case 'tags':
        needDomain().tags.push({ tag: `tag-${id(i)}`, description: '', first_seen: at, last_seen: at });
        break;
    }
  }
}
