import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboxDelivery, InboxDeliveryDetail, InboxList, ReplayResult } from '../../shared/bridge/sandbox-tools';
import { isLoopbackHostname } from '../../shared/environments/validate';
import { AppFailure } from '../../shared/errors';
import type { WebhookCheck } from '../../shared/support/types';
import { parseWebhookPayload } from '../../shared/support/webhook-payload';

/**
 * A receiver for webhooks on 127.0.0.1, so a developer can see what Mailgun
 * (or the sandbox) posts without writing an endpoint first. It listens only
 * while the app runs, keeps the latest deliveries in memory, and checks each
 * signature with the same checker as the Support tools, against whichever
 * environment the user looks at.
 */

export const INBOX_MAX_BODY_BYTES = 256 * 1024;
export const INBOX_MAX_ENTRIES = 200;
const REPLAY_TIMEOUT_MS = 10_000;
const REPLAY_EXCERPT_BYTES = 4096;
const INBOX_PATH = '/webhooks';

function isLoopbackUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const target = new URL(raw);
  return (target.protocol === 'http:' || target.protocol === 'https:') && target.username === '' && isLoopbackHostname(target.hostname);
}

/** Browsers send these; Mailgun and the sandbox do not, so a web page cannot fill the inbox with a form post. */
const BROWSER_ONLY_HEADERS = ['origin', 'sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'];

interface Received {
  readonly id: string;
  readonly receivedAt: number;
  readonly contentType: string;
  readonly body: string;
  readonly size: number;
  readonly userAgent: string;
}

export interface WebhookInboxDeps {
  /** The Support tools' checker: verdict for a body under an environment's webhook signing key. */
  readonly check: (arg: { environmentId: string; payload: string }) => Promise<WebhookCheck>;
  readonly clock: () => number;
  /** Node's fetch: replays go to loopback only, where a proxy would only get in the way. */
  readonly fetch: typeof globalThis.fetch;
  readonly maxBodyBytes?: number;
  readonly maxEntries?: number;
}

function answer(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ message });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  res.end(body);
}

