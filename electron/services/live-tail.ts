import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import type { JsonValue } from '../../shared/catalog/types';
import { formatRfc2822 } from '../../shared/dates/rfc2822';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { type BackoffOptions, backoffDelay, defaultBackoff, retryAfterSeconds } from '../../shared/live-tail/backoff';
import { createEventBuffer, type EventBuffer } from '../../shared/live-tail/buffer';
import { sortNewestFirst } from '../../shared/live-tail/ordered-rows';
import {
  type CsvExport,
  matchesTailFilter,
  type TailFilter,
  type TailRead,
  type TailState,
  type TailStatus,
} from '../../shared/live-tail/types';
import { createTailWindow, type TailWindow } from '../../shared/live-tail/window';
import { extractErrorMessage } from '../../shared/status';
import { timelineFrom } from '../../shared/support/events';
import type { TimelineEvent } from '../../shared/support/types';
import type { ReadAnswer, ReadCaller } from './investigations/read-call';

/**
 * Live tail: new logs (or, where the Logs API is not available, events) of
 * one domain or all of the environment's, polled in main and handed to the
 * renderer by long-polling `read`. Polling stops while the tail is paused,
 * the window is hidden or nobody has read for a while, and picks up where it
 * left off: the window (see shared/live-tail/window.ts) keeps the position
 * and the ids already passed on, so a resume has neither gaps nor repeats.
 */

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface LiveTailDeps {
  readonly read: ReadCaller;
  readonly environments: { get(id: string): Promise<Environment> };
  /** Epoch milliseconds. */
  readonly clock: () => number;
  readonly timers?: Timers;
  /** How long Mailgun may take to store an event; about 30 s on the real service, none for the local sandbox. */
  readonly settleSeconds?: (environment: Environment) => number;
  readonly pollMs?: number;
  readonly maxPagesPerPoll?: number;
  readonly bufferSize?: number;
  /** Polling stops when no reader has asked for this long (a closed or reloaded page). */
  readonly idleMs?: number;
  readonly backoff?: BackoffOptions;
  readonly newId?: () => string;
  readonly maxTails?: number;
}

export interface StartTailArgs {
  readonly environmentId: string;
  readonly domain?: string | undefined;
  readonly recipient?: string | undefined;
  readonly event?: string | undefined;
  readonly tag?: string | undefined;
}

const LOGS_PAGE = 100;
const EVENTS_PAGE = 300;
const MAX_WAIT_MS = 5_000;

class PollProblem extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    readonly hint: string,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

interface Tail {
  readonly id: string;
  readonly environmentId: string;
  readonly filter: TailFilter;
  readonly domains: readonly string[];
  readonly settleSeconds: number;
  source: 'logs' | 'events';
  note: string | null;
  /** One window for the account-wide logs, one per domain for events. */
  windows: Map<string, TailWindow>;
  /** Where a poll that was cut short stopped (per window), so the next one reads on from that page. */
  carry: Map<string, { readonly start: number; readonly token: string }>;
  readonly startedAt: number;
  readonly buffer: EventBuffer;
  received: number;
  polls: number;
  paused: boolean;
  stopped: boolean;
  failures: number;
  problem: TailStatus['problem'];
  retryInMs: number | null;
  lastPollAt: number | null;
  lastReadAt: number;
  timer: unknown;
  polling: boolean;
  waiters: Set<() => void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const defaultTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) };

function problemOf(answer: ReadAnswer, what: string, nowMs: number): PollProblem {
  const text = isRecord(answer.json) ? (extractErrorMessage(JSON.stringify(answer.json)) ?? '') : '';
  const said = text ? ` (${text})` : '';
  if (answer.status === 429)
    return new PollProblem(
      429,
      `Mailgun is limiting the request rate${said}.`,
      'The tail waits and tries again by itself.',
      retryAfterSeconds(answer.header('retry-after'), nowMs),
    );
  if (answer.status === 401) return new PollProblem(401, `The key was refused${said}.`, 'Check the environment’s API key.');
  if (answer.status === 403) return new PollProblem(403, `This key may not read ${what}${said}.`, 'Use a primary key with access to logs.');
  if (answer.status >= 500) return new PollProblem(answer.status, `Mailgun had a server error${said}.`, 'The tail tries again by itself.');
  return new PollProblem(answer.status, `Mailgun answered ${answer.status} for ${what}${said}.`, 'Check the filters and the domain.');
}

