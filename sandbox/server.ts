import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxStatus } from '../shared/bridge/sandbox';
import type { InboundSimulation } from '../shared/bridge/sandbox-tools';
import { AppFailure } from '../shared/errors';
import { type BodyLimits, type BodyOutcome, createBodyParser, defaultBodyLimits, requestTooLarge } from './body-parser';
import type { RouteDef, World } from './context';
import { json, type Reply } from './errors';
import { type InboundMessage, simulateInbound } from './inbound';
import { createRateLimiter, type RateLimit } from './rate-limit';
import { accountRoutes } from './resources/account';
import { accountLimitRoutes } from './resources/account-limits';
import { accountTagRoutes } from './resources/account-tags';
import { aggregateRoutes } from './resources/aggregates';
import { alertRoutes } from './resources/alerts';
import { bounceClassificationRoutes } from './resources/bounce-classification';
import { credentialRoutes } from './resources/credentials';
import { dkimRoutes } from './resources/dkim';
import { dkimManagementRoutes } from './resources/dkim-management';
import { domainRoutes } from './resources/domains';
import { dynamicPoolRoutes } from './resources/dynamic-pools';
import { eventRoutes } from './resources/events';
import { inboxPlacementRoutes } from './resources/inbox-placement';
import { ipAllowlistRoutes } from './resources/ip-allowlist';
import { ipRoutes } from './resources/ips';
import { keyRoutes } from './resources/keys';
import { listRoutes } from './resources/lists';
import { logRoutes } from './resources/logs';
import { messageRoutes } from './resources/messages';
import { metricRoutes } from './resources/metrics';
import { routeRoutes } from './resources/routes';
import { statRoutes } from './resources/stats';
import { storedMessageRoutes } from './resources/stored-messages';
import { subaccountRoutes } from './resources/subaccounts';
import { suppressionRoutes } from './resources/suppressions';
import { tagRoutes } from './resources/tags';
import { templateRoutes } from './resources/templates';
import { trackingHostRoutes } from './resources/tracking-host';
import { usageRoutes } from './resources/usage';
import { validationRoutes } from './resources/validation';
import { accountWebhookRoutes, webhookRoutes } from './resources/webhooks';
import { type CatalogEntry, createRouter, type Router } from './router';
import { type SeedKind, type SeedOptions, seedMany, seedState } from './seed';
import { createStateStore, type SandboxState, STATE_FILE_NAME } from './state';
import { upgradeState } from './upgrade';
import { createWebhookDispatcher, type WebhookDelivery } from './webhook-delivery';

export type { RateLimit } from './rate-limit';
export type { CatalogEntry } from './router';
export type { WebhookDelivery } from './webhook-delivery';

export const sandboxRoutes: readonly RouteDef[] = [
  ...messageRoutes,
  ...domainRoutes,
  ...eventRoutes,
  ...suppressionRoutes,
  ...webhookRoutes,
  ...routeRoutes,
  ...listRoutes,
  ...templateRoutes,
  ...tagRoutes,
  ...statRoutes,
  ...metricRoutes,
  ...keyRoutes,
  ...storedMessageRoutes,
  ...subaccountRoutes,
  ...credentialRoutes,
  ...accountTagRoutes,
  ...dkimRoutes,
  ...ipRoutes,
  ...dynamicPoolRoutes,
  ...inboxPlacementRoutes,
  ...bounceClassificationRoutes,
  ...accountRoutes,
  ...dkimManagementRoutes,
  ...trackingHostRoutes,
  ...usageRoutes,
  ...aggregateRoutes,
  ...ipAllowlistRoutes,
  ...validationRoutes,
  ...logRoutes,
  ...alertRoutes,
  ...accountLimitRoutes,
  ...accountWebhookRoutes,
];

export interface SandboxServerOptions {
  /** Folder the state file lives in (the app's user-data folder). */
  readonly dataDir: string;
  /**
   * Endpoints the sandbox does not simulate answer with their catalog example.
   * Pass the array, or a loader so the catalog is only imported when the sandbox starts.
   */
  readonly catalog?: readonly CatalogEntry[] | (() => Promise<readonly CatalogEntry[]>);
  /** Milliseconds since the epoch; tests pin it. */
  readonly clock?: () => number;
  /** Off (null) unless given; can be changed later with `admin.setRateLimit`. */
  readonly rateLimit?: RateLimit | null;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly saveDebounceMs?: number;
  /** Tests lower the body cap to exercise 413 without sending 52 MiB. */
  readonly bodyLimits?: Partial<BodyLimits>;
  readonly logError?: (error: unknown) => void;
  /** Notes worth telling the person running the sandbox (webhook URLs never called, deliveries given up). */
  readonly log?: (message: string) => void;
  /** Waits between webhook delivery attempts; Mailgun's schedule unless given (tests shorten it). */
  readonly webhookRetryDelaysMs?: readonly number[];
}