export function createWebhookInbox(deps: WebhookInboxDeps) {
  const maxBody = deps.maxBodyBytes ?? INBOX_MAX_BODY_BYTES;
  const maxEntries = deps.maxEntries ?? INBOX_MAX_ENTRIES;
  const received: Received[] = [];
  let server: Server | null = null;
  let starting: Promise<string> | null = null;
  let url = '';
  let stopped = false;

  function keep(entry: Received): void {
    received.push(entry);
    if (received.length > maxEntries) received.splice(0, received.length - maxEntries);
  }

  function refusal(req: IncomingMessage): [number, string] | null {
    if ((req.url ?? '/').split('?')[0] !== INBOX_PATH) return [404, `Post webhooks to ${INBOX_PATH}`];
    if (req.method !== 'POST') return [405, 'Only POST is accepted'];
    if (BROWSER_ONLY_HEADERS.some((name) => req.headers[name] !== undefined)) {
      return [403, 'The webhook inbox does not accept requests from web pages'];
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > maxBody) return [413, `Bodies over ${maxBody} bytes are refused`];
    return null;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const refused = refusal(req);
    if (refused) {
      answer(res, ...refused);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBody) {
        tooLarge = true;
        answer(res, 413, `Bodies over ${maxBody} bytes are refused`);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return;
      const body = Buffer.concat(chunks).toString('utf8');
      keep({
        id: randomBytes(8).toString('hex'),
        receivedAt: deps.clock(),
        contentType: String(req.headers['content-type'] ?? '').slice(0, 200),
        body,
        size,
        userAgent: String(req.headers['user-agent'] ?? '').slice(0, 200),
      });
      // Mailgun retries anything but a 2xx; an unreadable body is kept (to be looked at) and answered 400.
      if (parseWebhookPayload(body).ok) answer(res, 200, 'Received');
      else answer(res, 400, 'Received, but the body is not a Mailgun webhook');
    });
    req.on('error', () => res.destroy());
  }

  async function listen(): Promise<string> {
    const created = createServer({ maxHeaderSize: 16 * 1024 }, handle);
    created.headersTimeout = 10_000;
    created.requestTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(0, '127.0.0.1', () => {
        created.off('error', reject);
        resolve();
      });
    });
    server = created;
    url = `http://127.0.0.1:${(created.address() as AddressInfo).port}${INBOX_PATH}`;
    return url;
  }

  /** Starts the receiver on first use; its port stays the same until the app quits. */
  function start(): Promise<string> {
    if (stopped) return Promise.reject(new AppFailure('unsupported', 'The webhook inbox has stopped.', 'Restart the app.'));
    if (server) return Promise.resolve(url);
    starting ??= listen().finally(() => {
      starting = null;
    });
    return starting;
  }

  function find(id: string): Received {
    const entry = received.find((item) => item.id === id);
    if (!entry) {
      throw new AppFailure(
        'not-found',
        'That delivery is no longer in the inbox.',
        `The inbox keeps the latest ${maxEntries}; send it again.`,
      );
    }
    return entry;
  }

  // A poll every second or two must not read the keychain for every entry again: verdicts are kept until a key changes.
  const verdicts = new Map<string, WebhookCheck | null>();

  async function checkOf(entry: Received, environmentId: string | undefined, fresh: boolean): Promise<WebhookCheck | null> {
    if (environmentId === undefined || !parseWebhookPayload(entry.body).ok) return null;
    const cacheKey = `${environmentId}\u0000${entry.id}`;
    if (!fresh && verdicts.has(cacheKey)) return verdicts.get(cacheKey) ?? null;
    let check: WebhookCheck | null;
    try {
      check = await deps.check({ environmentId, payload: entry.body });
    } catch {
      // An environment deleted meanwhile: the list still shows the delivery, unverified.
      check = null;
    }
    if (verdicts.size >= maxEntries * 4) verdicts.clear();
    verdicts.set(cacheKey, check);
    return check;
  }

  function summaryOf(entry: Received, check: WebhookCheck | null): InboxDelivery {
    const parsed = parseWebhookPayload(entry.body);
    const summary = parsed.ok ? parsed.value.summary : null;
    return {
      id: entry.id,
      receivedAt: entry.receivedAt,
      size: entry.size,
      contentType: entry.contentType,
      event: summary?.event ?? null,
      recipient: summary?.recipient ?? null,
      messageId: summary?.messageId ?? null,
      verdict: parsed.ok ? (check?.verdict ?? 'unchecked') : 'unreadable',
      verdictMessage: parsed.ok ? (check?.message ?? 'Pick an environment to check the signature against.') : parsed.message,
    };
  }

  return {
    start,

    async list(environmentId: string | undefined): Promise<InboxList> {
      const inboxUrl = await start();
      const newestFirst = [...received].reverse();
      const deliveries = await Promise.all(newestFirst.map(async (entry) => summaryOf(entry, await checkOf(entry, environmentId, false))));
      return { url: inboxUrl, deliveries };
    },

    async get(id: string, environmentId: string | undefined): Promise<InboxDeliveryDetail> {
      const entry = find(id);
      const check = await checkOf(entry, environmentId, true);
      let pretty = entry.body;
      try {
        pretty = JSON.stringify(JSON.parse(entry.body), null, 2);
      } catch {
        // Not JSON: shown as received.
      }
      return { ...summaryOf(entry, check), userAgent: entry.userAgent, body: pretty, check };
    },

    /** A signing key was saved or removed: every verdict is checked again. */
    forgetVerdicts(): void {
      verdicts.clear();
    },

    clear(): { cleared: number } {
      const cleared = received.length;
      received.length = 0;
      verdicts.clear();
      return { cleared };
    },

    /**
     * Posts the delivery's exact body again, to a URL on this computer only:
     * a developer re-runs their own local endpoint with a real Mailgun body
     * (replaying into the inbox itself would only show the same entry twice).
     */
    async replay(id: string, target: string): Promise<ReplayResult> {
      const entry = find(id);
      if (!isLoopbackUrl(target)) {
        throw new AppFailure(
          'forbidden-host',
          'Replays go only to this computer (127.0.0.1, ::1 or localhost).',
          'Enter the URL of your local endpoint, such as http://127.0.0.1:3000/webhooks.',
          'url',
        );
      }
      const started = deps.clock();
      let response: Response;
      try {
        response = await deps.fetch(target, {
          method: 'POST',
          headers: { 'Content-Type': entry.contentType || 'application/json', 'User-Agent': 'mailgun-explorer/webhook-replay' },
          body: entry.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(REPLAY_TIMEOUT_MS),
        });
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? 'it did not answer within 10 s' : 'nothing answered there';
        throw new AppFailure(
          'connection-refused',
          `The replay to ${target} failed: ${reason}.`,
          'Check that your endpoint is running on that port.',
        );
      }
      const bytes = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
      return {
        status: response.status,
        statusText: response.statusText,
        durationMs: deps.clock() - started,
        bodyExcerpt: new TextDecoder().decode(bytes.subarray(0, REPLAY_EXCERPT_BYTES)),
        truncated: bytes.length > REPLAY_EXCERPT_BYTES,
      };
    },

    async stop(): Promise<void> {
      stopped = true;
      if (starting) await starting.catch(() => undefined);
      const running = server;
      server = null;
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeAllConnections();
        });
      }
    },
  };
}

export type WebhookInbox = ReturnType<typeof createWebhookInbox>;
