import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import type {
  BulkCheckStatus,
  BulkFailure,
  BulkReleaseItem,
  BulkReleaseResult,
  BulkRow,
  SuppressionHit,
} from '../../shared/bulk-check/types';
import type { JsonValue } from '../../shared/catalog/types';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { type BackoffOptions, backoffDelay, retryAfterSeconds } from '../../shared/live-tail/backoff';
import type { CsvExport } from '../../shared/live-tail/types';
import { extractErrorMessage } from '../../shared/status';
import type { SuppressionList } from '../../shared/support/types';
import type { ReadAnswer, ReadCaller } from './investigations/read-call';
import type { CallRunner } from './support/call-runner';
import { mapLimit } from './support/call-runner';

/**
 * The suppression status of many addresses across every domain of an
 * environment. Each domain's bounce, complaint and unsubscribe list is read
 * in pages of 1,000 rather than asked once per address: 5,000 addresses on
 * 10 domains would be 150,000 look-ups, while the lists are usually a few
 * pages each. A list longer than the addresses are many (more pages than
 * addresses) is read only that far; the addresses not found in those pages
 * are then looked up one by one, so a check never costs more than twice the
 * cheaper of the two ways.
 */

export const suppressionListNames = ['bounces', 'complaints', 'unsubscribes'] as const satisfies readonly SuppressionList[];
const PAGE = 1000;
const CONCURRENCY = 4;
const MAX_ATTEMPTS = 5;

export interface BulkCheckDeps {
  readonly read: ReadCaller;
  /** The normal sender (with history, read-only and DELETE confirmation), for releases. */
  readonly runner: CallRunner;
  readonly environments: { get(id: string): Promise<Environment> };
  /** Epoch milliseconds. */
  readonly clock: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly backoff?: BackoffOptions;
  readonly newId?: () => string;
  readonly maxChecks?: number;
}

interface Task {
  readonly domain: string;
  readonly list: SuppressionList;
  state: 'waiting' | 'done' | 'failed';
}

