import { describe, expect, it } from 'vitest';
import { deliveryStatus, timelineFrom } from './events';

const item = (event: string, timestamp: number, recipient: string, extra: Record<string, unknown> = {}) => ({
  id: `${event}-${timestamp}`,
  event,
  timestamp,
  recipient,
  message: { headers: { 'message-id': 'ID@mg.example.com', subject: 'Hello' } },
  ...extra,
});

describe('timelineFrom', () => {
  it('orders Events items and reads the SMTP answer', () => {
    const events = timelineFrom({
      items: [
        item('failed', 30, 'a@example.com', { severity: 'temporary', 'delivery-status': { code: 421, message: 'Busy', 'attempt-no': 2 } }),
        item('accepted', 10, 'a@example.com'),
      ],
    });
    expect(events.map((e) => e.event)).toEqual(['accepted', 'failed']);
    expect(events[1]).toMatchObject({
      messageId: 'id@mg.example.com',
      smtp: { code: 421, message: 'Busy', attempt: 2 },
      iso: '1970-01-01T00:00:30.000Z',
    });
    expect(deliveryStatus(events)).toBe('retrying');
  });

  it('reads Logs items with ISO timestamps and a domain object', () => {
    const [event] = timelineFrom({
      items: [
        { event: 'delivered', '@timestamp': '2025-09-08T16:30:18.530Z', recipient: 'b@example.com', domain: { name: 'mg.example.com' } },
      ],
    });
    expect(event).toMatchObject({ event: 'delivered', domain: 'mg.example.com', timestamp: 1757349018.53, smtp: null });
  });

  it('judges the outcome per recipient', () => {
    expect(deliveryStatus([])).toBe('not-found');
    const delivered = timelineFrom({ items: [item('accepted', 1, 'a@x.com'), item('delivered', 2, 'a@x.com')] });
    expect(deliveryStatus(delivered)).toBe('delivered');
    const failed = timelineFrom({ items: [item('failed', 2, 'b@x.com', { severity: 'permanent' })] });
    expect(deliveryStatus(failed)).toBe('failed');
    expect(deliveryStatus([...delivered, ...failed])).toBe('mixed');
    expect(deliveryStatus(timelineFrom({ items: [item('accepted', 1, 'a@x.com')] }))).toBe('accepted');
    expect(timelineFrom({ items: [{ event: 'x' }, 'junk'] })).toEqual([]);
  });
});
