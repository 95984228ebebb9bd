import type { DnsRecordCheck, DnsReport, DnsVerdict } from './types';

/**
 * Judging a domain's DNS from what the domain API reports: each record it
 * wants, Mailgun's `valid` flag and the values it last saw (`cached`).
 */

interface RawRecord {
  readonly record_type?: unknown;
  readonly name?: unknown;
  readonly value?: unknown;
  readonly valid?: unknown;
  readonly cached?: unknown;
  readonly priority?: unknown;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function kindOf(recordType: string, name: string, value: string): 'spf' | 'dkim' | 'tracking' | 'mx' | 'other' {
  if (recordType === 'MX') return 'mx';
  if (recordType === 'CNAME') return 'tracking';
  if (recordType === 'TXT' && /_domainkey\./i.test(name)) return 'dkim';
  if (recordType === 'TXT' && /^v=spf1/i.test(value)) return 'spf';
  return 'other';
}

function verdictOf(valid: string, found: readonly string[]): DnsVerdict {
  if (valid === 'valid') return 'valid';
  if (valid === 'invalid') return found.length === 0 ? 'missing' : 'invalid';
  return 'unknown';
}

const purposeText: Record<ReturnType<typeof kindOf>, string> = {
  spf: 'SPF lets receivers accept Mailgun as a sender for this domain',
  dkim: 'DKIM signs each message so receivers can trust it',
  tracking: 'this CNAME is only needed for open and click tracking and unsubscribe links',
  mx: 'MX records are only needed to receive mail through Mailgun (routes, forwarding)',
  other: 'Mailgun lists this record for the domain',
};

function adviceFor(check: Omit<DnsRecordCheck, 'advice'>, kind: ReturnType<typeof kindOf>): string {
  const where = `${check.recordType} record at ${check.name}`;
  switch (check.verdict) {
    case 'valid':
      return `In place; ${purposeText[kind]}.`;
    case 'missing':
      return `Add a ${where} with the value ${check.expected}; ${purposeText[kind]}.`;
    case 'invalid': {
      const extra =
        kind === 'spf' ? ' Keep a single SPF record and add include:mailgun.org to it rather than publishing a second one.' : '';
      return `The ${where} holds ${check.found.map((v) => `"${v}"`).join(', ')} instead of ${check.expected}.${extra}`;
    }
    case 'unknown':
      return `Not checked yet (or nothing found); publish ${check.expected} and ask Mailgun to verify the domain.`;
  }
}

function checkRecords(raw: unknown, purpose: DnsRecordCheck['purpose']): DnsRecordCheck[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((item): item is RawRecord => typeof item === 'object' && item !== null)
    .map((item) => {
      const recordType = str(item.record_type).toUpperCase();
      const name = str(item.name);
      const value = str(item.value);
      const priority = str(item.priority);
      const found = Array.isArray(item.cached) ? item.cached.map(str).filter((v) => v !== '') : [];
      const base = {
        purpose,
        recordType,
        name,
        expected: priority === '' ? value : `${priority} ${value}`,
        found,
        verdict: verdictOf(str(item.valid).toLowerCase(), found),
      };
      return { ...base, advice: adviceFor(base, kindOf(recordType, name, value)) };
    });
}

/** Evaluates `sending_dns_records` and `receiving_dns_records` from a domain answer. */
export function evaluateDns(sendingRecords: unknown, receivingRecords: unknown): DnsReport {
  const records = [...checkRecords(sendingRecords, 'sending'), ...checkRecords(receivingRecords, 'receiving')];
  const counts: Record<DnsVerdict, number> = { valid: 0, invalid: 0, missing: 0, unknown: 0 };
  for (const record of records) counts[record.verdict] += 1;
  const essentialSending = records.filter((r) => r.purpose === 'sending' && r.recordType === 'TXT');
  const sendingReady = essentialSending.length > 0 && essentialSending.every((r) => r.verdict === 'valid');
  const receiving = records.filter((r) => r.purpose === 'receiving');
  const receivingReady = receiving.length > 0 && receiving.every((r) => r.verdict === 'valid');
  const problems = counts.invalid + counts.missing;
  let summary: string;
  if (records.length === 0) summary = 'Mailgun listed no DNS records for this domain.';
  else if (problems === 0 && counts.unknown === 0) summary = `All ${records.length} DNS records are in place.`;
  else {
    const parts = [
      counts.missing > 0 ? `${counts.missing} missing` : '',
      counts.invalid > 0 ? `${counts.invalid} with a wrong value` : '',
      counts.unknown > 0 ? `${counts.unknown} not checked yet` : '',
    ].filter((part) => part !== '');
    summary = `${counts.valid} of ${records.length} DNS records are in place; ${parts.join(', ')}.`;
  }
  return { records, counts, sendingReady, receivingReady, summary };
}
