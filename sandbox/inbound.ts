import { randomBytes } from 'node:crypto';
import type { InboundSimulation, RouteActionOutcome, SimulatedRoute } from '../shared/bridge/sandbox-tools';
import type { SandboxRegion } from '../shared/sandbox/constants';
import { domainOfAddress, eventId, extractAddress, messageId } from './format';
import type { Domain, RegionState, Route, SandboxState } from './state';
import { isLoopbackUrl, NOT_CALLED_NOTE, signWebhook } from './webhook-delivery';

/**
 * A message "received" by the sandbox: the account's routes run over it the
 * way Mailgun runs them (ascending priority, then oldest first; every
 * matching route's actions run until one says stop()). forward() to a
 * loopback URL posts the parsed message there, signed like a webhook;
 * forward() anywhere else, and to e-mail addresses, is recorded but never done.
 */

export interface InboundMessage {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

export interface InboundDeps {
  readonly now: number;
  readonly sequence: () => number;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs?: number;
}

/** Orders routes as Mailgun evaluates them; routes.ts lists them in the same order. */
export function routeOrder(a: Route, b: Route): number {
  return a.priority - b.priority || a.created_at - b.created_at;
}

interface FilterInput {
  readonly recipient: string;
  readonly headers: Readonly<Record<string, string>>;
}

type Verdict = { readonly matched: boolean; readonly reason: string };

/** Mailgun's patterns are Python regular expressions; named groups are the one syntax JavaScript spells differently. */
function toRegExp(pattern: string): RegExp | null {
  // A quantified group that itself repeats can backtrack for ages; main must never hang on one.
  if (/\([^)]*[+*}][^)]*\)\s*[+*{]/.test(pattern)) return null;
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), 'i');
  } catch {
    return null;
  }
}

const QUOTED = String.raw`(["'])((?:\\.|(?!\1).)*)\1`;
const RECIPIENT = new RegExp(String.raw`^match_recipient\(\s*${QUOTED}\s*\)$`);
const HEADER = new RegExp(String.raw`^match_header\(\s*${QUOTED}\s*,\s*(["'])((?:\\.|(?!\3).)*)\3\s*\)$`);

