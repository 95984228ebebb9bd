import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxRegion } from '../shared/sandbox/constants';

/**
 * Everything the sandbox remembers, as plain JSON-able data. Collections are
 * arrays rather than keyed objects so that user-chosen names (a domain called
 * `__proto__`, say) can never reach an object's prototype.
 */

export interface DnsRecord {
  readonly record_type: 'TXT' | 'CNAME' | 'MX';
  readonly name: string;
  readonly value: string;
  readonly priority?: string;
  valid: 'valid' | 'unknown';
  is_active: boolean;
  cached: string[];
}

export interface TrackingSettings {
  open: { active: boolean; place_at_the_top: boolean };
  click: { active: boolean | 'htmlonly' };
  unsubscribe: { active: boolean; html_footer: string; text_footer: string };
  web_scheme: 'http' | 'https';
}

export interface Bounce {
  address: string;
  code: string;
  error: string;
  created_at: number;
}

export interface Complaint {
  address: string;
  created_at: number;
}

export interface Unsubscribe {
  address: string;
  tags: string[];
  created_at: number;
}

export interface AllowEntry {
  type: 'address' | 'domain';
  value: string;
  reason: string;
  created_at: number;
}

export interface TemplateVersion {
  tag: string;
  template: string;
  engine: string;
  mjml: string;
  comment: string;
  active: boolean;
  id: string;
  headers: Record<string, string>;
  created_at: number;
}

export interface Template {
  name: string;
  description: string;
  createdBy: string;
  id: string;
  created_at: number;
  versions: TemplateVersion[];
}

export interface Tag {
  tag: string;
  description: string;
  first_seen: number;
  last_seen: number;
}

export type EventName = 'accepted' | 'delivered' | 'failed' | 'opened' | 'clicked' | 'unsubscribed' | 'complained' | 'stored' | 'rejected';

/** One Events API item, stored already in Mailgun's shape so reading it back is a copy. */
export interface SandboxEvent {
  readonly event: EventName;
  readonly id: string;
  readonly timestamp: number;
  readonly 'log-level': 'info' | 'warn' | 'error';
  readonly recipient: string;
  readonly 'recipient-domain': string;
  readonly severity?: 'permanent' | 'temporary';
  readonly reason?: string;
  readonly tags: string[];
  readonly 'user-variables': Record<string, string>;
  readonly flags: Record<string, boolean>;
  readonly message: {
    readonly headers: { readonly to: string; readonly 'message-id': string; readonly from: string; readonly subject: string };
    readonly attachments: { readonly filename: string; readonly 'content-type': string; readonly size: number }[];
    readonly size: number;
  };
  readonly envelope?: Record<string, string>;
  /** Where the stored copy would be fetched; the URL is added when read, since the port changes between runs. */
  readonly storage?: { readonly key: string };
  readonly 'delivery-status'?: Record<string, string | number | boolean>;
  readonly [extra: string]: unknown;
}

export interface Domain {
  name: string;
  id: string;
  created_at: number;
  state: 'active' | 'unverified' | 'disabled';
  type: 'custom' | 'sandbox';
  require_tls: boolean;
  skip_verification: boolean;
  spam_action: 'disabled' | 'block' | 'tag';
  smtp_login: string;
  web_prefix: string;
  web_scheme: 'http' | 'https';
  wildcard: boolean;
  use_automatic_sender_security: boolean;
  encrypt_incoming_message: boolean;
  message_ttl: number;
  sending_dns_records: DnsRecord[];
  receiving_dns_records: DnsRecord[];
  tracking: TrackingSettings;
  /** Webhook id (`delivered`, `opened`...) to its URLs. */
  webhooks: { id: string; urls: string[] }[];
  bounces: Bounce[];
  complaints: Complaint[];
  unsubscribes: Unsubscribe[];
  allowlist: AllowEntry[];
  templates: Template[];
  tags: Tag[];
  events: SandboxEvent[];
  /** What was sent, by storage key, for as long as the domain's message_ttl. */
  stored: StoredMessage[];
  credentials: SmtpCredential[];
  /** DKIM keys by selector; the active ones sign. */
  dkimKeys: DkimKey[];
  dkimSelector: string;
  /** True when the domain signs with its own keys rather than its parent's. */
  dkimAuthoritySelf: boolean;
  /** Sending IPs assigned to the domain, and the IP pool it is linked to. */
  ips: string[];
  ipPool: string | null;
  /** Set while the domain is under dynamic IP pool management. */
  dynamicPool?: DynamicEnrolment | null;
  /** Scheduled rotation of the domain's managed DKIM key (Automatic Sender Security). */
  dkimRotation?: { enabled: boolean; interval_hours: number; rotated_at: number };
  /** The tracking host's TLS certificate: a stand-in, issued a little after it is asked for. */
  trackingCertificate?: { requested_at: number; serial: string } | null;
}

