import { describe, expect, it } from 'vitest';
import type { CustomRequest } from '../bridge/collections';
import { importCurl } from './import-curl';
import { customRequestToCurl } from './to-curl';

describe('customRequestToCurl', () => {
  const request: CustomRequest = {
    method: 'POST',
    path: '/v3/{{domain}}/custom',
    query: [{ name: 'q', value: 'a b&c' }],
    headers: [{ name: 'X-Trace', value: "it's $HOME" }],
    body: {
      kind: 'multipart',
      fields: [
        { name: 'to', value: 'a@x.example' },
        { name: 'to', value: 'b@x.example' },
        { name: 'note', value: '@not-a-file' },
      ],
    },
  };

  it('uses the key placeholder, never a key, and reads back as the same request', () => {
    const text = customRequestToCurl(request, { baseUrl: 'https://api.mailgun.net', domain: 'mg.example.org' });
    expect(text).toContain('--user "api:$MAILGUN_API_KEY"');
    const back = importCurl(text);
    expect(back.ok && back.match).toMatchObject({
      kind: 'custom',
      request: {
        method: 'POST',
        path: '/v3/mg.example.org/custom',
        query: request.query,
        headers: request.headers,
        body: request.body,
      },
    });
  });

  it('writes a JSON body and a form body so curl sends them as they are', () => {
    const json = customRequestToCurl({ ...request, body: { kind: 'json', text: '{"a":"$b"}' } }, { baseUrl: 'http://127.0.0.1:9/us' });
    expect(importCurl(json)).toMatchObject({ ok: true, match: { request: { body: { kind: 'json', text: '{"a":"$b"}' } } } });
    const form = customRequestToCurl(
      { ...request, body: { kind: 'form', fields: [{ name: 'x', value: '1&2=3' }] } },
      { baseUrl: 'http://127.0.0.1:9/us' },
    );
    expect(importCurl(form)).toMatchObject({
      ok: true,
      match: { request: { body: { kind: 'form', fields: [{ name: 'x', value: '1&2=3' }] } } },
    });
  });
});
