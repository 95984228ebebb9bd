import { isDomainScoped } from '../catalog/domain-scope';
import { findEndpointByRequest } from '../catalog/match-request';
import type { EndpointDef } from '../catalog/types';
import { formatRfc2822, parseRfc2822 } from '../dates/rfc2822';
import { EU_BASE_URL, explainStatus, MAX_MESSAGE_BYTES, MAX_REQUEST_BYTES, US_BASE_URL } from './explanations';

export type Region = 'us' | 'eu' | 'custom';
export type KeyKind = 'primary' | 'sending';

export interface DiagnoseContext {
  /** The catalog endpoint called; looked up from method and path when absent. */
  readonly endpoint?: EndpointDef;
  readonly method: string;
  /** The concrete path (or full URL) that was called. */
  readonly path: string;
  readonly status: number;
  /** Response headers; names are matched case-insensitively. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText?: string;
  readonly region: Region;
  readonly keyKind: KeyKind;
  readonly now: Date;
  /** Where each region answers for this environment, when not Mailgun's own hosts (the built-in sandbox simulates both). */
  readonly regionBaseUrls?: { readonly us: string; readonly eu: string };
}

export type DiagnosisAction =
  | { readonly kind: 'switch-region'; readonly label: string; readonly region: 'us' | 'eu'; readonly baseUrl: string }
  /** `at` is an ISO 8601 instant; `inSeconds` is counted from `context.now` and never negative. */
  | { readonly kind: 'retry-at'; readonly label: string; readonly at: string; readonly inSeconds: number }
  | { readonly kind: 'open-docs'; readonly label: string; readonly url: string }
  /** Opens another catalog endpoint in the editor (the verify call, the event search). */
  | { readonly kind: 'open-endpoint'; readonly label: string; readonly endpointId: string }
  | { readonly kind: 'none'; readonly label: string };

export type DiagnosisId =
  | 'wrong-path'
  | 'sending-key'
  | 'invalid-key'
  | 'forbidden'
  | 'wrong-region'
  | 'sandbox-recipient'
  | 'too-large'
  | 'rate-limited'
  | 'plan-feature'
  | 'message-expired'
  | 'server-error'
  | 'not-suppressed'
  | 'domain-unverified'
  | 'not-found-here'
  | 'accepted-not-delivered'
  | 'api-message';

/** A region-bound thing whose path names no domain, so only asking the other region can place it. */
export type RegionBoundResource =
  | { readonly kind: 'mailing-list'; readonly address: string }
  | { readonly kind: 'route'; readonly id: string };

export interface Diagnosis {
  readonly id: DiagnosisId;
  readonly severity: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly detail: string;
  readonly actions: readonly DiagnosisAction[];
  /** Set when asking the other region for this resource would settle the diagnosis (never for a custom URL). */
  readonly probe?: RegionBoundResource;
}

const DOCS = {
  auth: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
  overview: 'https://documentation.mailgun.com/docs/mailgun/api-reference/api-overview',
  authorizedRecipients: 'https://help.mailgun.com/hc/en-us/articles/217531258-Authorized-Recipients',
  status: 'https://status.mailgun.com/',
} as const;

/**
 * The human message inside an error body: Mailgun uses `message`, and in places
 * `Reason`, `Description` or a bare string; proxies send HTML pages.
 */
export function extractErrorMessage(bodyText: string | undefined): string | undefined {
  const text = bodyText?.trim();
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'string') return parsed;
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      for (const key of ['message', 'Message', 'Reason', 'reason', 'Description', 'description', 'error', 'details']) {
        const value = record[key];
        if (typeof value === 'string' && value.trim() !== '') return value.trim();
      }
    }
    return undefined;
  } catch {
    if (/^<(?:!doctype|html|head|body)/i.test(text)) {
      const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<h1>([^<]*)<\/h1>/i.exec(text)?.[1];
      return title?.trim() || undefined;
    }
    return text.length <= 500 ? text : `${text.slice(0, 500)}…`;
  }
}