export interface SandboxUrls {
  readonly usBaseUrl: string;
  readonly euBaseUrl: string;
}

export interface SandboxAdmin {
  setRateLimit(limit: RateLimit | null): void;
  /** Adds generated items of one kind (e.g. 250 bounces) and saves them. */
  seedMany(kind: SeedKind, n: number, options?: SeedOptions): Promise<void>;
  /** The live state, loading it first if needed; for tests and diagnostics. */
  state(): Promise<SandboxState>;
  /** Writes pending changes to disk now. */
  flush(): Promise<void>;
  /** Every webhook delivery made or skipped since start, newest last. */
  webhookDeliveries(): readonly WebhookDelivery[];
  /** Resolves once no webhook delivery is in flight. */
  webhooksIdle(): Promise<void>;
  /** Runs the region's routes over a message as if it had been received, and saves what store() kept. */
  simulateInbound(region: 'us' | 'eu', message: InboundMessage): Promise<InboundSimulation>;
}

export interface SandboxServer {
  start(): Promise<SandboxUrls>;
  stop(): Promise<void>;
  /** Replaces everything with the sample data, running or not. */
  reset(): Promise<void>;
  status(): SandboxStatus;
  /** The header main adds to its own requests, so they pass the browser check; new every run. */
  readonly clientHeader: { readonly name: string; readonly value: string };
  readonly admin: SandboxAdmin;
}

const ALLOWED_HOSTS = ['127.0.0.1', 'localhost'];
const CLIENT_HEADER = 'x-mailgun-explorer-client';

/**
 * Browsers send Origin with every POST and, to a loopback address, always
 * Sec-Fetch-Site with Sec-Fetch-Dest, so a web page that knows the published
 * sandbox key still cannot change the sandbox with a form post. A lone
 * sec-fetch-mode is what Node's fetch sends (and so mailgun.js and the user's
 * own Node apps): that alone does not make a browser. Electron's net.fetch
 * adds Sec-Fetch-Site that the caller cannot remove, so main proves itself
 * with a per-run random header instead.
 */
const BROWSER_ONLY_HEADERS = ['origin', 'sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'];

function fromWebPage(req: IncomingMessage, clientToken: string): boolean {
  if (req.headers[CLIENT_HEADER] === clientToken) return false;
  return BROWSER_ONLY_HEADERS.some((name) => req.headers[name] !== undefined);
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  try {
    const payload = reply.bytes ?? reply.body;
    res.writeHead(reply.status, {
      'Content-Type': `${reply.contentType}; charset=utf-8`,
      ...reply.headers,
      'Content-Length': Buffer.byteLength(payload),
      'Cache-Control': 'no-store',
    });
    res.end(payload);
  } catch {
    res.destroy();
  }
}

/**
 * A local stand-in for Mailgun's API: one HTTP server on 127.0.0.1 that
 * answers under `/us` and `/eu`, keeps its data in the user-data folder, and
 * behaves like Mailgun at the edges (auth, regions, limits, odd input).
 */
