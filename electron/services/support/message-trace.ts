import type { JsonValue } from '../../../shared/catalog/types';
import type { Environment } from '../../../shared/environments/types';
import { AppFailure } from '../../../shared/errors';
import { formatRfc2822 } from '../../../shared/request';
import {
  classifiableFailures,
  classificationFrom,
  classificationParams,
  recipientDomainOf,
} from '../../../shared/support/bounce-classification';
import { convertDate } from '../../../shared/support/dates';
import { deliveryStatus, normaliseMessageId, timelineFrom } from '../../../shared/support/events';
import type { BounceClassification, MessageTrace, ReportGap, TimelineEvent, UnderlyingCall } from '../../../shared/support/types';
import { type CallRunner, gapFor } from './call-runner';
import { checkAddress } from './recipient-lookup';

/**
 * Following one message through Mailgun: its events in time order, from the
 * Events API, or from the Logs API when Events is refused or unavailable,
 * and Mailgun's bounce classification of its failed attempts where the
 * account has it.
 */

export interface MessageTraceDeps {
  readonly runner: CallRunner;
  readonly environments: { get(id: string): Promise<Environment> };
  /** Epoch milliseconds. */
  readonly clock: () => number;
}

export interface TraceArgs {
  readonly environmentId: string;
  readonly domain?: string | undefined;
  readonly messageId?: string | undefined;
  readonly recipient?: string | undefined;
  readonly subject?: string | undefined;
  readonly begin?: string | undefined;
  readonly end?: string | undefined;
}

const DAY_MS = 24 * 3_600_000;
const EVENTS_PAGE = 300;
const LOGS_PAGE = 100;

function readDate(value: string | undefined, field: 'begin' | 'end'): number | null {
  if (value === undefined || value.trim() === '') return null;
  const converted = convertDate(value);
  if (!converted.ok)
    throw new AppFailure('invalid-argument', `${field === 'begin' ? 'From' : 'To'}: ${converted.message}`, converted.hint, field);
  return converted.value.epochMilliseconds;
}

function smtpText(event: TimelineEvent): string {
  if (event.smtp === null) return '';
  return [event.smtp.code === null ? '' : String(event.smtp.code), event.smtp.message].filter((part) => part !== '').join(' ');
}

function summaryFor(status: MessageTrace['status'], events: readonly TimelineEvent[], what: string): string {
  const last = events[events.length - 1];
  const failure = [...events].reverse().find((e) => e.event === 'failed' || e.event === 'rejected');
  switch (status) {
    case 'not-found':
      return `No events were found for ${what} in this time range.`;
    case 'delivered':
      return `Delivered${last?.recipient ? ` to ${[...new Set(events.map((e) => e.recipient))].join(', ')}` : ''}.`;
    case 'failed':
      return `Failed permanently${failure?.reason ? ` (${failure.reason})` : ''}${failure && smtpText(failure) ? `: ${smtpText(failure)}` : ''}. Mailgun will not retry.`;
    case 'retrying':
      return `Failed temporarily${failure && smtpText(failure) ? `: ${smtpText(failure)}` : ''}; Mailgun keeps retrying for a while.`;
    case 'accepted':
      return 'Accepted, but no delivery or failure has been recorded yet.';
    case 'mixed':
      return 'The outcome differs between recipients; see each one in the timeline.';
  }
}

