import { describe, expect, it } from 'vitest';
import type { DnsRecordCheck } from '../support/types';
import { crossRegionRecords, regionHosts, regionOfMailgunHost } from './region-hosts';

const record = (recordType: string, name: string, found: string[]): DnsRecordCheck => ({
  purpose: recordType === 'MX' ? 'receiving' : 'sending',
  recordType,
  name,
  expected: '',
  found,
  verdict: 'invalid',
  advice: '',
});

describe('the hosts of each region', () => {
  it('names the REST, SMTP, MX and tracking hosts of both regions', () => {
    expect(regionHosts.us).toMatchObject({
      api: 'api.mailgun.net',
      smtp: 'smtp.mailgun.org',
      mx: ['mxa.mailgun.org', 'mxb.mailgun.org'],
      tracking: 'mailgun.org',
    });
    expect(regionHosts.eu).toMatchObject({
      api: 'api.eu.mailgun.net',
      smtp: 'smtp.eu.mailgun.org',
      mx: ['mxa.eu.mailgun.org', 'mxb.eu.mailgun.org'],
      tracking: 'eu.mailgun.org',
    });
    expect(regionHosts.eu.smtpPorts).toEqual([587, 465, 2525, 25]);
  });

  it('tells which region a record value points at, MX priorities and trailing dots included', () => {
    expect(regionOfMailgunHost('10 mxa.eu.mailgun.org.')).toBe('eu');
    expect(regionOfMailgunHost('eu.mailgun.org')).toBe('eu');
    expect(regionOfMailgunHost('mxb.mailgun.org')).toBe('us');
    expect(regionOfMailgunHost('mail.example.com')).toBeNull();
  });

  it('says when the MX or tracking CNAME points at the other region', () => {
    const records = [
      record('MX', 'mg.example.com', ['10 mxa.eu.mailgun.org']),
      record('CNAME', 'email.mg.example.com', ['mailgun.org']),
      record('TXT', 'mg.example.com', ['eu.mailgun.org']),
    ];
    const us = crossRegionRecords(records, 'us');
    expect(us).toHaveLength(1);
    expect(us[0]).toContain('points at 10 mxa.eu.mailgun.org, a host of the EU region, but the domain is in the US region');
    expect(us[0]).toContain('mxa.mailgun.org and mxb.mailgun.org');
    const eu = crossRegionRecords(records, 'eu');
    expect(eu).toEqual([expect.stringContaining('The CNAME record at email.mg.example.com points at mailgun.org')]);
  });
});
