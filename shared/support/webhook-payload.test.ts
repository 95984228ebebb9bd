import { describe, expect, it } from 'vitest';
import { isHexSha256, parseWebhookPayload, timestampFreshness } from './webhook-payload';

describe('parseWebhookPayload', () => {
  it('reads the JSON form and summarises the event', () => {
    const result = parseWebhookPayload(
      JSON.stringify({
        signature: { timestamp: '1718100000', token: 't'.repeat(50), signature: 'ab'.repeat(32) },
        'event-data': {
          event: 'failed',
          severity: 'permanent',
          reason: 'bounce',
          recipient: 'gone@example.com',
          timestamp: 1718100000.5,
          message: { headers: { 'message-id': 'id@mg.example.com' } },
          'delivery-status': { code: 550, description: 'No such mailbox' },
        },
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        form: 'json',
        timestamp: '1718100000',
        summary: {
          event: 'failed',
          severity: 'permanent',
          recipient: 'gone@example.com',
          messageId: 'id@mg.example.com',
          smtp: '550 No such mailbox',
        },
      },
    });
  });

  it('reads the legacy flat form, as JSON or URL-encoded', () => {
    const fields = { timestamp: '1718100000', token: 'tok', signature: 'ab'.repeat(32), event: 'delivered', recipient: 'a@example.com' };
    expect(parseWebhookPayload(JSON.stringify(fields))).toMatchObject({
      ok: true,
      value: { form: 'legacy-flat', summary: { event: 'delivered' } },
    });
    const encoded = parseWebhookPayload(new URLSearchParams(fields).toString());
    expect(encoded).toMatchObject({ ok: true, value: { form: 'legacy-flat', token: 'tok' } });
  });

  it('explains what is wrong with other bodies', () => {
    expect(parseWebhookPayload('')).toMatchObject({ ok: false });
    expect(parseWebhookPayload('[1]')).toMatchObject({ ok: false, message: expect.stringContaining('not an object') });
    expect(parseWebhookPayload('{"signature": {"timestamp": "1"}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('timestamp, token and signature'),
    });
    expect(parseWebhookPayload('{"event-data": {}}')).toMatchObject({ ok: false, message: 'No signature found in the body.' });
    expect(parseWebhookPayload('{not json')).toMatchObject({ ok: false, message: 'The body is not valid JSON.' });
  });
});

describe('timestampFreshness', () => {
  it('measures the age either side of now', () => {
    expect(timestampFreshness('1000', 1_060_000)).toMatchObject({ ageSeconds: 60, fresh: true, iso: '1970-01-01T00:16:40.000Z' });
    expect(timestampFreshness('1000', 2_000_000)).toMatchObject({ fresh: false });
    expect(timestampFreshness('2000', 1_000_000)).toMatchObject({ ageSeconds: -1000, fresh: false });
    expect(timestampFreshness('soon', 1_000_000)).toMatchObject({ ageSeconds: null, fresh: false });
  });
  it('knows a hex SHA-256 when it sees one', () => {
    expect(isHexSha256('AB'.repeat(32))).toBe(true);
    expect(isHexSha256('ab'.repeat(31))).toBe(false);
  });
});