export function createMessageTracer(deps: MessageTraceDeps) {
  const { runner } = deps;

  async function trace(arg: TraceArgs): Promise<Omit<MessageTrace, 'reportId'>> {
    const environment = await deps.environments.get(arg.environmentId);
    const domain = (arg.domain ?? environment.domain).trim();
    if (domain === '')
      throw new AppFailure(
        'invalid-argument',
        'No domain to search.',
        'Enter the sending domain, or set a default domain on the environment.',
        'domain',
      );
    // Sent as typed (without brackets); compared case-insensitively, as Mailgun's filter does.
    const messageId =
      arg.messageId === undefined || arg.messageId.trim() === '' ? undefined : arg.messageId.trim().replace(/^<|>$/g, '').trim();
    const recipient = arg.recipient === undefined || arg.recipient.trim() === '' ? undefined : checkAddress(arg.recipient);
    const subject = arg.subject === undefined || arg.subject.trim() === '' ? undefined : arg.subject.trim();
    if (messageId === undefined && recipient === undefined && subject === undefined) {
      throw new AppFailure(
        'invalid-argument',
        'Give a Message-Id, a recipient or a subject.',
        'The Message-Id is in the answer to the send call, or in the message headers.',
        'messageId',
      );
    }
    const now = deps.clock();
    const givenEnd = readDate(arg.end, 'end');
    const endMs = givenEnd ?? now;
    // A Message-Id is unique, so a wide window costs nothing; a recipient alone needs a narrower one.
    const beginMs = readDate(arg.begin, 'begin') ?? endMs - (messageId !== undefined ? 30 : 3) * DAY_MS;
    if (beginMs > endMs)
      throw new AppFailure('invalid-argument', 'The start of the range is after its end.', 'Swap the two dates.', 'begin');
    const calls: UnderlyingCall[] = [];
    const gaps: ReportGap[] = [];
    const what =
      messageId !== undefined
        ? `Message-Id ${messageId}`
        : [recipient, subject === undefined ? undefined : `the subject “${subject}”`].filter((w) => w !== undefined).join(' with ');

    const eventParams: Record<string, JsonValue> = {
      domain_name: domain,
      begin: Math.floor(beginMs / 1000),
      // Without an end the search runs up to the latest event, including any stamped a moment after "now".
      ...(givenEnd === null ? {} : { end: Math.ceil(endMs / 1000) }),
      ascending: 'yes',
      limit: EVENTS_PAGE,
      ...(messageId !== undefined ? { 'message-id': messageId } : {}),
      ...(recipient !== undefined ? { recipient } : {}),
      ...(subject !== undefined ? { subject } : {}),
    };
    const events = await runner.run({
      label: `Events of ${what}`,
      environmentId: environment.id,
      endpointId: 'events.list',
      params: eventParams,
    });
    calls.push(events.call);
    let source: MessageTrace['source'] = 'events';
    let timeline: TimelineEvent[] = [];
    let truncated = false;
    if (events.ok) {
      timeline = timelineFrom(events.json, domain);
      truncated = timeline.length >= EVENTS_PAGE;
    } else {
      gaps.push(gapFor('Events', events));
      if (events.status !== 401) {
        const logs = await runner.run({
          label: `Logs of ${domain} (filtered here by ${messageId !== undefined ? 'Message-Id' : recipient !== undefined ? 'recipient' : 'subject'})`,
          environmentId: environment.id,
          endpointId: 'logs.query',
          params: {
            start: formatRfc2822(new Date(beginMs)),
            ...(givenEnd === null ? {} : { end: formatRfc2822(new Date(endMs)) }),
            filter: { AND: [{ attribute: 'domain', comparator: '=', values: [{ label: domain, value: domain }] }] },
            pagination: { sort: 'timestamp:asc', limit: LOGS_PAGE },
          },
        });
        calls.push(logs.call);
        if (logs.ok) {
          source = 'logs';
          const all = timelineFrom(logs.json, domain);
          truncated = all.length >= LOGS_PAGE;
          // The Logs API cannot filter by Message-Id or recipient, so the page is narrowed here.
          timeline = all.filter(
            (e) =>
              (messageId === undefined || e.messageId === normaliseMessageId(messageId)) &&
              (recipient === undefined || e.recipient.toLowerCase() === recipient) &&
              (subject === undefined || e.subject.toLowerCase().includes(subject.toLowerCase())),
          );
        } else gaps.push(gapFor('Logs', logs));
      }
    }
    if (truncated) {
      gaps.push({
        section: 'Timeline',
        status: null,
        kind: 'other',
        reason: `More events matched than one page holds; narrow the time range to see the rest.`,
      });
    }
    const classification = await classify(environment.id, domain, timeline, beginMs, givenEnd === null ? null : endMs, calls);
    const status = events.ok || source === 'logs' ? deliveryStatus(timeline) : 'not-found';
    const message = events.ok || source === 'logs' ? summaryFor(status, timeline, what) : `The events of ${what} could not be read.`;
    return {
      source,
      query: {
        ...(messageId !== undefined ? { messageId } : {}),
        ...(recipient !== undefined ? { recipient } : {}),
        ...(subject !== undefined ? { subject } : {}),
        domain,
        beginIso: new Date(beginMs).toISOString(),
        endIso: new Date(endMs).toISOString(),
      },
      events: timeline,
      messageIds: [...new Set(timeline.map((e) => e.messageId).filter((id) => id !== ''))],
      status,
      message,
      truncated,
      classification,
      calls,
      gaps,
    };
  }

  /** Asks only when an attempt failed at a receiving server; a refusal or failure is said in words and never fails the trace. */
  async function classify(
    environmentId: string,
    domain: string,
    timeline: readonly TimelineEvent[],
    beginMs: number,
    endMs: number | null,
    calls: UnderlyingCall[],
  ): Promise<BounceClassification | null> {
    const failures = classifiableFailures(timeline);
    if (failures.length === 0) return null;
    const query = { domain, recipientDomains: [...new Set(failures.map((e) => recipientDomainOf(e.recipient)))], beginMs, endMs };
    const result = await runner.run({
      label: `Bounce classification of failures to ${query.recipientDomains.join(', ')}`,
      environmentId,
      endpointId: 'bounce-classification.query',
      params: classificationParams(query),
    });
    calls.push(result.call);
    return classificationFrom(
      { status: result.status, ok: result.ok, json: result.json, ...(result.call.error ? { reason: result.call.error.message } : {}) },
      query,
    );
  }

  return { trace };
}
