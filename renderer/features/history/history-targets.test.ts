import { describe, expect, it } from 'vitest';
import { historyTargets } from './history-targets';

describe('historyTargets', () => {
  it('lines the endpoint’s path up with the end of the URL, so a base URL prefix does not hide the domain, and puts addresses first', () => {
    expect(
      historyTargets({
        endpoint: { id: 'bounces.get', method: 'GET', path: '/v3/{domainID}/bounces/{address}' },
        request: { method: 'GET', url: 'http://127.0.0.1:4000/us/v3/sandbox.mg.example.com/bounces/bob%40example.com', headers: [] },
        values: { params: { address: 'Bob@Example.com' } },
      }),
    ).toEqual([
      { field: 'address', value: 'bob@example.com' },
      { field: 'domainID', value: 'sandbox.mg.example.com' },
    ]);
  });

  it('takes each address of a repeated parameter and skips what the tools do not know', () => {
    expect(
      historyTargets({
        endpoint: { id: 'messages.send', method: 'POST', path: '/v3/{domain_name}/messages' },
        request: { method: 'POST', url: 'https://api.mailgun.net/v3/mg.example.com/messages', headers: [] },
        values: { params: { to: ['ada@example.com', 'Bob <bob@example.com>'], subject: 'Hello', 'o:tracking': true } },
      }),
    ).toEqual([
      { field: 'to', value: 'ada@example.com' },
      { field: 'to', value: 'Bob <bob@example.com>' },
      { field: 'domain_name', value: 'mg.example.com' },
    ]);
  });
});