interface Check {
  readonly id: string;
  readonly environmentId: string;
  readonly readOnly: boolean;
  readonly addresses: readonly string[];
  readonly wanted: ReadonlySet<string>;
  domains: string[];
  tasks: Task[];
  readonly hits: Map<string, SuppressionHit[]>;
  readonly released: Map<string, { domain: string; list: SuppressionList }[]>;
  failures: BulkFailure[];
  calls: number;
  pagesWalked: number;
  lookups: number;
  state: 'running' | 'done' | 'cancelled';
  cancelled: boolean;
  readonly startedAt: number;
  finishedAt: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function hitOf(domain: string, list: SuppressionList, item: Record<string, unknown>): SuppressionHit {
  const detail =
    list === 'bounces'
      ? [text(item.code), text(item.error)].filter((p) => p !== '').join(' ')
      : list === 'unsubscribes'
        ? Array.isArray(item.tags) && item.tags.length > 0 && !item.tags.includes('*')
          ? `tags: ${item.tags.map(text).join(', ')}`
          : 'all mail'
        : 'marked as spam';
  return { domain, list, detail, createdAt: text(item.created_at) };
}

class ListProblem extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

export function createBulkCheck(deps: BulkCheckDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const backoff = deps.backoff ?? { baseMs: 1000, maxMs: 30_000 };
  const newId = deps.newId ?? randomUUID;
  const maxChecks = deps.maxChecks ?? 3;
  const checks = new Map<string, Check>();

  function find(checkId: string): Check {
    const check = checks.get(checkId);
    if (!check) throw new AppFailure('not-found', 'That check is no longer kept.', 'Run the check again.');
    return check;
  }

  /** One read, retried with back-off while Mailgun limits the rate or has a passing server error. */
  async function readWithRetry(
    check: Check,
    endpointId: string,
    params: Record<string, JsonValue>,
    extra?: readonly { name: string; value: string }[],
  ): Promise<ReadAnswer> {
    for (let attempt = 1; ; attempt += 1) {
      if (check.cancelled) throw new AppFailure('cancelled', 'The check was cancelled.', 'Run it again when you are ready.');
      check.calls += 1;
      const answer = await deps.read(check.environmentId, endpointId, params, extra);
      const passing = answer.status === 429 || answer.status >= 500;
      if (!passing || attempt >= MAX_ATTEMPTS) return answer;
      await sleep(backoffDelay(attempt, retryAfterSeconds(answer.header('retry-after'), deps.clock()), backoff));
    }
  }

  function problemOf(answer: ReadAnswer, what: string): ListProblem {
    const said = isRecord(answer.json) ? extractErrorMessage(JSON.stringify(answer.json)) : undefined;
    const reason =
      answer.status === 429
        ? 'Mailgun kept limiting the request rate'
        : answer.status === 401
          ? 'the key was refused'
          : answer.status === 403
            ? 'this key may not read it'
            : `Mailgun answered ${answer.status}`;
    return new ListProblem(answer.status, `Could not read ${what}: ${reason}${said ? ` (${said})` : ''}.`);
  }

  function record(check: Check, address: string, hit: SuppressionHit): void {
    const list = check.hits.get(address) ?? [];
    if (!list.some((h) => h.domain === hit.domain && h.list === hit.list)) list.push(hit);
    check.hits.set(address, list);
  }

  async function runTask(check: Check, task: Task): Promise<void> {
    const what = `the ${task.list} of ${task.domain}`;
    const found = new Set<string>();
    let pivot: string | null = null;
    let complete = false;
    // A list with more pages than there are addresses is cheaper to finish by asking for each address.
    const pageBudget = Math.max(1, check.addresses.length);
    for (let page = 0; page < pageBudget; page += 1) {
      const answer = await readWithRetry(
        check,
        `${task.list}.list`,
        { domain_name: task.domain, limit: PAGE, ...(pivot !== null ? { page: 'next' } : {}) },
        pivot !== null ? [{ name: 'address', value: pivot }] : undefined,
      );
      if (answer.status !== 200) throw problemOf(answer, what);
      check.pagesWalked += 1;
      const items = isRecord(answer.json) && Array.isArray(answer.json.items) ? answer.json.items.filter(isRecord) : [];
      for (const item of items) {
        const address = text(item.address).toLowerCase();
        if (check.wanted.has(address)) {
          found.add(address);
          record(check, address, hitOf(task.domain, task.list, item));
        }
      }
      const last = items.at(-1);
      if (items.length < PAGE || last === undefined) {
        complete = true;
        break;
      }
      pivot = text(last.address);
    }
    if (!complete) {
      const rest = check.addresses.filter((address) => !found.has(address));
      await mapLimit(rest, CONCURRENCY, async (address) => {
        const answer = await readWithRetry(check, `${task.list}.get`, { domain_name: task.domain, address });
        check.lookups += 1;
        if (answer.status === 200 && isRecord(answer.json)) record(check, address, hitOf(task.domain, task.list, answer.json));
        else if (answer.status !== 404) throw problemOf(answer, `${what} for ${address}`);
      });
    }
  }

  async function runTasks(check: Check, tasks: readonly Task[]): Promise<void> {
    await mapLimit(tasks, CONCURRENCY, async (task) => {
      if (check.cancelled) return;
      try {
        await runTask(check, task);
        task.state = 'done';
      } catch (error) {
        if (check.cancelled) return;
        task.state = 'failed';
        check.failures.push({
          domain: task.domain,
          list: task.list,
          status: error instanceof ListProblem ? error.status : null,
          message: error instanceof Error ? error.message : 'The list could not be read.',
        });
      }
    });
    check.state = check.cancelled ? 'cancelled' : 'done';
    check.finishedAt = deps.clock();
  }

  async function listDomains(check: Check, environment: Environment): Promise<string[]> {
    const answer = await readWithRetry(check, 'domains.list', { limit: 1000 });
    const items = answer.status === 200 && isRecord(answer.json) && Array.isArray(answer.json.items) ? answer.json.items : null;
    if (items === null) {
      check.failures.push({
        domain: environment.domain,
        list: 'domains',
        status: answer.status,
        message: `${problemOf(answer, 'the domains').message} Only the environment’s own domain was checked.`,
      });
      return environment.domain === '' ? [] : [environment.domain];
    }
    return items.map((item) => (isRecord(item) ? text(item.name) : '')).filter((name) => name !== '');
  }

  function rowOf(check: Check, address: string): BulkRow {
    const hits = check.hits.get(address) ?? [];
    const failedDomains = check.tasks.some((t) => t.state !== 'done');
    return {
      address,
      state: hits.length > 0 ? 'suppressed' : failedDomains ? 'unknown' : 'clear',
      hits,
      released: check.released.get(address) ?? [],
    };
  }

  function status(check: Check): BulkCheckStatus {
    let suppressed = 0;
    for (const address of check.addresses) if ((check.hits.get(address)?.length ?? 0) > 0) suppressed += 1;
    const unresolved = check.tasks.some((t) => t.state !== 'done');
    const rest = check.addresses.length - suppressed;
    const method =
      check.lookups > 0
        ? `Read ${check.pagesWalked} pages of the lists, then looked up ${check.lookups} addresses one by one where a list was longer than the addresses are many.`
        : `Read ${check.pagesWalked} pages of the lists (1,000 entries a page) instead of ${check.addresses.length * Math.max(1, check.tasks.length)} look-ups.`;
    return {
      checkId: check.id,
      environmentId: check.environmentId,
      state: check.state,
      total: check.addresses.length,
      domains: check.domains,
      listsDone: check.tasks.filter((t) => t.state === 'done').length,
      listsTotal: check.tasks.length,
      calls: check.calls,
      counts: { suppressed, clear: unresolved ? 0 : rest, unknown: unresolved ? rest : 0 },
      failures: check.failures,
      method,
      startedAt: new Date(check.startedAt).toISOString(),
      elapsedMs: (check.finishedAt ?? deps.clock()) - check.startedAt,
      readOnly: check.readOnly,
    };
  }

  /** Starts the check and answers at once; `status` follows its progress. */
  async function start(args: { environmentId: string; addresses: readonly string[] }): Promise<BulkCheckStatus> {
    const environment = await deps.environments.get(args.environmentId);
    const addresses = [...new Set(args.addresses.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''))];
    if (addresses.length === 0)
      throw new AppFailure('invalid-argument', 'There are no addresses to check.', 'Paste or import a list of addresses first.');
    while (checks.size >= maxChecks) checks.delete(checks.keys().next().value as string);
    const check: Check = {
      id: newId(),
      environmentId: environment.id,
      readOnly: environment.readOnly,
      addresses,
      wanted: new Set(addresses),
      domains: [],
      tasks: [],
      hits: new Map(),
      released: new Map(),
      failures: [],
      calls: 0,
      pagesWalked: 0,
      lookups: 0,
      state: 'running',
      cancelled: false,
      startedAt: deps.clock(),
      finishedAt: null,
    };
    checks.set(check.id, check);
    void (async () => {
      try {
        check.domains = await listDomains(check, environment);
        check.tasks = check.domains.flatMap((domain) => suppressionListNames.map((list) => ({ domain, list, state: 'waiting' as const })));
        await runTasks(check, check.tasks);
      } catch (error) {
        check.failures.push({ domain: '', list: 'domains', status: null, message: error instanceof Error ? error.message : String(error) });
        check.state = check.cancelled ? 'cancelled' : 'done';
        check.finishedAt = deps.clock();
      }
    })();
    return status(check);
  }