export function createLiveTail(deps: LiveTailDeps) {
  const timers = deps.timers ?? defaultTimers;
  const pollMs = deps.pollMs ?? 2_000;
  const maxPages = deps.maxPagesPerPoll ?? 20;
  const bufferSize = deps.bufferSize ?? 5_000;
  const idleMs = deps.idleMs ?? 30_000;
  const backoff = deps.backoff ?? defaultBackoff;
  const newId = deps.newId ?? randomUUID;
  const maxTails = deps.maxTails ?? 4;
  const settleFor = deps.settleSeconds ?? ((environment: Environment) => (environment.sandbox ? 1 : 30));
  const tails = new Map<string, Tail>();
  let visible = true;

  function find(tailId: string): Tail {
    const tail = tails.get(tailId);
    if (!tail) throw new AppFailure('not-found', 'That live tail has ended.', 'Start the tail again.');
    return tail;
  }

  function active(tail: Tail): boolean {
    return !tail.stopped && !tail.paused && visible && deps.clock() - tail.lastReadAt <= idleMs;
  }

  function state(tail: Tail): TailState {
    if (tail.stopped) return 'stopped';
    if (tail.paused) return 'paused';
    if (!active(tail)) return 'hidden';
    return tail.retryInMs !== null ? 'backing-off' : 'running';
  }

  function status(tail: Tail): TailStatus {
    const from = Math.min(...[...tail.windows.values()].map((w) => w.from));
    return {
      tailId: tail.id,
      state: state(tail),
      source: tail.source,
      filter: tail.filter,
      domains: tail.domains,
      settleSeconds: tail.settleSeconds,
      pollMs,
      perMinute: tail.buffer.perMinute(deps.clock()),
      received: tail.received,
      polls: tail.polls,
      fromIso: new Date((Number.isFinite(from) ? from : tail.startedAt / 1000) * 1000).toISOString(),
      lastPollIso: tail.lastPollAt === null ? null : new Date(tail.lastPollAt).toISOString(),
      problem: tail.problem,
      retryInMs: tail.retryInMs,
      note: tail.note,
    };
  }

  function wake(tail: Tail): void {
    for (const waiter of tail.waiters) waiter();
    tail.waiters.clear();
  }

  function schedule(tail: Tail, ms: number): void {
    if (tail.timer !== undefined) timers.clear(tail.timer);
    tail.timer = undefined;
    if (!active(tail)) return;
    tail.timer = timers.set(() => {
      tail.timer = undefined;
      void poll(tail);
    }, ms);
  }

  /** Starts polling again at once if the tail may run and is not already waiting for its turn. */
  function resume(tail: Tail): void {
    if (active(tail) && tail.timer === undefined && !tail.polling) schedule(tail, 0);
  }

  function windowFor(tail: Tail, key: string): TailWindow {
    let window = tail.windows.get(key);
    if (!window) {
      window = createTailWindow({ from: tail.startedAt / 1000 - tail.settleSeconds, settleSeconds: tail.settleSeconds });
      tail.windows.set(key, window);
    }
    return window;
  }

  async function readOk(tail: Tail, endpointId: string, params: Record<string, JsonValue>, what: string): Promise<ReadAnswer> {
    const answer = await deps.read(tail.environmentId, endpointId, params);
    if (answer.status < 200 || answer.status >= 300) throw problemOf(answer, what, deps.clock());
    return answer;
  }

  function logConditions(filter: TailFilter): JsonValue[] {
    const condition = (attribute: string, value: string) => ({ attribute, comparator: '=', values: [{ label: value, value }] });
    return [
      ...(filter.domain !== null ? [condition('domain', filter.domain)] : []),
      ...(filter.recipient !== '' ? [condition('recipient', filter.recipient)] : []),
      ...(filter.tag !== '' ? [condition('tag', filter.tag)] : []),
    ];
  }

  async function pollLogs(tail: Tail, now: number): Promise<TimelineEvent[]> {
    const window = windowFor(tail, '*');
    const carried = tail.carry.get('*');
    tail.carry.delete('*');
    const start = carried?.start ?? window.query().start;
    const conditions = logConditions(tail.filter);
    const collected: TimelineEvent[] = [];
    let token: string | undefined = carried?.token;
    for (let page = 0; page < maxPages; page += 1) {
      const answer = await readOk(
        tail,
        'logs.query',
        {
          start: formatRfc2822(start * 1000),
          ...(tail.filter.event !== '' ? { events: [tail.filter.event] } : {}),
          ...(conditions.length > 0 ? { filter: { AND: conditions } } : {}),
          pagination: { sort: 'timestamp:asc', limit: LOGS_PAGE, ...(token ? { token } : {}) },
        },
        'the logs',
      );
      const items = timelineFrom(answer.json);
      collected.push(...items);
      const next = isRecord(answer.json) && isRecord(answer.json.pagination) ? answer.json.pagination.next : undefined;
      if (items.length < LOGS_PAGE || typeof next !== 'string' || next === '') {
        return window.accept(collected, { now: now / 1000, complete: true });
      }
      token = next;
    }
    // More than a poll's worth in the window: the next poll reads on from this page, so a busy second cannot stall the tail.
    if (token !== undefined) tail.carry.set('*', { start, token });
    return window.accept(collected, { now: now / 1000, complete: false });
  }

  async function pollEventsOf(tail: Tail, domain: string, now: number): Promise<TimelineEvent[]> {
    const window = windowFor(tail, domain);
    const carried = tail.carry.get(domain);
    tail.carry.delete(domain);
    const { start } = window.query();
    const collected: TimelineEvent[] = [];
    const pageOf = (token: string) => readOk(tail, 'events.page', { domain_name: domain, page_token: token }, `the events of ${domain}`);
    let answer = carried
      ? await pageOf(carried.token)
      : await readOk(
          tail,
          'events.list',
          {
            domain_name: domain,
            begin: start,
            ascending: 'yes',
            limit: EVENTS_PAGE,
            ...(tail.filter.event !== '' ? { event: tail.filter.event } : {}),
            ...(tail.filter.recipient !== '' ? { recipient: tail.filter.recipient } : {}),
            ...(tail.filter.tag !== '' ? { tags: tail.filter.tag } : {}),
          },
          `the events of ${domain}`,
        );
    for (let page = 1; ; page += 1) {
      const items = timelineFrom(answer.json, domain);
      collected.push(...items);
      const next = isRecord(answer.json) && isRecord(answer.json.paging) ? answer.json.paging.next : undefined;
      const pageToken = typeof next === 'string' ? next.slice(next.lastIndexOf('/') + 1) : '';
      if (items.length < EVENTS_PAGE || pageToken === '') return window.accept(collected, { now: now / 1000, complete: true });
      if (page >= maxPages) {
        tail.carry.set(domain, { start, token: pageToken });
        return window.accept(collected, { now: now / 1000, complete: false });
      }
      answer = await pageOf(pageToken);
    }
  }

  async function pollEvents(tail: Tail, now: number): Promise<TimelineEvent[]> {
    const domains = tail.filter.domain !== null ? [tail.filter.domain] : tail.domains;
    const found: TimelineEvent[] = [];
    // One domain at a time: with many domains, parallel polls would run into the rate limit.
    for (const domain of domains) found.push(...(await pollEventsOf(tail, domain, now)));
    return found.sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
  }

  async function poll(tail: Tail): Promise<void> {
    if (!active(tail) || tail.polling) return;
    tail.polling = true;
    const now = deps.clock();
    let delay = pollMs;
    try {
      let events: TimelineEvent[];
      try {
        events = tail.source === 'logs' ? await pollLogs(tail, now) : await pollEvents(tail, now);
      } catch (error) {
        // No Logs API here (an older plan, a proxy, a custom server): the events API does the same job per domain.
        if (tail.source === 'logs' && error instanceof PollProblem && [400, 403, 404, 405].includes(error.status ?? 0)) {
          tail.source = 'events';
          tail.note = `The Logs API answered ${error.status}, so the tail reads the events API of each domain instead.`;
          tail.windows = new Map();
          tail.carry = new Map();
          events = await pollEvents(tail, now);
        } else throw error;
      }
      const known = new Set(tail.domains.map((d) => d.toLowerCase()));
      const wanted = events.filter(
        (event) =>
          matchesTailFilter(event, tail.filter) && (known.size === 0 || event.domain === '' || known.has(event.domain.toLowerCase())),
      );
      if (!tail.stopped) {
        tail.buffer.push(wanted, deps.clock());
        tail.received += wanted.length;
      }
      tail.polls += 1;
      tail.lastPollAt = now;
      tail.failures = 0;
      tail.problem = null;
      tail.retryInMs = null;
      if (wanted.length > 0) wake(tail);
    } catch (error) {
      tail.failures += 1;
      const problem =
        error instanceof PollProblem
          ? error
          : error instanceof AppFailure
            ? new PollProblem(null, error.message, error.hint)
            : new PollProblem(null, 'The poll failed unexpectedly.', 'The tail tries again by itself; if it keeps failing, report it.');
      delay = backoffDelay(tail.failures, problem.retryAfter, backoff);
      tail.problem = { message: problem.message, hint: problem.hint, status: problem.status };
      tail.retryInMs = delay;
      wake(tail);
    } finally {
      tail.polling = false;
    }
    schedule(tail, delay);
  }

  async function listDomains(environment: Environment): Promise<string[]> {
    const answer = await deps.read(environment.id, 'domains.list', { limit: 1000 });
    const items = answer.status === 200 && isRecord(answer.json) && Array.isArray(answer.json.items) ? answer.json.items : [];
    const names = items.map((item) => (isRecord(item) && typeof item.name === 'string' ? item.name : '')).filter((n) => n !== '');
    if (names.length > 0) return names;
    return environment.domain === '' ? [] : [environment.domain];
  }

  async function start(args: StartTailArgs): Promise<TailStatus> {
    const environment = await deps.environments.get(args.environmentId);
    const domain = args.domain?.trim() ? args.domain.trim().toLowerCase() : null;
    const domains = domain !== null ? [domain] : await listDomains(environment);
    if (domains.length === 0)
      throw new AppFailure('invalid-argument', 'There is no domain to tail.', 'Enter a domain, or add one to the account.', 'domain');
    // The oldest tail gives way: a page that reloads starts a new one without stopping the old.
    while (tails.size >= maxTails) {
      const oldest = tails.keys().next().value as string;
      stop(oldest);
      tails.delete(oldest);
    }
    const now = deps.clock();
    const tail: Tail = {
      id: newId(),
      environmentId: environment.id,
      filter: {
        domain,
        recipient: args.recipient?.trim().toLowerCase() ?? '',
        event: args.event?.trim() ?? '',
        tag: args.tag?.trim() ?? '',
      },
      domains,
      settleSeconds: Math.max(0, settleFor(environment)),
      source: 'logs',
      note: null,
      windows: new Map(),
      carry: new Map(),
      startedAt: now,
      buffer: createEventBuffer(bufferSize),
      received: 0,
      polls: 0,
      paused: false,
      stopped: false,
      failures: 0,
      problem: null,
      retryInMs: null,
      lastPollAt: null,
      lastReadAt: now,
      timer: undefined,
      polling: false,
      waiters: new Set(),
    };
    tails.set(tail.id, tail);
    resume(tail);
    return status(tail);
  }

  /** Answers at once when there are events after `after`, else when some arrive or `waitMs` has passed. */
  async function read(args: { tailId: string; after: number; waitMs?: number | undefined; max?: number | undefined }): Promise<TailRead> {
    const tail = find(args.tailId);
    tail.lastReadAt = deps.clock();
    resume(tail);
    const max = args.max ?? 1000;
    const wait = Math.min(args.waitMs ?? 0, MAX_WAIT_MS);
    if (tail.buffer.lastSeq <= args.after && wait > 0 && !tail.stopped) {
      await new Promise<void>((resolve) => {
        const done = () => {
          timers.clear(handle);
          tail.waiters.delete(done);
          resolve();
        };
        const handle = timers.set(done, wait);
        tail.waiters.add(done);
      });
    }
    const slice = tail.buffer.since(args.after, max);
    return { events: slice.events, lastSeq: slice.lastSeq, missed: slice.missed, status: status(tail) };
  }

  function setPaused(args: { tailId: string; paused: boolean }): TailStatus {
    const tail = find(args.tailId);
    tail.paused = args.paused;
    if (tail.paused && tail.timer !== undefined) {
      timers.clear(tail.timer);
      tail.timer = undefined;
    }
    resume(tail);
    wake(tail);
    return status(tail);
  }

  /** The window was hidden or shown: every tail stops or resumes. */
  function setVisible(next: boolean): { visible: boolean } {
    visible = next;
    for (const tail of tails.values()) {
      if (!visible && tail.timer !== undefined) {
        timers.clear(tail.timer);
        tail.timer = undefined;
      }
      tail.lastReadAt = Math.max(tail.lastReadAt, visible ? deps.clock() : 0);
      resume(tail);
      wake(tail);
    }
    return { visible };
  }

  function clear(args: { tailId: string }): TailStatus {
    const tail = find(args.tailId);
    tail.buffer.clear();
    tail.received = 0;
    wake(tail);
    return status(tail);
  }

  function stop(tailId: string): { stopped: boolean } {
    const tail = tails.get(tailId);
    if (!tail) return { stopped: false };
    tail.stopped = true;
    if (tail.timer !== undefined) timers.clear(tail.timer);
    tail.timer = undefined;
    wake(tail);
    // Kept, stopped, so its events can still be exported; the next tails push it out.
    return { stopped: true };
  }

  /** The events still held for the tail as CSV, in the view's order; main writes the file after the user picked where. */
  async function exportCsv(
    args: { tailId: string },
    save: (suggestedName: string, text: string) => Promise<{ saved: boolean; path?: string }>,
  ): Promise<CsvExport> {
    const tail = find(args.tailId);
    const rows = sortNewestFirst(tail.buffer.all());
    const text = Papa.unparse(
      {
        fields: [
          'time',
          'event',
          'domain',
          'recipient',
          'message_id',
          'subject',
          'severity',
          'reason',
          'smtp_code',
          'smtp_message',
          'tags',
          'id',
        ],
        data: rows.map((e) => [
          e.iso,
          e.event,
          e.domain,
          e.recipient,
          e.messageId,
          e.subject,
          e.severity ?? '',
          e.reason ?? '',
          e.smtp?.code ?? '',
          e.smtp?.message ?? '',
          e.tags.join(' '),
          e.id,
        ]),
      },
      // A cell starting with = + - @ would run as a formula in a spreadsheet.
      { escapeFormulae: true },
    );
    const fileName = `live-tail-${new Date(deps.clock()).toISOString().replace(/[:.]/g, '-')}.csv`;
    const saved = await save(fileName, text);
    return { saved: saved.saved, path: saved.path ?? null, fileName, rows: rows.length };
  }

  function dispose(): void {
    for (const id of [...tails.keys()]) stop(id);
    tails.clear();
  }

  return { start, read, setPaused, setVisible, clear, stop: (args: { tailId: string }) => stop(args.tailId), exportCsv, dispose };
}

export type LiveTail = ReturnType<typeof createLiveTail>;
