import { describe, expect, it } from 'vitest';
import { supportMethods } from './support';

describe('supportMethods schemas', () => {
  it('only accept a release that is confirmed', () => {
    const base = { environmentId: 'env-1', domain: 'mg.example.com', list: 'bounces', address: 'a@example.com' };
    expect(supportMethods.releaseRecipient.args.safeParse({ ...base, confirmed: true }).success).toBe(true);
    expect(supportMethods.releaseRecipient.args.safeParse({ ...base, confirmed: false }).success).toBe(false);
    expect(supportMethods.releaseRecipient.args.safeParse(base).success).toBe(false);
    expect(supportMethods.releaseRecipient.args.safeParse({ ...base, list: 'allowlist', confirmed: true }).success).toBe(false);
  });

  it('need a Message-Id or a recipient to trace, and refuse unknown fields', () => {
    expect(supportMethods.traceMessage.args.safeParse({ environmentId: 'env-1' }).success).toBe(false);
    expect(supportMethods.traceMessage.args.safeParse({ environmentId: 'env-1', messageId: '<a@b>' }).success).toBe(true);
    expect(supportMethods.traceMessage.args.safeParse({ environmentId: 'env-1', recipient: 'a@b.com', extra: 1 }).success).toBe(false);
    expect(supportMethods.applyRegion.args.safeParse({ environmentId: 'env-1', region: 'custom' }).success).toBe(false);
  });

  it('probe a region only for a named mailing list or route', () => {
    const probe = supportMethods.findResourceRegion.args;
    expect(probe.safeParse({ environmentId: 'env-1', resource: { kind: 'route', id: 'abc' } }).success).toBe(true);
    expect(probe.safeParse({ environmentId: 'env-1', resource: { kind: 'mailing-list', address: 'a@b.com' } }).success).toBe(true);
    expect(probe.safeParse({ environmentId: 'env-1', resource: { kind: 'domain', name: 'b.com' } }).success).toBe(false);
    expect(probe.safeParse({ environmentId: 'env-1', resource: { kind: 'route', id: '' } }).success).toBe(false);
  });
});