export type DynamicBand = 'dynamic_good' | 'dynamic_poor' | 'dynamic_new';

export interface DynamicEnrolment {
  enrolled_at: number;
  band: DynamicBand;
  /** A band pinned by hand; metrics no longer move the domain while it is set. */
  override: DynamicBand | null;
  /** What the domain sends through again when it leaves the programme without naming a replacement. */
  fallback_ip: string;
}

/** The account's three dynamic pools: which of its dedicated IPs serve each band. */
export interface DynamicPools {
  id: string;
  ips: Record<DynamicBand, string[]>;
}

/** One move of a domain between dynamic bands, with the numbers that caused it. */
export interface DynamicMove {
  id: string;
  account_id: string;
  account_name: string;
  domain_id: string;
  domain_name: string;
  new_band: DynamicBand;
  prev_band: DynamicBand;
  reason: string;
  bounce_rate: number;
  complaint_rate: number;
  processed_count: number;
  initiated_by: 'system' | 'user';
  timestamp: number;
}

export interface SendingIp {
  ip: string;
  dedicated: boolean;
  rdns: string;
  warmup: boolean;
}

export interface IpPool {
  pool_id: string;
  name: string;
  description: string;
  ips: string[];
  /** Subaccounts the primary account lends this pool to. */
  delegates: string[];
}

export interface DkimKey {
  selector: string;
  active: boolean;
  created_at: number;
  /** The public half as a DNS TXT value; the sandbox never makes a private key. */
  value: string;
}

export interface Route {
  id: string;
  priority: number;
  description: string;
  expression: string;
  actions: string[];
  created_at: number;
}

export interface ListMember {
  address: string;
  name: string;
  vars: Record<string, unknown>;
  subscribed: boolean;
}

export interface MailingList {
  address: string;
  name: string;
  description: string;
  access_level: 'readonly' | 'members' | 'everyone';
  reply_preference: 'list' | 'sender';
  created_at: number;
  members: ListMember[];
}

export interface RegionState {
  domains: Domain[];
  routes: Route[];
  lists: MailingList[];
  /** Webhooks that fire for every domain of the account in this region. */
  accountWebhooks: AccountWebhook[];
}

export interface AccountWebhook {
  webhook_id: string;
  url: string;
  description: string;
  event_types: string[];
  created_at: number;
}

export interface ApiKey {
  id: string;
  description: string;
  kind: 'user' | 'domain' | 'web';
  role: 'admin' | 'basic' | 'sending' | 'developer';
  domain_name: string | null;
  created_at: number;
  expires_at: number | null;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  secret_sha256: string | null;
}

export interface SandboxState {
  version: 1;
  /** Drives the `.1.`, `.2.` counters inside message ids. */
  sequence: number;
  regions: Record<SandboxRegion, RegionState>;
  keys: ApiKey[];
  /** Each with its own domains, routes and lists, reached with `X-Mailgun-On-Behalf-Of`. */
  subaccounts: Subaccount[];
  /** The account's HTTP webhook signing key: what webhook signatures are computed with. */
  webhookSigningKey: string;
  ips: SendingIp[];
  ipPools: IpPool[];
  /** Bulk, mailing-list and preview validation jobs; their status follows the clock from created_at. */
  validationJobs: ValidationJob[];
  /** Send-threshold alerts, checked against the sandbox's own events when their hits are read. */
  alerts: Alert[];
  /** Recipients a sandbox domain may send to; each counts as activated a minute after being added. */
  authorizedRecipients: { email: string; added_at: number }[];
  /** The account's custom monthly sending limit, or null when none is set. */
  monthlyLimit: number | null;
  /** Null until the dynamic pools are set up. */
  dynamicPools?: DynamicPools | null;
  /** Band moves of enrolled domains, oldest first. */
  dynamicHistory?: DynamicMove[];
  /** Account settings and features set through /v5/accounts; absent ones read as Mailgun's defaults. */
  account?: AccountSettings;
  /** Addresses allowed to use the API; stored and listed, never enforced (see the README). */
  ipAllowlist?: { ip_address: string; description: string }[];
  /** The account's public validation key (`pubkey-…`), made on first regeneration. */
  publicKey?: string;
  /** Inbox placement seed lists and the tests run against them. */
  inbox?: { seedlists: SeedList[]; results: InboxResult[] };
}

