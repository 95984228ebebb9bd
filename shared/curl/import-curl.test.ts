import { describe, expect, it } from 'vitest';
import { importCurl, importUrl, KEY_NOT_IMPORTED } from './import-curl';
import { looksLikeCurl } from './looks-like-curl';
import { parseCurl } from './parse-curl';

const KEY = 'key-1234567890abcdef1234567890abcdef';

const sendTwo = `curl -s --user 'api:${KEY}' \\
    https://api.mailgun.net/v3/mg.example.org/messages \\
    -F from='Excited User <mailgun@mg.example.org>' \\
    -F to=alice@example.com \\
    -F to="Bob <bob@example.com>" \\
    -F subject='Hello there' \\
    -F text='It'"'"'s working' \\
    -F o:tag=welcome \\
    -F v:order-id=42 \\
    -F attachment=@files/report.pdf`;

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('importCurl', () => {
  it('turns a send with two -F to= into messages.send with both recipients and no key anywhere', () => {
    const result = ok(importCurl(sendTwo));
    expect(result.match.kind).toBe('endpoint');
    if (result.match.kind !== 'endpoint') return;
    expect(result.match.endpoint.id).toBe('messages.send');
    expect(result.match.values.params).toMatchObject({
      domain_name: 'mg.example.org',
      from: 'Excited User <mailgun@mg.example.org>',
      to: ['alice@example.com', 'Bob <bob@example.com>'],
      subject: 'Hello there',
      text: "It's working",
      'o:tag': ['welcome'],
    });
    expect(result.match.values.extra).toEqual([{ name: 'v:order-id', value: '42' }]);
    expect(result.match.missingFiles).toEqual([{ field: 'attachment', name: 'report.pdf' }]);
    expect(result.credentialsRemoved).toBe(true);
    expect(result.notices).toContain(KEY_NOT_IMPORTED);
    expect(result.notices.join(' ')).toMatch(/report\.pdf \(for attachment\)/);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('moves an Authorization header, a user part in the URL and -uapi:KEY out too', () => {
    const basic = Buffer.from(`api:${KEY}`).toString('base64');
    for (const command of [
      `curl -H 'Authorization: Basic ${basic}' https://api.mailgun.net/v4/domains`,
      `curl https://api:${KEY}@api.mailgun.net/v4/domains`,
      `curl -uapi:${KEY} https://api.mailgun.net/v4/domains`,
    ]) {
      const result = ok(importCurl(command));
      expect(result.credentialsRemoved).toBe(true);
      expect(result.match.kind === 'endpoint' && result.match.endpoint.id).toBe('domains.list');
      expect(JSON.stringify(result)).not.toContain(KEY);
      expect(JSON.stringify(result)).not.toContain(basic);
    }
  });

  it('reads -G with -d and --data-urlencode as query values of a GET', () => {
    const result = ok(
      importCurl(
        `curl -G https://api.eu.mailgun.net/v3/mg.example.org/events -d limit=25 --data-urlencode 'recipient=a b@example.com' -d event=delivered`,
      ),
    );
    expect(result.match.kind === 'endpoint' && result.match.endpoint.id).toBe('events.list');
    if (result.match.kind !== 'endpoint') return;
    expect(result.match.values.params).toMatchObject({ limit: '25', event: 'delivered', recipient: 'a b@example.com' });
  });

  it('reads a query in the URL, -X and --data-raw', () => {
    const url = ok(importCurl(`curl "https://api.mailgun.net/v3/mg.example.org/tags?limit=10"`));
    expect(url.match.kind === 'endpoint' && url.match.values.params.limit).toBe('10');
    const put = parseCurl(`curl -X PUT https://api.mailgun.net/v3/x --data-raw 'a=1&b=%40two'`);
    expect(put).toMatchObject({
      ok: true,
      command: {
        method: 'PUT',
        bodyKind: 'form',
        fields: [
          { name: 'a', value: '1' },
          { name: 'b', value: '@two' },
        ],
      },
    });
  });

  it('keeps a request the catalog does not have as a custom request, headers and body included', () => {
    const result = ok(importCurl(`curl -X POST http://127.0.0.1:5999/us/v3/custom/thing -H 'X-Trace: 1' -d a=1 -d a=2`));
    expect(result.match).toMatchObject({
      kind: 'custom',
      request: {
        method: 'POST',
        path: '/v3/custom/thing',
        headers: [{ name: 'X-Trace', value: '1' }],
        body: {
          kind: 'form',
          fields: [
            { name: 'a', value: '1' },
            { name: 'a', value: '2' },
          ],
        },
      },
    });
  });

  it('sends a JSON body to a JSON endpoint as its fields, other JSON as a custom JSON body', () => {
    const custom = ok(importCurl(`curl https://api.mailgun.net/v9/x -H 'Content-Type: application/json' -d '{"a": [1, 2]}'`));
    expect(custom.match).toMatchObject({ kind: 'custom', request: { method: 'POST', body: { kind: 'json', text: '{"a": [1, 2]}' } } });
  });

  it('says what it did not understand', () => {
    expect(importCurl('wget https://api.mailgun.net/v4/domains')).toEqual({
      ok: false,
      message: expect.stringMatching(/start with "curl"/),
    });
    expect(importCurl('curl --frobnicate https://x')).toEqual({
      ok: false,
      message: expect.stringMatching(/--frobnicate is not understood/),
    });
    expect(importCurl('curl -X')).toEqual({ ok: false, message: expect.stringMatching(/-X needs a value/) });
    expect(importCurl('curl -s')).toEqual({ ok: false, message: 'The command has no URL.' });
    expect(importCurl('curl https://a.example/v3/x https://b.example/v3/y')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/two URLs/),
    });
    expect(importCurl('curl -F a=1 -d b=2 https://api.mailgun.net/v3/x')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/mixes -F/),
    });
    expect(importCurl('curl -d @body.txt https://api.mailgun.net/v3/x')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/contents of a file/),
    });
    expect(importCurl('curl -H NoColon https://api.mailgun.net/v3/x')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no "Name: value"/),
    });
  });

  it('ignores output flags and what follows a pipe, and says so', () => {
    const result = ok(importCurl('curl -sSL -o out.json https://api.mailgun.net/v4/domains | jq .'));
    expect(result.match.kind === 'endpoint' && result.match.endpoint.id).toBe('domains.list');
    expect(result.notices.join(' ')).toMatch(/from "\|" on was ignored/);
  });

  it('joins Windows line continuations and a shell prompt', () => {
    const result = ok(importCurl('$ curl ^\r\n  https://api.mailgun.net/v4/domains ^\r\n  -u api:$MAILGUN_API_KEY'));
    expect(result.match.kind === 'endpoint' && result.match.endpoint.id).toBe('domains.list');
    expect(result.credentialsRemoved).toBe(true);
  });

  it('tells a curl command from a URL', () => {
    expect(looksLikeCurl('curl https://x')).toBe(true);
    expect(looksLikeCurl('  $ curl -X GET x')).toBe(true);
    expect(looksLikeCurl('https://api.mailgun.net/v3/curl')).toBe(false);
  });
});

describe('importUrl', () => {
  it('drops a key in the URL’s user part and says so', () => {
    const result = importUrl('https://api:key-abc123@api.mailgun.net/v4/domains?limit=3', { method: 'GET' });
    expect(result).toMatchObject({ ok: true, credentialsRemoved: true, notices: [KEY_NOT_IMPORTED] });
    expect(JSON.stringify(result)).not.toContain('key-abc123');
  });

  it('passes on what it cannot read', () => {
    expect(importUrl('not a url')).toMatchObject({ ok: false, message: expect.stringMatching(/cannot contain spaces/) });
  });
});