function unquote(text: string): string {
  return text.replace(/\\(["'\\])/g, '$1');
}

function evaluateOne(filter: string, input: FilterInput): Verdict {
  if (/^catch_all\(\s*\)$/.test(filter)) return { matched: true, reason: 'catch_all() matches every message' };
  const recipient = RECIPIENT.exec(filter);
  if (recipient) {
    const pattern = unquote(recipient[2] ?? '');
    // Mailgun matches the whole recipient address.
    const regex = toRegExp(`^(?:${pattern})$`);
    if (!regex) return { matched: false, reason: `the pattern ${pattern} cannot be used here` };
    return regex.test(input.recipient)
      ? { matched: true, reason: `${input.recipient} matches ${pattern}` }
      : { matched: false, reason: `${input.recipient} does not match ${pattern}` };
  }
  const header = HEADER.exec(filter);
  if (header) {
    const name = unquote(header[2] ?? '').toLowerCase();
    const pattern = unquote(header[4] ?? '');
    const value = input.headers[name];
    if (value === undefined) return { matched: false, reason: `the message has no ${name} header` };
    const regex = toRegExp(pattern);
    if (!regex) return { matched: false, reason: `the pattern ${pattern} cannot be used here` };
    return regex.test(value)
      ? { matched: true, reason: `${name} "${value}" matches ${pattern}` }
      : { matched: false, reason: `${name} "${value}" does not match ${pattern}` };
  }
  return { matched: false, reason: `the sandbox does not understand the filter ${filter}` };
}

/** A route's expression: filters joined with `and`, as Mailgun allows. */
export function evaluateExpression(expression: string, input: FilterInput): Verdict {
  const filters = expression
    .trim()
    .split(/\)\s+and\s+/i)
    .map((part, index, all) => (index < all.length - 1 ? `${part.trim()})` : part.trim()));
  const reasons: string[] = [];
  for (const filter of filters) {
    const verdict = evaluateOne(filter, input);
    if (!verdict.matched) return verdict;
    reasons.push(verdict.reason);
  }
  return { matched: true, reason: reasons.join('; ') };
}

type Action =
  | { readonly kind: 'forward'; readonly target: string }
  | { readonly kind: 'store'; readonly notify: string | null }
  | { readonly kind: 'stop' }
  | { readonly kind: 'unknown' };

function parseAction(action: string): Action {
  const text = action.trim();
  if (/^stop\(\s*\)$/.test(text)) return { kind: 'stop' };
  const forward = new RegExp(String.raw`^forward\(\s*${QUOTED}\s*\)$`).exec(text);
  if (forward) return { kind: 'forward', target: unquote(forward[2] ?? '') };
  const store = new RegExp(String.raw`^store\(\s*(?:notify\s*=\s*${QUOTED})?\s*\)$`).exec(text);
  if (store) return { kind: 'store', notify: store[2] === undefined ? null : unquote(store[2]) };
  return { kind: 'unknown' };
}

/** The fields Mailgun posts for a routed message (its "parsed" form), signed like a webhook. */
function parsedForm(message: InboundMessage, recipient: string, signingKey: string, now: number, storageUrl: string | null): FormData {
  const timestamp = String(Math.floor(now / 1000));
  const token = randomBytes(25).toString('hex');
  const form = new FormData();
  const fields: [string, string][] = [
    ['recipient', recipient],
    ['sender', extractAddress(message.from) ?? message.from],
    ['from', message.from],
    ['To', message.to],
    ['subject', message.subject],
    ['body-plain', message.body],
    ['stripped-text', message.body],
    ['stripped-signature', ''],
    ['attachment-count', '0'],
    [
      'message-headers',
      JSON.stringify([
        ['From', message.from],
        ['To', message.to],
        ['Subject', message.subject],
      ]),
    ],
    ['timestamp', timestamp],
    ['token', token],
    ['signature', signWebhook(signingKey, timestamp, token)],
    ...(storageUrl ? ([['message-url', storageUrl]] as [string, string][]) : []),
  ];
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

async function post(deps: InboundDeps, url: string, form: FormData): Promise<{ outcome: RouteActionOutcome; detail: string }> {
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
    await response.body?.cancel().catch(() => {});
    return response.ok
      ? { outcome: 'forwarded', detail: `posted to ${url}: ${response.status}` }
      : { outcome: 'forward-failed', detail: `posted to ${url}, which answered ${response.status}` };
  } catch (error) {
    return { outcome: 'forward-failed', detail: `could not post to ${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function storeInbound(domain: Domain, message: InboundMessage, recipient: string, deps: InboundDeps): string {
  const key = randomBytes(12).toString('base64url');
  const id = `<${messageId(deps.now, deps.sequence(), domain.name)}>`;
  domain.stored.push({
    key,
    messageId: id,
    storedAt: deps.now,
    from: message.from,
    to: message.to,
    subject: message.subject,
    recipients: [recipient],
    tags: [],
    text: message.body,
    html: '',
    headers: [],
    attachments: [],
    template: null,
    mime: null,
  });
  domain.events.push({
    event: 'stored',
    id: eventId(),
    timestamp: deps.now / 1000,
    'log-level': 'info',
    recipient,
    'recipient-domain': domainOfAddress(recipient),
    tags: [],
    'user-variables': {},
    flags: { 'is-authenticated': false, 'is-routed': true, 'is-system-test': false, 'is-test-mode': false },
    message: {
      headers: { to: message.to, 'message-id': id.slice(1, -1), from: message.from, subject: message.subject },
      attachments: [],
      size: message.body.length,
    },
    storage: { key },
  });
  return key;
}

export async function simulateInbound(
  state: SandboxState,
  regionName: SandboxRegion,
  message: InboundMessage,
  deps: InboundDeps,
): Promise<InboundSimulation> {
  const region: RegionState = state.regions[regionName];
  const recipient = (extractAddress(message.to) ?? message.to).toLowerCase();
  const headers = { from: message.from, to: message.to, subject: message.subject };
  const recipientDomain = region.domains.find((d) => d.name === domainOfAddress(recipient));
  const results: SimulatedRoute[] = [];
  let storedKey: string | null = null;
  let stopped = false;

  for (const route of [...region.routes].sort(routeOrder)) {
    if (stopped) break;
    const verdict = evaluateExpression(route.expression, { recipient, headers });
    const actions: SimulatedRoute['actions'][number][] = [];
    if (verdict.matched) {
      for (const action of route.actions) {
        const parsed = parseAction(action);
        if (parsed.kind === 'stop') {
          stopped = true;
          actions.push({ action, outcome: 'stop', detail: 'no later route is evaluated' });
        } else if (parsed.kind === 'store') {
          if (!recipientDomain) {
            actions.push({
              action,
              outcome: 'unsupported',
              detail: `not stored: ${domainOfAddress(recipient)} is not one of the sandbox's domains`,
            });
            continue;
          }
          storedKey = storeInbound(recipientDomain, message, recipient, deps);
          actions.push({ action, outcome: 'stored', detail: `stored on ${recipientDomain.name} with storage key ${storedKey}` });
          if (parsed.notify !== null) {
            actions.push(
              isLoopbackUrl(parsed.notify)
                ? {
                    action: `notify ${parsed.notify}`,
                    ...(await post(deps, parsed.notify, parsedForm(message, recipient, state.webhookSigningKey, deps.now, null))),
                  }
                : { action: `notify ${parsed.notify}`, outcome: 'not-called', detail: `${parsed.notify} is ${NOT_CALLED_NOTE}` },
            );
          }
        } else if (parsed.kind === 'forward') {
          if (/^[^@\s]+@[^@\s]+$/.test(parsed.target)) {
            actions.push({ action, outcome: 'not-called', detail: `the sandbox sends no mail, so nothing went to ${parsed.target}` });
          } else if (isLoopbackUrl(parsed.target)) {
            actions.push({
              action,
              ...(await post(deps, parsed.target, parsedForm(message, recipient, state.webhookSigningKey, deps.now, null))),
            });
          } else {
            actions.push({ action, outcome: 'not-called', detail: `${parsed.target} is ${NOT_CALLED_NOTE}` });
          }
        } else {
          actions.push({ action, outcome: 'unsupported', detail: 'the sandbox does not simulate this action' });
        }
      }
    }
    results.push({
      id: route.id,
      priority: route.priority,
      description: route.description,
      expression: route.expression,
      matched: verdict.matched,
      reason: verdict.reason,
      actions,
    });
  }

  const matched = results.filter((r) => r.matched).length;
  const skipped = region.routes.length - results.length;
  const summary =
    region.routes.length === 0
      ? 'This region has no routes yet: create one with POST /v3/routes.'
      : `${matched} of ${region.routes.length} route(s) matched${skipped > 0 ? `; ${skipped} not evaluated after stop()` : ''}.`;
  return { region: regionName, routes: results, storedKey, summary };
}
