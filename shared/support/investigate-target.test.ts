import { describe, expect, it } from 'vitest';
import { classifyValue } from './investigate-target';

describe('what a value can be investigated as', () => {
  it('tells addresses, Message-IDs, domains, IPs and template names apart', () => {
    expect(classifyValue('Bob@Example.com')).toEqual({ kind: 'address', value: 'bob@example.com' });
    expect(classifyValue('Sandbox Shop <shop@mg.example.com>')).toEqual({ kind: 'address', value: 'shop@mg.example.com' });
    expect(classifyValue('<20240611.1@mg.example.com>')).toEqual({ kind: 'message-id', value: '20240611.1@mg.example.com' });
    expect(classifyValue('20240611.1@mg.example.com', 'message-id')).toEqual({ kind: 'message-id', value: '20240611.1@mg.example.com' });
    expect(classifyValue('20240611.1@mg.example.com', 'id')).toEqual({ kind: 'message-id', value: '20240611.1@mg.example.com' });
    expect(classifyValue('mg.Example.com')).toEqual({ kind: 'domain', value: 'mg.example.com' });
    expect(classifyValue('192.0.2.10')).toEqual({ kind: 'ip', value: '192.0.2.10' });
    expect(classifyValue('2001:db8::1')).toEqual({ kind: 'ip', value: '2001:db8::1' });
    expect(classifyValue('welcome', 'template')).toEqual({ kind: 'template', value: 'welcome' });
  });

  it('offers nothing for ordinary text, numbers, versions or file names', () => {
    for (const text of ['', 'delivered', 'welcome', '1.2.3', '12', 'report.json', 'hello world', 'Tue, 11 Jun 2024 10:00:00 +0000']) {
      expect(classifyValue(text)).toBeNull();
    }
    expect(classifyValue('welcome', 'event')).toBeNull();
  });
});
