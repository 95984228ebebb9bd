import { describe, expect, it } from 'vitest';
import { evaluateDns } from './dns';

const record = (record_type: string, name: string, value: string, valid: string, cached: string[] = [], priority?: string) => ({
  record_type,
  name,
  value,
  valid,
  cached,
  is_active: true,
  ...(priority ? { priority } : {}),
});

describe('evaluateDns', () => {
  it('sorts records into valid, wrong, missing and unchecked, with advice', () => {
    const report = evaluateDns(
      [
        record('TXT', 'mg.example.com', 'v=spf1 include:mailgun.org ~all', 'invalid', ['v=spf1 include:other.example ~all']),
        record('TXT', 'k1._domainkey.mg.example.com', 'k=rsa; p=MIG', 'valid', ['k=rsa; p=MIG']),
        record('CNAME', 'email.mg.example.com', 'mailgun.org', 'unknown'),
      ],
      [record('MX', 'mg.example.com', 'mxa.mailgun.org', 'invalid', [], '10')],
    );
    expect(report.counts).toEqual({ valid: 1, invalid: 1, missing: 1, unknown: 1 });
    expect(report.sendingReady).toBe(false);
    expect(report.receivingReady).toBe(false);
    const [spf, dkim, cname, mx] = report.records;
    expect(spf?.advice).toContain('single SPF record');
    expect(dkim?.verdict).toBe('valid');
    expect(cname?.advice).toContain('Not checked yet');
    expect(mx).toMatchObject({ purpose: 'receiving', expected: '10 mxa.mailgun.org', verdict: 'missing' });
    expect(mx?.advice).toContain('Add a MX record at mg.example.com');
    expect(report.summary).toBe('1 of 4 DNS records are in place; 1 missing, 1 with a wrong value, 1 not checked yet.');
  });

  it('copes with nothing or junk', () => {
    expect(evaluateDns(undefined, 'x')).toMatchObject({
      records: [],
      sendingReady: false,
      summary: expect.stringContaining('no DNS records'),
    });
    expect(evaluateDns([record('TXT', 'a', 'v=spf1', 'valid', ['v=spf1'])], []).summary).toBe('All 1 DNS records are in place.');
  });
});
