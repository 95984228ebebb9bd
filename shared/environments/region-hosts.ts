import type { DnsRecordCheck } from '../support/types';
import { regionBaseUrls, regionLabels } from './regions';
import type { OfficialRegion } from './types';

/**
 * The hosts of each Mailgun region, and what stays in it. A domain belongs to
 * one region: its API calls, outgoing SMTP, inbound MX and tracking CNAME all
 * have to name that region's hosts.
 */

export interface RegionHosts {
  readonly api: string;
  readonly smtp: string;
  readonly smtpPorts: readonly number[];
  readonly mx: readonly string[];
  /** Where the tracking CNAME (email.<domain>) points, for opens, clicks and unsubscribe links. */
  readonly tracking: string;
  readonly dataStays: string;
}

const SMTP_PORTS = [587, 465, 2525, 25] as const;

export const regionHosts: Readonly<Record<OfficialRegion, RegionHosts>> = {
  us: {
    api: new URL(regionBaseUrls.us).host,
    smtp: 'smtp.mailgun.org',
    smtpPorts: SMTP_PORTS,
    mx: ['mxa.mailgun.org', 'mxb.mailgun.org'],
    tracking: 'mailgun.org',
    dataStays: 'Messages, logs, events, suppressions and stored messages of US domains are kept in the US region.',
  },
  eu: {
    api: new URL(regionBaseUrls.eu).host,
    smtp: 'smtp.eu.mailgun.org',
    smtpPorts: SMTP_PORTS,
    mx: ['mxa.eu.mailgun.org', 'mxb.eu.mailgun.org'],
    tracking: 'eu.mailgun.org',
    dataStays:
      'Messages, logs, events, suppressions and stored messages of EU domains are processed and kept in the EU region only; the EU API serves them, the US API does not.',
  },
};

/** Which region a Mailgun host belongs to (`mxa.eu.mailgun.org` → EU); null for hosts that are not Mailgun's. */
export function regionOfMailgunHost(host: string): OfficialRegion | null {
  const name = host.trim().toLowerCase().replace(/\.$/, '').split(/\s+/).at(-1) ?? '';
  if (name === 'eu.mailgun.org' || name.endsWith('.eu.mailgun.org')) return 'eu';
  if (name === 'mailgun.org' || name.endsWith('.mailgun.org')) return 'us';
  return null;
}

/** MX and tracking CNAME records whose values name the other region's hosts, in words. */
export function crossRegionRecords(records: readonly DnsRecordCheck[], region: OfficialRegion): string[] {
  const other: OfficialRegion = region === 'us' ? 'eu' : 'us';
  const out: string[] = [];
  for (const record of records) {
    if (record.recordType !== 'MX' && record.recordType !== 'CNAME') continue;
    const wrong = record.found.filter((value) => regionOfMailgunHost(value) === other);
    if (wrong.length === 0) continue;
    const expected = record.recordType === 'MX' ? regionHosts[region].mx.join(' and ') : regionHosts[region].tracking;
    const what = record.recordType === 'MX' ? 'inbound mail goes to' : 'tracked opens, clicks and unsubscribes go to';
    out.push(
      `The ${record.recordType} record at ${record.name} points at ${wrong.join(', ')}, a host of the ${regionLabels[other]} region, but the domain is in the ${regionLabels[region]} region, so ${what} the wrong region. Point it at ${expected}.`,
    );
  }
  return out;
}