export function createSandboxServer(options: SandboxServerOptions): SandboxServer {
  const clock = options.clock ?? Date.now;
  const limits: BodyLimits = { ...defaultBodyLimits, ...options.bodyLimits };
  const store = createStateStore({ dataDir: options.dataDir, debounceMs: options.saveDebounceMs ?? 250 });
  const rateLimiter = createRateLimiter(options.rateLimit ?? null, clock);
  const clientToken = randomBytes(24).toString('base64url');

  let state: SandboxState | null = null;
  let loading: Promise<SandboxState> | null = null;
  let server: Server | null = null;
  let origin = '';
  let starting: Promise<SandboxUrls> | null = null;

  // The sandbox keeps working from memory when its file cannot be written; the status says so.
  function reportSaveFailure(error: unknown): void {
    // A file that could not even be set aside says more than the failed save that follows.
    if (store.problem() === null)
      store.reportProblem(
        `The sandbox's changes could not be saved to ${STATE_FILE_NAME}, so they last only until the app quits. Check that the data folder is writable.`,
      );
    options.logError?.(error);
  }

  function loadState(): Promise<SandboxState> {
    if (state) return Promise.resolve(state);
    loading ??= (async () => {
      const saved = await store.load();
      const loaded = saved ? upgradeState(saved) : seedState(clock());
      if (!saved) await store.saveNow(loaded).catch(reportSaveFailure);
      state = loaded;
      return loaded;
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  const webhooks = createWebhookDispatcher({
    signingKey: () => world.state.webhookSigningKey,
    clock,
    ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });

  const world: World = {
    get state(): SandboxState {
      if (!state) throw new Error('sandbox state used before it was loaded');
      return state;
    },
    now: clock,
    nextSequence() {
      this.state.sequence += 1;
      return this.state.sequence;
    },
    publish(domain, event, baseUrl) {
      const withUrl = event.storage
        ? { ...event, storage: { ...event.storage, url: `${baseUrl}/v3/domains/${domain.name}/messages/${event.storage.key}` } }
        : event;
      const regions = [world.state.regions, ...world.state.subaccounts.map((s) => s.regions)].flatMap((r) => [r.us, r.eu]);
      const region = regions.find((r) => r.domains.includes(domain));
      webhooks.publish(domain, withUrl, region?.accountWebhooks ?? []);
    },
    testWebhook: (domain, webhook, url, event) => webhooks.test(domain.name, webhook, url, event),
  };

  const router: Router = createRouter({
    routes: sandboxRoutes,
    catalog: Array.isArray(options.catalog) ? (options.catalog as readonly CatalogEntry[]) : [],
    world,
    rateLimiter,
    origin: () => origin,
    onChange: () => {
      if (state) store.scheduleSave(state);
    },
    ...(options.logError ? { logError: options.logError } : {}),
  });

  async function loadCatalog(): Promise<void> {
    if (typeof options.catalog !== 'function') return;
    try {
      router.setCatalog(await options.catalog());
    } catch (error) {
      // Without the catalog only the fallback answers are lost; the simulated resources still work.
      options.logError?.(error);
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (!ALLOWED_HOSTS.includes(host)) {
      // Refusing other Host names keeps web pages from reaching the server through DNS rebinding.
      send(res, json(400, { message: 'Unexpected Host header' }));
      return;
    }
    if (fromWebPage(req, clientToken)) {
      send(res, json(403, { message: 'Forbidden: the offline sandbox does not accept requests from web browsers' }));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      // Answer before reading; Node discards the unread body without keeping it.
      send(res, json(413, { message: requestTooLarge().message }));
      return;
    }
    const parser = createBodyParser(req.headers['content-type'], limits);
    let settled = false;
    const finish = (outcome: BodyOutcome): void => {
      if (settled) return;
      settled = true;
      if (!outcome.ok && outcome.error.status === 413) {
        send(res, json(413, { message: outcome.error.message }));
        return;
      }
      const reply = router.handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        headers: req.headers,
        body: outcome,
      });
      if (reply instanceof Promise) void reply.then((answer) => send(res, answer));
      else send(res, reply);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      const error = parser.write(chunk);
      if (error) finish({ ok: false, error });
    });
    req.on('end', () => finish(parser.end()));
    req.on('error', () => {
      settled = true;
      res.destroy();
    });
  }

  async function start(): Promise<SandboxUrls> {
    await loadState();
    await loadCatalog();
    const created = createServer({ maxHeaderSize: 32 * 1024 }, handle);
    created.headersTimeout = 30_000;
    created.requestTimeout = 5 * 60_000;
    created.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(options.port ?? 0, '127.0.0.1', () => {
        created.off('error', reject);
        resolve();
      });
    });
    created.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    server = created;
    origin = `http://127.0.0.1:${(created.address() as AddressInfo).port}`;
    return urls();
  }

  function urls(): SandboxUrls {
    return { usBaseUrl: `${origin}/us`, euBaseUrl: `${origin}/eu` };
  }

  return {
    start() {
      if (server) return Promise.resolve(urls());
      starting ??= start().finally(() => {
        starting = null;
      });
      return starting;
    },
    async stop() {
      if (starting) await starting.catch(() => undefined);
      webhooks.stop();
      const running = server;
      server = null;
      origin = '';
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeAllConnections();
        });
      }
      await store.flush();
    },
    async reset() {
      await loadState();
      state = seedState(clock());
      await store.saveNow(state).catch((error: unknown) => {
        reportSaveFailure(error);
        throw new AppFailure(
          'storage-failed',
          `The sample data is back, but it could not be saved to ${STATE_FILE_NAME}.`,
          'Check that the data folder is writable, then reset again.',
        );
      });
    },
    clientHeader: { name: CLIENT_HEADER, value: clientToken },
    status() {
      const warning = store.problem();
      return { ...(server ? { running: true, ...urls() } : { running: false }), ...(warning ? { warning } : {}) };
    },
    admin: {
      setRateLimit: (limit) => rateLimiter.set(limit),
      async seedMany(kind, n, seedOptions) {
        const current = await loadState();
        seedMany(current, kind, n, clock(), seedOptions);
        store.scheduleSave(current);
      },
      state: loadState,
      flush: () => store.flush(),
      webhookDeliveries: () => webhooks.deliveries(),
      webhooksIdle: () => webhooks.idle(),
      async simulateInbound(region, message) {
        const current = await loadState();
        const result = await simulateInbound(current, region, message, {
          now: clock(),
          sequence: () => world.nextSequence(),
          fetch: globalThis.fetch,
        });
        store.scheduleSave(current);
        return result;
      },
    },
  };
}
