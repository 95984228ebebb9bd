import { describe, expect, it } from 'vitest';
import {
  classifiableFailures,
  classificationFor,
  classificationFrom,
  classificationParams,
  classificationRows,
  classRowWords,
} from './bounce-classification';
import type { TimelineEvent } from './types';

function event(overrides: Partial<TimelineEvent>): TimelineEvent {
  return {
    id: 'e',
    event: 'failed',
    timestamp: 1,
    iso: '',
    recipient: 'bob@gmail.com',
    domain: 'mg.example.com',
    messageId: 'm',
    subject: '',
    severity: 'permanent',
    reason: null,
    logLevel: null,
    smtp: null,
    tags: [],
    ...overrides,
  };
}

const answer = {
  items: [
    {
      'recipient-domain': 'gmail.com',
      'entity-name': 'Gmail',
      category: 'BOUNCE',
      severity: 'PERMANENT',
      criticality: 'NON-CRITICAL',
      metrics: { classified_failures_count: 3 },
    },
    {
      'recipient-domain': 'gmail.com',
      'entity-name': 'Gmail',
      category: 'GREYLISTED',
      severity: 'TEMPORARY',
      criticality: 'NON-CRITICAL',
      metrics: { classified_failures_count: 1 },
    },
    { 'recipient-domain': 'gmail.com', 'entity-name': 'Gmail', metrics: { classified_failures_count: 0 } },
  ],
};

describe('bounce classification', () => {
  it('asks for the sending domain’s failures to the recipients’ domains in the period, split by provider and class', () => {
    const params = classificationParams({
      domain: 'mg.example.com',
      recipientDomains: ['gmail.com'],
      beginMs: Date.UTC(2026, 11, 1),
      endMs: null,
    });
    expect(params).toEqual({
      start: 'Tue, 01 Dec 2026 00:00:00 +0000',
      dimensions: ['recipient-domain', 'entity-name', 'category', 'severity', 'criticality'],
      metrics: ['classified_failures_count'],
      filter: {
        AND: [
          { attribute: 'domain.name', comparator: '=', values: [{ label: 'mg.example.com', value: 'mg.example.com' }] },
          { attribute: 'recipient-domain', comparator: '=', values: [{ label: 'gmail.com', value: 'gmail.com' }] },
        ],
      },
      pagination: { sort: 'entity-name:asc', skip: 0, limit: 50 },
    });
  });

  it('classifies only failures a receiving server answered', () => {
    const events = [event({ id: 'bounced' }), event({ id: 'dropped', reason: 'suppress-bounce' }), event({ id: 'ok', event: 'delivered' })];
    expect(classifiableFailures(events).map((e) => e.id)).toEqual(['bounced']);
  });

  it('reads the groups with failures, and matches an attempt to those of its domain and severity', () => {
    expect(classificationRows(answer)).toHaveLength(2);
    const classified = classificationFrom(
      { status: 200, ok: true, json: answer },
      { domain: 'mg.example.com', recipientDomains: ['gmail.com'] },
    );
    expect(classified.state).toBe('classified');
    expect(classified.message).toBe(
      'Mailgun classified 4 failures from mg.example.com to gmail.com in this period (all such mail, not this message alone).',
    );
    expect(classificationFor(classified, event({})).map(classRowWords)).toEqual(['Gmail · BOUNCE · PERMANENT · NON-CRITICAL']);
    expect(classificationFor(classified, event({ severity: 'temporary' })).map(classRowWords)).toEqual([
      'Gmail · GREYLISTED · TEMPORARY · NON-CRITICAL',
    ]);
    expect(classificationFor(classified, event({ recipient: 'x@yahoo.com' }))).toEqual([]);
    expect(classificationFor(classified, event({ event: 'delivered' }))).toEqual([]);
  });

  it('says plainly when it is unavailable, without a guess', () => {
    const query = { domain: 'mg.example.com', recipientDomains: ['gmail.com'] };
    expect(classificationFrom({ status: 500, ok: false, json: null, reason: 'Internal error' }, query).message).toBe(
      'Bounce classification could not be read (HTTP 500): Internal error. Try the trace again later. The explanations beside each attempt come from its SMTP codes alone.',
    );
    expect(classificationFrom({ status: null, ok: false, json: null }, query)).toMatchObject({ state: 'unavailable', rows: [] });
  });
});