/** Short relative durations for retry hints: `45 s`, `2 min 5 s`, `1 h 3 min`, `2 days 4 h`. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86_400) {
    const minutes = Math.floor((s % 3600) / 60);
    return minutes === 0 ? `${Math.floor(s / 3600)} h` : `${Math.floor(s / 3600)} h ${minutes} min`;
  }
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  return `${days} day${days === 1 ? '' : 's'}${hours === 0 ? '' : ` ${hours} h`}`;
}

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * When a limited request may be retried, from (in order) `X-RateLimit-Reset`
 * (epoch seconds), a date following "try again after" in the body, a
 * `retry-seconds` body field, or a standard `Retry-After` header.
 */
export function retryTime(
  headers: Readonly<Record<string, string>>,
  bodyText: string | undefined,
  now: Date,
): { at: Date; source: string } | undefined {
  const reset = header(headers, 'x-ratelimit-reset')?.trim();
  if (reset && /^\d+(?:\.\d+)?$/.test(reset)) {
    const n = Number(reset);
    // Epoch seconds is what Mailgun sends; tolerate milliseconds and seconds-from-now.
    const at = n > 1e12 ? new Date(n) : n > 1e9 ? new Date(n * 1000) : new Date(now.getTime() + n * 1000);
    return { at, source: 'the X-RateLimit-Reset header' };
  }
  const after = bodyText ? /try again after\s+(.+?)\s*(?:["}\n]|$)/i.exec(bodyText)?.[1] : undefined;
  const parsed = after ? parseRfc2822(after.replace(/[.\s]+$/, '')) : undefined;
  if (parsed) return { at: parsed, source: 'the response body' };
  const retrySeconds = bodyText ? /"retry-seconds"\s*:\s*(\d+)/.exec(bodyText)?.[1] : undefined;
  if (retrySeconds) return { at: new Date(now.getTime() + Number(retrySeconds) * 1000), source: 'the response body' };
  const retryAfter = header(headers, 'retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return { at: new Date(now.getTime() + Number(retryAfter) * 1000), source: 'the Retry-After header' };
    const ms = Date.parse(retryAfter);
    if (!Number.isNaN(ms)) return { at: new Date(ms), source: 'the Retry-After header' };
  }
  return undefined;
}

function retryAction(at: Date, now: Date): DiagnosisAction & { kind: 'retry-at' } {
  const inSeconds = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000));
  return {
    kind: 'retry-at',
    label: inSeconds === 0 ? 'Retry now' : `Retry in ${formatDuration(inSeconds)}`,
    at: at.toISOString(),
    inSeconds,
  };
}

function regionActions(region: Region, urls: { readonly us: string; readonly eu: string }): DiagnosisAction[] {
  const us: DiagnosisAction = { kind: 'switch-region', label: `Try the US region (${urls.us})`, region: 'us', baseUrl: urls.us };
  const eu: DiagnosisAction = { kind: 'switch-region', label: `Try the EU region (${urls.eu})`, region: 'eu', baseUrl: urls.eu };
  if (region === 'us') return [eu];
  if (region === 'eu') return [us];
  return [us, eu];
}

function otherRegionText(region: Region, urls: { readonly us: string; readonly eu: string }): string {
  if (region === 'us') return `the EU region (${urls.eu})`;
  if (region === 'eu') return `the US region (${urls.us})`;
  return `Mailgun's US (${US_BASE_URL}) or EU (${EU_BASE_URL}) region`;
}

const SENDING_PATH = /\/messages(?:\.mime)?\/?$/;

/** Mailgun's 404 for a look-up on a suppression list means the address is not on it. */
const NOT_ON_LIST: readonly { readonly pattern: RegExp; readonly list: string }[] = [
  { pattern: /not found in bounces table/i, list: 'bounce list' },
  { pattern: /not found in unsubscribers table/i, list: 'unsubscribe list' },
  { pattern: /no spam complaints found/i, list: 'complaint list' },
  { pattern: /not found in (?:allowlist|whitelists?) table/i, list: 'allowlist' },
];

/** Region-bound things whose path names no domain: only a probe of the other region tells a typo from a wrong region. */
const REGION_BOUND_NOT_FOUND: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /mailing list .* not found/i, what: 'mailing list' },
  { pattern: /route not found/i, what: 'route' },
];

