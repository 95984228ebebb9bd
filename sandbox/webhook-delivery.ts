import { createHmac, randomBytes } from 'node:crypto';
import type { SandboxEvent } from './state';

/**
 * Posts each event to the domain's webhook URLs the way Mailgun does: a JSON
 * body with `signature` (timestamp, token, HMAC-SHA256 of timestamp+token
 * under the account's HTTP signing key) and `event-data`, retried on failure.
 * Only loopback URLs are ever called: anything else is kept in the settings
 * but never contacted, so the sandbox cannot reach the network.
 */

/** Mailgun retries a failed delivery after 10 min, 10 min, 15 min, 30 min, 1 h, 2 h and 4 h (about 8 hours in all). */
export const MAILGUN_RETRY_DELAYS_MS: readonly number[] = [10, 10, 15, 30, 60, 120, 240].map((minutes) => minutes * 60_000);
const ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_RECORDED = 500;

/** Which webhook id an event is posted to. */
export function webhookIdFor(event: SandboxEvent): string | null {
  switch (event.event) {
    case 'failed':
      return event.severity === 'temporary' ? 'temporary_fail' : 'permanent_fail';
    case 'accepted':
    case 'delivered':
    case 'opened':
    case 'clicked':
    case 'unsubscribed':
    case 'complained':
      return event.event;
    default:
      return null;
  }
}

export function isLoopbackUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export const NOT_CALLED_NOTE = 'stored but never called: the sandbox only calls loopback URLs (127.0.0.1, ::1, localhost)';

export function signWebhook(signingKey: string, timestamp: string, token: string): string {
  return createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
}

export interface WebhookDelivery {
  readonly id: string;
  readonly url: string;
  readonly webhook: string;
  readonly event: string;
  readonly eventId: string;
  readonly domain: string;
  /** Attempts made so far. */
  attempts: number;
  status: 'pending' | 'delivered' | 'retrying' | 'failed' | 'not-called';
  /** Status code of the last attempt, or null when it got no answer. */
  lastStatus: number | null;
  lastError: string | null;
  /** The exact body posted, for replay and inspection. */
  readonly body: string;
  nextAttemptAt: number | null;
}

export interface WebhookDispatcher {
  /** Sends the event to every URL of its webhook on the domain; returns at once. */
  publish(
    domain: { name: string; webhooks: readonly { id: string; urls: readonly string[] }[] },
    eventData: SandboxEvent,
    accountHooks?: readonly { url: string; event_types: readonly string[] }[],
  ): void;
  /** Mailgun's test call: posts the event to one URL once, without retries, and settles with the outcome. */
  test(domain: string, webhook: string, url: string, eventData: SandboxEvent): Promise<WebhookDelivery>;
  /** Newest last. */
  deliveries(): readonly WebhookDelivery[];
  /** Resolves when no attempt is in flight (tests). */
  idle(): Promise<void>;
  /** Cancels pending retries. */
  stop(): void;
}

export interface DispatcherOptions {
  readonly signingKey: () => string;
  readonly clock: () => number;
  readonly fetch?: typeof globalThis.fetch;
  readonly retryDelaysMs?: readonly number[];
  readonly log?: (message: string) => void;
}

export function createWebhookDispatcher(options: DispatcherOptions): WebhookDispatcher {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const delays = options.retryDelaysMs ?? MAILGUN_RETRY_DELAYS_MS;
  const recorded: WebhookDelivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const warned = new Set<string>();

  function record(delivery: WebhookDelivery): void {
    recorded.push(delivery);
    if (recorded.length > MAX_RECORDED) recorded.splice(0, recorded.length - MAX_RECORDED);
  }

  /** One POST of the delivery's body; a failure is scheduled again unless `retry` is false. */
  async function attempt(delivery: WebhookDelivery, retry = true): Promise<void> {
    delivery.attempts += 1;
    let status: number | null = null;
    try {
      const response = await fetchImpl(delivery.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'mailgun-sandbox/webhooks' },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel().catch(() => {});
      delivery.lastError = null;
    } catch (error) {
      delivery.lastError = error instanceof Error ? error.message : String(error);
    }
    delivery.lastStatus = status;
    if (status !== null && status >= 200 && status < 300) {
      delivery.status = 'delivered';
      delivery.nextAttemptAt = null;
      return;
    }
    // Mailgun treats 406 Not Acceptable as "stop": it never retries it.
    const delay = status === 406 || !retry ? undefined : delays[delivery.attempts - 1];
    if (delay === undefined) {
      delivery.status = 'failed';
      delivery.nextAttemptAt = null;
      options.log?.(`webhook ${delivery.webhook} to ${delivery.url} failed after ${delivery.attempts} attempt(s)`);
      return;
    }
    delivery.status = 'retrying';
    delivery.nextAttemptAt = options.clock() + delay;
    const timer = setTimeout(() => {
      timers.delete(timer);
      run(delivery);
    }, delay);
    timer.unref?.();
    timers.add(timer);
  }

  function run(delivery: WebhookDelivery): void {
    const pending = attempt(delivery).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  }

  function newDelivery(url: string, webhook: string, domain: string, eventData: SandboxEvent): WebhookDelivery {
    const timestamp = String(Math.floor(options.clock() / 1000));
    const token = randomBytes(25).toString('hex');
    const body = JSON.stringify({
      signature: { timestamp, token, signature: signWebhook(options.signingKey(), timestamp, token) },
      'event-data': eventData,
    });
    const delivery: WebhookDelivery = {
      id: randomBytes(8).toString('hex'),
      url,
      webhook,
      event: eventData.event,
      eventId: eventData.id,
      domain,
      attempts: 0,
      status: 'pending',
      lastStatus: null,
      lastError: null,
      body,
      nextAttemptAt: null,
    };
    record(delivery);
    if (!isLoopbackUrl(url)) {
      delivery.status = 'not-called';
      if (!warned.has(url)) {
        warned.add(url);
        options.log?.(`webhook URL ${url} is ${NOT_CALLED_NOTE}`);
      }
    }
    return delivery;
  }

  return {
    async test(domain, webhook, url, eventData) {
      const delivery = newDelivery(url, webhook, domain, eventData);
      if (delivery.status === 'not-called') return delivery;
      const pending = attempt(delivery, false).finally(() => inFlight.delete(pending));
      inFlight.add(pending);
      await pending;
      return delivery;
    },
    publish(domain, eventData, accountHooks = []) {
      const webhook = webhookIdFor(eventData);
      if (!webhook) return;
      // A URL set both on the domain and on the account is called once.
      const urls = [
        ...new Set([
          ...(domain.webhooks.find((h) => h.id === webhook)?.urls ?? []),
          ...accountHooks.filter((h) => h.event_types.includes(webhook)).map((h) => h.url),
        ]),
      ];
      for (const url of urls) {
        const delivery = newDelivery(url, webhook, domain.name, eventData);
        if (delivery.status !== 'not-called') run(delivery);
      }
    },
    deliveries: () => recorded,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