export interface AccountSettings {
  name: string;
  inactive_session_timeout: number;
  absolute_session_timeout: number;
  logout_redirect_url: string;
  features: Record<string, { enabled: boolean }>;
  activation_emails_sent: number[];
}

export interface SeedList {
  kid: string;
  name: string;
  created_at: number;
  updated_at: number;
  target_email: string;
  seeds: { email: string; provider: string }[];
  provider_filter: string[];
  seed_filter: string;
  sending_domains: string[];
  remote_id: string;
  is_auto_generated: boolean;
}

/** One inbox placement test; each seed's outcome arrives at its own time after the test starts. */
export interface InboxResult {
  rid: string;
  result_id: string;
  kid: string;
  keybox_email: string;
  seedlist_name: string;
  subject: string;
  sender: string;
  created_at: number;
  seeds: { email: string; provider: string; arrives_at: number; destination: 'inbox' | 'spam'; auth: 'pass' | 'fail' }[];
  sharing: { enabled: boolean; url_id: string; expires_at: number };
}

export interface Alert {
  id: string;
  name: string;
  metric: string;
  comparator: '>' | '>=' | '<' | '<=' | '=' | '!=';
  limit: string;
  dimension: string;
  period: string;
  alert_channels: string[];
  description: string;
  created_at: number;
  updated_at: number;
}

export interface ValidationJob {
  id: string;
  /** A preview validates a sample of its list for free; promoting it starts a bulk job over every address. */
  kind: 'bulk' | 'list' | 'preview';
  created_at: number;
  addresses: string[];
  canceled: boolean;
}

export interface StoredAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** Base64 of the file; null when the message's files were too large to keep. */
  readonly data: string | null;
}

export interface StoredMessage {
  readonly key: string;
  /** `<...@domain>`, as the send answered. */
  readonly messageId: string;
  readonly storedAt: number;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly recipients: readonly string[];
  readonly tags: readonly string[];
  readonly text: string;
  readonly html: string;
  /** `h:` headers as sent, in order. */
  readonly headers: readonly (readonly [string, string])[];
  readonly attachments: readonly StoredAttachment[];
  readonly template: { readonly name: string; readonly version: string } | null;
  /** Raw MIME for messages sent through messages.mime. */
  readonly mime: string | null;
}

export interface SmtpCredential {
  login: string;
  created_at: number;
  password_sha256: string;
}

export interface Subaccount {
  id: string;
  name: string;
  status: 'open' | 'disabled';
  created_at: number;
  updated_at: number;
  regions: Record<SandboxRegion, RegionState>;
  monthlyLimit?: number | null;
  features?: Record<string, { enabled: boolean }>;
}

export function emptyState(): SandboxState {
  return {
    version: 1,
    sequence: 0,
    regions: { us: emptyRegion(), eu: emptyRegion() },
    keys: [],
    subaccounts: [],
    webhookSigningKey: newSigningKey(),
    ips: sampleIps(),
    ipPools: [],
    validationJobs: [],
    alerts: [],
    authorizedRecipients: [],
    monthlyLimit: null,
  };
}

/** Documentation addresses (TEST-NET-1): they can never be real sending IPs. */
export function sampleIps(): SendingIp[] {
  return ['192.0.2.20', '192.0.2.21', '192.0.2.22'].map((ip, index) => ({
    ip,
    dedicated: index < 2,
    rdns: `ip-${ip.replace(/\./g, '-')}.sandbox.mailgun.invalid`,
    warmup: index === 1,
  }));
}