  /** Reads again the lists that failed (or were not reached before a cancel). */
  function retry(args: { checkId: string }): BulkCheckStatus {
    const check = find(args.checkId);
    if (check.state === 'running') throw new AppFailure('conflict', 'The check is still running.', 'Wait for it to finish, or cancel it.');
    const again = check.tasks.filter((t) => t.state !== 'done');
    check.failures = check.failures.filter((f) => f.list === 'domains');
    for (const task of again) task.state = 'waiting';
    check.cancelled = false;
    check.state = 'running';
    check.finishedAt = null;
    void runTasks(check, again);
    return status(check);
  }

  function cancel(args: { checkId: string }): BulkCheckStatus {
    const check = find(args.checkId);
    if (check.state === 'running') check.cancelled = true;
    return status(check);
  }

  function results(args: { checkId: string }): { status: BulkCheckStatus; rows: BulkRow[] } {
    const check = find(args.checkId);
    return { status: status(check), rows: check.addresses.map((address) => rowOf(check, address)) };
  }

  async function release(args: { checkId: string; items: readonly BulkReleaseItem[]; confirmed: true }): Promise<BulkReleaseResult> {
    const check = find(args.checkId);
    const environment = await deps.environments.get(check.environmentId);
    if (environment.readOnly) {
      throw new AppFailure(
        'read-only',
        `"${environment.name}" is read-only, so no address can be taken off a suppression list.`,
        'Use another environment, or turn off read-only in this environment’s settings.',
      );
    }
    let released = 0;
    let notListed = 0;
    const failed: (BulkReleaseItem & { message: string })[] = [];
    await mapLimit(args.items, 3, async (item) => {
      const address = item.address.toLowerCase();
      const result = await deps.runner.run({
        label: `Remove ${address} from the ${item.list} of ${item.domain} (bulk check)`,
        environmentId: environment.id,
        endpointId: `${item.list}.delete-one`,
        params: { domain_name: item.domain, address },
        confirmedDestructive: args.confirmed,
      });
      if (result.ok || result.status === 404) {
        if (result.ok) released += 1;
        else notListed += 1;
        const hits = check.hits.get(address)?.filter((h) => !(h.domain === item.domain && h.list === item.list)) ?? [];
        check.hits.set(address, hits);
        check.released.set(address, [...(check.released.get(address) ?? []), { domain: item.domain, list: item.list }]);
      } else failed.push({ ...item, message: result.call.error?.message ?? `HTTP ${result.status}` });
    });
    const parts = [
      `${released} released`,
      ...(notListed > 0 ? [`${notListed} were no longer listed`] : []),
      ...(failed.length > 0 ? [`${failed.length} failed`] : []),
    ];
    return { released, notListed, failed, message: `${parts.join(', ')}.` };
  }

  async function exportCsv(
    args: { checkId: string },
    save: (suggestedName: string, text: string) => Promise<{ saved: boolean; path?: string }>,
  ): Promise<CsvExport> {
    const check = find(args.checkId);
    const data: string[][] = [];
    for (const address of check.addresses) {
      const row = rowOf(check, address);
      const released = row.released.map((r) => `${r.list}@${r.domain}`).join(' ');
      if (row.hits.length === 0) data.push([address, row.state, '', '', '', '', released]);
      for (const hit of row.hits) data.push([address, row.state, hit.domain, hit.list, hit.detail, hit.createdAt, released]);
    }
    const csv = Papa.unparse(
      { fields: ['address', 'status', 'domain', 'list', 'detail', 'listed_at', 'released'], data },
      { escapeFormulae: true },
    );
    const fileName = `bulk-check-${new Date(check.startedAt).toISOString().replace(/[:.]/g, '-')}.csv`;
    const saved = await save(fileName, csv);
    return { saved: saved.saved, path: saved.path ?? null, fileName, rows: data.length };
  }

  return { start, status: (args: { checkId: string }) => status(find(args.checkId)), results, retry, cancel, release, exportCsv };
}

export type BulkCheck = ReturnType<typeof createBulkCheck>;