/** The list address or route id a list/route path names; member, validation and match paths name the list or nothing. */
export function regionBoundResource(path: string): RegionBoundResource | undefined {
  const clean = path.replace(/[?#].*$/, '');
  const list = /\/v3\/lists\/([^/]+)/.exec(clean)?.[1];
  if (list !== undefined && list !== 'pages') return { kind: 'mailing-list', address: safeDecode(list) };
  const route = /\/v3\/routes\/([^/]+)\/?$/.exec(clean)?.[1];
  if (route !== undefined && route !== 'match') return { kind: 'route', id: safeDecode(route) };
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads a response in context and says what probably went wrong and what to do next. */
export function diagnose(context: DiagnoseContext): Diagnosis[] {
  const { status, region, keyKind, now } = context;
  const urls = context.regionBaseUrls ?? { us: US_BASE_URL, eu: EU_BASE_URL };
  const body = context.bodyText ?? '';
  const message = extractErrorMessage(context.bodyText);
  const endpoint = context.endpoint ?? findEndpointByRequest(context.method, context.path)?.endpoint;
  const domainScoped = endpoint ? isDomainScoped(endpoint) : false;
  const sendingAllowed = endpoint
    ? endpoint.sendingKeyAllowed
    : context.method.toUpperCase() === 'POST' && SENDING_PATH.test(context.path.replace(/[?#].*$/, ''));
  const found: Diagnosis[] = [];

  if (status === 200 && /Mailgun Magnificent API/i.test(body)) {
    found.push({
      id: 'wrong-path',
      severity: 'error',
      title: 'This URL is the API root, not an endpoint',
      detail:
        'Mailgun answers "Mailgun Magnificent API" to any URL that does not name an endpoint, with status 200, so nothing happened. Usually a path segment is missing, such as /messages after the domain, or the version (/v3).',
      actions: [{ kind: 'open-docs', label: 'API overview', url: DOCS.overview }],
    });
  }

  const usedSendingKeyWrongly = keyKind === 'sending' && (status === 401 || status === 403) && !sendingAllowed;
  if (usedSendingKeyWrongly) {
    found.push({
      id: 'sending-key',
      severity: 'error',
      title: 'A domain sending key cannot call this endpoint',
      detail:
        'This environment uses a domain sending key. Those keys only work for POST /messages and /messages.mime on the domain they were created for. Use the primary account key (or an admin or developer key) for everything else.',
      actions: [{ kind: 'open-docs', label: 'API keys and authentication', url: DOCS.auth }],
    });
  }

  if (status === 401 && !usedSendingKeyWrongly) {
    if (/invalid private key/i.test(body)) {
      found.push({
        id: 'invalid-key',
        severity: 'error',
        title: 'Mailgun does not recognise this API key',
        detail:
          'The key is wrong, revoked or expired, or it is a public validation key (pubkey-...). Compare it with the key shown in your Mailgun control panel, then save it again; stray spaces are a common cause.',
        actions: [{ kind: 'open-docs', label: 'API keys and authentication', url: DOCS.auth }],
      });
    } else {
      found.push({
        id: 'forbidden',
        severity: 'error',
        title: 'Mailgun refused the credentials',
        detail: `Usual causes: ${keyKind === 'sending' ? 'the sending key belongs to another domain' : 'the key is wrong, revoked or expired'}${
          domainScoped ? ', the domain lives in the other region' : ''
        }, or the account only accepts API calls from allowlisted IP addresses and this machine is not on the list.`,
        actions: [{ kind: 'open-docs', label: 'API keys and authentication', url: DOCS.auth }],
      });
    }
  }

  const notOnList = status === 404 ? NOT_ON_LIST.find((rule) => rule.pattern.test(body)) : undefined;
  // "Address/Domain not found in allowlist table" is about the entry, not the domain.
  const domainNotFound = /domain not found/i.test(body) && !notOnList;
  const genericNotFound = message === undefined || /^(?:404 )?(?:page )?not found\.?$/i.test(message);
  if (domainNotFound || (domainScoped && !usedSendingKeyWrongly && (status === 401 || (status === 404 && genericNotFound)))) {
    found.push({
      id: 'wrong-region',
      severity: 'warning',
      title: 'The domain may be in the other region',
      detail: `Mailgun keeps US and EU domains apart: each region only knows its own domains, and answers 401 or "Domain not found" for the others. If the domain name is right, it probably lives in ${otherRegionText(region, urls)}.`,
      actions: regionActions(region, urls),
    });
  }

  if ((status === 400 || status === 403) && /sandbox|authori[sz]ed recipient|free account/i.test(body)) {
    found.push({
      id: 'sandbox-recipient',
      severity: 'error',
      title: 'Sandbox domains only send to authorised recipients',
      detail:
        'A sandbox domain (or a free account without a card) can only send to addresses added as authorised recipients, at most five, each of which must accept an invitation. Add the address with POST /v5/sandbox/auth_recipients or in the control panel, or send from your own verified domain.',
      actions: [{ kind: 'open-docs', label: 'Authorised recipients', url: DOCS.authorizedRecipients }],
    });
  }

  if (notOnList) {
    const address = decodeURIComponent(
      context.path
        .replace(/[?#].*$/, '')
        .split('/')
        .pop() ?? '',
    );
    found.push({
      id: 'not-suppressed',
      severity: 'info',
      title: `Not suppressed: ${address || 'the address'} is not on the ${notOnList.list}`,
      detail: `A 404 here is an answer, not an error: Mailgun has no record of the address on this domain's ${notOnList.list}, so this list does not stop mail to it. If mail still does not arrive, check the other suppression lists and the address's events.`,
      actions: [{ kind: 'open-endpoint', label: 'Search the events of this address', endpointId: 'logs.query' }],
    });
  }

  if (
    (status === 400 || status === 403) &&
    /(?:domain|it) (?:is )?(?:not verified|unverified)|unverified domain|has not been verified/i.test(body)
  ) {
    found.push({
      id: 'domain-unverified',
      severity: 'error',
      title: 'The domain is not verified yet',
      detail:
        'Mailgun sends only from domains whose DNS records check out. Look up the records Mailgun expects (the domain shows them): the SPF TXT record (v=spf1 include:mailgun.org ~all), the DKIM TXT or CNAME records at the selector, the MX records if it receives mail, and the tracking CNAME. Add or correct them at your DNS provider, wait for them to spread, then run the verify call.',
      actions: [
        { kind: 'open-endpoint', label: 'Verify the domain (PUT /v4/domains/{name}/verify)', endpointId: 'domains.verify' },
        { kind: 'open-endpoint', label: 'Show the DNS records Mailgun expects', endpointId: 'domains.get' },
      ],
    });
  }

  const regionBound = status === 404 ? REGION_BOUND_NOT_FOUND.find((rule) => rule.pattern.test(body)) : undefined;
  if (regionBound) {
    const probe = region === 'custom' ? undefined : regionBoundResource(context.path);
    found.push({
      id: 'not-found-here',
      severity: 'warning',
      title: `No such ${regionBound.what} in this region`,
      detail: `Mailing lists and routes belong to one region, and the path names no domain that could give the region away. Check the ${regionBound.what === 'route' ? 'route id (from the route list)' : 'list address'}; if it is right, the ${regionBound.what} probably lives in ${otherRegionText(region, urls)}.`,
      actions: regionActions(region, urls),
      ...(probe ? { probe } : {}),
    });
  }

  if (status === 404 && /template (?:.* )?not found|template not found/i.test(body)) {
    found.push({
      id: 'not-found-here',
      severity: 'error',
      title: 'No template of that name on this domain',
      detail:
        'Templates belong to one domain. Check the name (stored in lower case) and the domain, or list the templates of the domain to see what exists.',
      actions: [{ kind: 'open-endpoint', label: 'List the templates of the domain', endpointId: 'templates.list' }],
    });
  }

  if (status === 200 && sendingAllowed && /queued/i.test(body)) {
    const sandbox = /sandbox[\w-]*\.mailgun\.org/i.test(context.path);
    found.push({
      id: 'accepted-not-delivered',
      severity: 'info',
      title: 'Accepted for delivery, not yet delivered',
      detail: `Mailgun queued the message; whether it is delivered, deferred or fails shows only in its events.${
        sandbox ? ' From a sandbox domain, mail to anyone but an authorised recipient is accepted here and then fails.' : ''
      } Search the events by the message id above if it does not arrive.`,
      actions: [{ kind: 'open-endpoint', label: 'Search the events of this message', endpointId: 'logs.query' }],
    });
  }

  if (status === 413) {
    found.push({
      id: 'too-large',
      severity: 'error',
      title: 'The request is too large',
      detail: `A message may be at most ${MAX_MESSAGE_BYTES / 1024 / 1024} MB with its attachments, and Mailgun refuses any HTTP request over about ${(MAX_REQUEST_BYTES / 1024 / 1024).toFixed(1)} MiB. Attachments grow by about a third when encoded. Link to large files instead of attaching them, or split imports.`,
      actions: [{ kind: 'none', label: 'Remove or shrink attachments' }],
    });
  }

  if (status === 429 || status === 420) {
    const when = retryTime(context.headers, context.bodyText, now);
    const limit = /\b(request|recipient|bytes)\s+limit exceeded/i.exec(body)?.[1]?.toLowerCase();
    const what = limit ? `The domain went over its ${limit} limit.` : 'Mailgun is limiting the rate of calls for this account or domain.';
    if (when) {
      const action = retryAction(when.at, now);
      found.push({
        id: 'rate-limited',
        severity: 'warning',
        title: action.inSeconds === 0 ? 'Rate limited: you can retry now' : `Rate limited: retry in ${formatDuration(action.inSeconds)}`,
        detail: `${what} According to ${when.source}, requests are accepted again after ${formatRfc2822(when.at)} (${action.inSeconds === 0 ? 'now' : `in ${formatDuration(action.inSeconds)}`}).`,
        actions: [action],
      });
    } else {
      found.push({
        id: 'rate-limited',
        severity: 'warning',
        title: 'Rate limited',
        detail: `${what} The response does not say when the limit resets; wait and retry with exponential backoff (for example 1 s, 2 s, 4 s...).`,
        actions: [{ kind: 'none', label: 'Wait, then retry with backoff' }],
      });
    }
  }

  if (status === 402) {
    found.push({
      id: 'plan-feature',
      severity: 'error',
      title: 'Your plan does not include this feature',
      detail:
        "Mailgun answers 402 when the endpoint belongs to a feature the account's plan lacks, or when billing needs attention. Check the plan in the control panel or ask Mailgun to enable it.",
      actions: [{ kind: 'none', label: 'Check plan and billing' }],
    });
  }

  if (status === 404 && /message not found/i.test(body)) {
    found.push({
      id: 'message-expired',
      severity: 'info',
      title: 'The stored message is gone or on another host',
      detail:
        "Stored messages are kept only for the domain's retention period, and must be fetched from the storage URL given in the event (its host may differ from the API base URL).",
      actions: [{ kind: 'none', label: 'Use the storage URL from a recent event' }],
    });
  }

  if (status >= 500 && status <= 599) {
    const when = retryTime(context.headers, context.bodyText, now);
    found.push({
      id: 'server-error',
      severity: 'warning',
      title: 'Mailgun had a problem; retry later',
      detail:
        "The fault is on Mailgun's side (or a proxy in between), not in your request. Retry with exponential backoff. For sends, check Logs first so a message that did go out is not sent twice.",
      actions: [
        when ? retryAction(when.at, now) : { kind: 'none', label: 'Retry with backoff' },
        { kind: 'open-docs', label: 'Mailgun status page', url: DOCS.status },
      ],
    });
  }

  if (found.length === 0 && status >= 400) {
    const explanation = explainStatus(status);
    found.push({
      id: 'api-message',
      severity: status >= 500 ? 'warning' : 'error',
      title: message ? `Mailgun says: ${message}` : explanation.title,
      detail: explanation.meaning,
      actions: explanation.actions.length > 0 ? [{ kind: 'none', label: explanation.actions[0] ?? '' }] : [],
    });
  }
  return found;
}
