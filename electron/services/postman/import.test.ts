import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCollectionText, parsePostmanCollection } from './import';

const fixture = readFileSync(new URL('./__fixtures__/mailgun-essentials.postman_collection.json', import.meta.url), 'utf8');

function collection(
  items: unknown[],
  extra: Record<string, unknown> = {},
  schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
) {
  return JSON.stringify({ info: { name: 'Test', schema }, item: items, ...extra });
}

describe('the hand-made Mailgun collection', () => {
  const parsed = parsePostmanCollection(fixture);

  it('maps every request to its catalog endpoint', () => {
    const ids = parsed.requests.map((r) => (r.target.kind === 'catalog' ? r.target.endpointId : `custom ${r.target.request.path}`));
    expect(ids).toEqual([
      'messages.send',
      'domains.list',
      'domains.get',
      'events.list',
      'routes.create',
      'templates.list',
      'webhooks.list',
      'unsubscribes.delete-one',
      'tags.list',
      'mailing-lists.create',
    ]);
    expect(parsed.requests.map((r) => r.folder)).toEqual(['Sending', 'Domains', 'Domains', ...Array(7).fill('Everything else')]);
  });

  it('keeps values, repeats and files, leaving {{domain}} in the path and in values to the environment', () => {
    const send = parsed.requests[0];
    expect(send?.target).toEqual({
      kind: 'catalog',
      endpointId: 'messages.send',
      values: {
        params: {
          from: 'Excited User <mailgun@{{domain}}>',
          to: ['alice@example.com', 'bob@example.com'],
          subject: 'Monthly report',
          text: 'The report is attached.',
        },
        extra: [{ name: 'o:tag', value: 'reports' }],
      },
    });
    expect(send?.missingFiles).toEqual([{ field: 'attachment', name: 'report.pdf' }]);
    const route = parsed.requests[4];
    expect(route?.target.kind === 'catalog' && route.target.values.params.action).toEqual(['forward("helpdesk@example.com")', 'stop()']);
    const unsubscribe = parsed.requests[7];
    expect(unsubscribe?.target.kind === 'catalog' && unsubscribe.target.values.params).toEqual({ address: 'alice@example.com' });
  });

  it('reads the environment variables but never treats an empty key as one', () => {
    expect(parsed.environment).toEqual({ domain: 'mg.example.com', baseUrl: 'https://api.mailgun.net' });
    expect(parsed.name).toBe('Mailgun essentials');
  });

  it('reads the same collection in the v2.0 format', () => {
    const data = JSON.parse(fixture);
    data.info.schema = 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json';
    for (const folder of data.item) for (const item of folder.item) item.request.url = item.request.url.raw;
    data.auth = { type: 'basic', basic: { username: 'api', password: '{{api_key}}' } };
    const v20 = parsePostmanCollection(JSON.stringify(data));
    expect(v20.requests.map((r) => r.target)).toEqual(parsed.requests.map((r) => r.target));
  });
});

describe('other requests', () => {
  it('keeps unknown paths as custom requests and finds a key in the variables', () => {
    const parsed = parsePostmanCollection(
      collection(
        [
          {
            name: 'Odd',
            request: {
              method: 'POST',
              url: '{{base_url}}/v3/{{domain}}/not-a-thing?x=1',
              header: [
                { key: 'X-Extra', value: 'y' },
                { key: 'Authorization', value: 'Basic abc' },
              ],
              body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }] },
            },
          },
        ],
        {
          variable: [
            { key: 'apiKey', value: 'key-found-in-file-123456' },
            { key: 'base_url', value: 'https://api.eu.mailgun.net/v3' },
          ],
        },
      ),
    );
    expect(parsed.requests[0]?.target).toEqual({
      kind: 'custom',
      request: {
        method: 'POST',
        path: '/v3/{{domain}}/not-a-thing',
        query: [{ name: 'x', value: '1' }],
        headers: [{ name: 'X-Extra', value: 'y' }],
        body: { kind: 'form', fields: [{ name: 'a', value: '1' }] },
      },
    });
    expect(parsed.environment.apiKey).toBe('key-found-in-file-123456');
    expect(parsed.requests[0]?.folder).toBeNull();
  });

  it('adds the version kept in the base URL variable', () => {
    const parsed = parsePostmanCollection(
      collection([{ name: 'Events', request: { method: 'GET', url: '{{base_url}}/{{domain}}/events' } }], {
        variable: [{ key: 'base_url', value: 'https://api.mailgun.net/v3' }],
      }),
    );
    expect(parsed.requests[0]?.target).toMatchObject({ kind: 'catalog', endpointId: 'events.list' });
  });

  it('ignores scripts with a notice and names unresolved variables', () => {
    const parsed = parsePostmanCollection(
      collection([
        {
          name: 'Scripted',
          event: [{ listen: 'prerequest', script: { exec: ['pm.environment.set("x", 1)'] } }],
          request: { method: 'GET', url: '{{base_url}}/v4/domains?limit={{page_size}}' },
        },
      ]),
    );
    expect(parsed.warnings[0]).toMatch(/1 pre-request or test script was ignored/);
    expect(parsed.warnings.join(' ')).toContain('{{page_size}}');
  });
});

describe('variables', () => {
  it('keeps {{name}} references for the environment and lists the collection variables they use', () => {
    const parsed = parsePostmanCollection(
      collection(
        [
          {
            name: 'Members',
            request: {
              method: 'POST',
              url: '{{base_url}}/v3/lists/{{list_address}}/members?upsert={{ Upsert }}',
              body: {
                mode: 'urlencoded',
                urlencoded: [
                  { key: 'address', value: 'ann@{{Domain}}' },
                  { key: 'name', value: '{{member name}}' },
                  { key: 'vars', value: '{{nowhere}}' },
                ],
              },
            },
          },
        ],
        {
          variable: [
            { key: 'base_url', value: 'https://api.mailgun.net' },
            { key: 'list_address', value: 'news@mg.example.com' },
            { key: 'member name', value: 'Ann' },
            { key: 'unused', value: 'x' },
          ],
        },
      ),
    );
    expect(parsed.requests[0]?.target).toMatchObject({
      kind: 'catalog',
      endpointId: 'mailing-lists.add-member',
      values: { params: { list_address: '{{list_address}}', address: 'ann@{{domain}}', name: 'Ann', vars: '{{nowhere}}' } },
    });
    expect(parsed.variables).toEqual([{ name: 'list_address', value: 'news@mg.example.com' }]);
    expect([...parsed.referenced].sort()).toEqual(['Upsert', 'list_address', 'nowhere']);
    expect(parsed.warnings.join(' ')).toContain('{{nowhere}}');
  });
});

describe('bad input', () => {
  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['an array', '[]', /does not contain a Postman collection/],
    ['an unknown schema', collection([], {}, 'https://schema.getpostman.com/json/collection/v9.0.0/collection.json'), /unknown format/],
    ['no schema', JSON.stringify({ info: { name: 'x' }, item: [] }), /does not say which Postman format/],
    ['a v1 collection', JSON.stringify({ id: 'x', name: 'x', order: [], requests: [] }), /v1 collection/],
    ['an environment', JSON.stringify({ name: 'e', values: [], _postman_variable_scope: 'environment' }), /environment, not a collection/],
    ['no requests', collection([]), /no requests/],
  ])('refuses %s with a clear message', (_label, text, message) => {
    expect(() => parsePostmanCollection(text)).toThrow(message);
  });

  it('refuses files over 20 MB before parsing', () => {
    expect(() => checkCollectionText(' '.repeat(20 * 1024 * 1024 + 1))).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