export function newSigningKey(): string {
  return `key-${randomBytes(16).toString('hex')}`;
}

export function emptyRegion(): RegionState {
  return { domains: [], routes: [], lists: [], accountWebhooks: [] };
}

/** A shallow check: the file is written only by us, so a wrong shape means damage, not a format to migrate. */
export function looksLikeState(value: unknown): value is SandboxState {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SandboxState>;
  if (candidate.version !== 1 || typeof candidate.sequence !== 'number' || !Array.isArray(candidate.keys)) return false;
  const regions = candidate.regions;
  if (typeof regions !== 'object' || regions === null) return false;
  return (['us', 'eu'] as const).every((region) => {
    const r = regions[region];
    return typeof r === 'object' && r !== null && Array.isArray(r.domains) && Array.isArray(r.routes) && Array.isArray(r.lists);
  });
}

export interface StateStore {
  /** Reads the saved state; null when there is none or it cannot be used. */
  load(): Promise<SandboxState | null>;
  /** Saves soon; many changes in a burst cost one write. */
  scheduleSave(state: SandboxState): void;
  /** Writes any scheduled save now. */
  flush(): Promise<void>;
  saveNow(state: SandboxState): Promise<void>;
  readonly filePath: string;
  /** What went wrong with the file, in a sentence for the user; null while all is well. */
  problem(): string | null;
  /** Lets the server report a failed save the same way. */
  reportProblem(text: string): void;
}

export const STATE_FILE_NAME = 'sandbox-state.json';

export function createStateStore(options: { dataDir: string; debounceMs?: number }): StateStore {
  const filePath = join(options.dataDir, STATE_FILE_NAME);
  const debounceMs = options.debounceMs ?? 250;
  let timer: NodeJS.Timeout | null = null;
  let queued: SandboxState | null = null;
  let writing: Promise<void> = Promise.resolve();
  let problem: string | null = null;

  /** A file that cannot be used is renamed, never overwritten, so whatever it held can still be looked at. */
  async function setAside(why: string): Promise<null> {
    const stamp = new Date()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replaceAll(':', '-');
    let aside = `${STATE_FILE_NAME}.corrupt-${stamp}`;
    for (
      let n = 2;
      await lstat(join(options.dataDir, aside)).then(
        () => true,
        () => false,
      );
      n += 1
    ) {
      aside = `${STATE_FILE_NAME}.corrupt-${stamp}-${n}`;
    }
    const moved = await rename(filePath, join(options.dataDir, aside)).then(
      () => true,
      () => false,
    );
    problem = moved
      ? `${STATE_FILE_NAME} ${why}, so the sandbox started from the sample data; the original was kept as ${aside} in the data folder.`
      : `${STATE_FILE_NAME} ${why} and could not be moved aside, so sandbox changes last only until the app quits. Move it out of the data folder yourself and restart.`;
    return null;
  }

  async function write(state: SandboxState): Promise<void> {
    const body = JSON.stringify(state);
    await mkdir(options.dataDir, { recursive: true });
    const temp = `${filePath}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temp, body, { encoding: 'utf8', mode: 0o600 });
      await rename(temp, filePath);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  // Writes are chained so an older snapshot can never land after a newer one.
  function enqueue(state: SandboxState): Promise<void> {
    const next = writing.then(() => write(state));
    writing = next.catch(() => {});
    return next;
  }

  return {
    filePath,
    problem: () => problem,
    reportProblem(text) {
      problem = text;
    },
    async load() {
      let raw: string;
      try {
        raw = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        return setAside('was not usable (it could not be read as a file)');
      }
      try {
        const parsed: unknown = JSON.parse(raw);
        return looksLikeState(parsed) ? parsed : setAside('was not usable (not in the expected form)');
      } catch {
        return setAside('was not usable (not valid JSON)');
      }
    },
    scheduleSave(state) {
      queued = state;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        const snapshot = queued;
        queued = null;
        if (snapshot) void enqueue(snapshot).catch(() => {});
      }, debounceMs);
      timer.unref?.();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      const snapshot = queued;
      queued = null;
      if (snapshot) await enqueue(snapshot);
      else await writing;
    },
    async saveNow(state) {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      queued = null;
      await enqueue(state);
    },
  };
}
