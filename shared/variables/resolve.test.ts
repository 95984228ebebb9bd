import { describe, expect, it } from 'vitest';
import type { CustomRequest } from '../bridge/collections';
import { variableInputProblems } from './names';
import { resolveCustomRequest, resolveRequestValues, withoutVariableFieldErrors } from './resolve';
import { referencesIn, resolveText } from './template';

const known: Record<string, string> = { to: 'ann@example.com', tag: 'spring sale', list: 'news@mg.example.com', quote: 'say "hi"\n' };
const lookup = (name: string) => known[name];

describe('resolveText', () => {
  it('fills every reference and leaves other text alone', () => {
    expect(resolveText('Hello {{to}} and {{to}}!', lookup)).toEqual({ ok: true, value: 'Hello ann@example.com and ann@example.com!' });
    expect(resolveText('no braces', lookup)).toEqual({ ok: true, value: 'no braces' });
  });

  it('names every reference it cannot fill', () => {
    expect(resolveText('{{to}} {{nope}} {{other.one}} {{nope}}', lookup)).toEqual({ ok: false, missing: ['nope', 'other.one'] });
  });

  it('sends an escaped reference as written, without the backslash', () => {
    expect(resolveText('\\{{first_name}} for {{to}}', lookup)).toEqual({ ok: true, value: '{{first_name}} for ann@example.com' });
    expect(referencesIn('\\{{first_name}} {{to}}')).toEqual(['to']);
  });

  it('never resolves a value again, so a value holding braces stays literal', () => {
    expect(resolveText('{{a}}', (name) => (name === 'a' ? '{{b}}' : 'B'))).toEqual({ ok: true, value: '{{b}}' });
  });

  it('ignores braces that are not a variable name (Handlebars blocks)', () => {
    expect(referencesIn('{{#if x}}{{/if}} {{ spaced }} {{}}')).toEqual([]);
  });
});

describe('resolveRequestValues', () => {
  it('resolves path, query and body parameters, nested JSON, extra fields and headers', () => {
    const { value, unresolved } = resolveRequestValues(
      { id: 'messages.send' },
      {
        params: {
          to: ['{{to}}', 'bob@example.com'],
          subject: 'For {{to}}',
          'recipient-variables': { '{{to}}': { tag: ['{{tag}}'] } },
          limit: 10,
        },
        extra: [{ name: 'o:tag', value: '{{tag}}' }],
        headers: [{ name: 'X-List', value: '{{list}}' }],
      },
      lookup,
    );
    expect(unresolved).toEqual([]);
    expect(value.params).toEqual({
      to: ['ann@example.com', 'bob@example.com'],
      subject: 'For ann@example.com',
      'recipient-variables': { '{{to}}': { tag: ['spring sale'] } },
      limit: 10,
    });
    expect(value.extra).toEqual([{ name: 'o:tag', value: 'spring sale' }]);
    expect(value.headers).toEqual([{ name: 'X-List', value: 'news@mg.example.com' }]);
  });

  it('reports where each unknown name is used', () => {
    const { unresolved } = resolveRequestValues(
      { id: 'lists.get' },
      {
        params: { list_address: '{{missing}}' },
        extra: [{ name: 'o:tag', value: '{{gone}}' }],
        headers: [{ name: 'X-A', value: '{{hdr}}' }],
      },
      lookup,
    );
    expect(unresolved).toEqual([
      { name: 'missing', source: 'param', field: 'list_address' },
      { name: 'gone', source: 'extra', field: 'o:tag', index: 0 },
      { name: 'hdr', source: 'header', field: 'X-A', index: 0 },
    ]);
  });

  it('sends a template source as written: its placeholders are Handlebars', () => {
    const values = { params: { template: '<p>Hi {{first_name}}</p>', description: '{{tag}}' } };
    const { value, unresolved } = resolveRequestValues({ id: 'templates.create' }, values, lookup);
    expect(unresolved).toEqual([]);
    expect(value.params).toEqual({ template: '<p>Hi {{first_name}}</p>', description: 'spring sale' });
  });
});

describe('resolveCustomRequest', () => {
  const request: CustomRequest = {
    method: 'POST',
    path: '/v3/lists/{{list}}/members/{{tag}}',
    query: [{ name: 'q', value: '{{tag}}' }],
    headers: [{ name: 'X-Tag', value: '{{tag}}' }],
    body: { kind: 'json', text: '{"note": "{{quote}}"}' },
  };

  it('encodes values put in the path and keeps JSON text valid', () => {
    const { value, unresolved } = resolveCustomRequest(request, lookup);
    expect(unresolved).toEqual([]);
    expect(value.path).toBe('/v3/lists/news%40mg.example.com/members/spring%20sale');
    expect(value.query).toEqual([{ name: 'q', value: 'spring sale' }]);
    expect(value.headers).toEqual([{ name: 'X-Tag', value: 'spring sale' }]);
    expect(value.body.kind === 'json' && JSON.parse(value.body.text)).toEqual({ note: 'say "hi"\n' });
  });

  it('resolves form fields and reports unknown names in the path', () => {
    const { value, unresolved } = resolveCustomRequest(
      { ...request, path: '/v3/{{nowhere}}/x', body: { kind: 'form', fields: [{ name: 'to', value: '{{to}}' }] } },
      lookup,
    );
    expect(unresolved).toEqual([{ name: 'nowhere', source: 'path', field: 'path' }]);
    expect(value.body).toEqual({ kind: 'form', fields: [{ name: 'to', value: 'ann@example.com' }] });
  });
});

describe('variableInputProblems', () => {
  it('checks names, duplicates, built-ins and secret length', () => {
    expect(
      variableInputProblems([
        { name: 'ok.name-1_x', secret: false, value: '' },
        { name: 'bad name', secret: false },
        { name: 'ok.name-1_x', secret: false },
        { name: 'domain', secret: false },
        { name: 'token', secret: true, value: 'short' },
        { name: 'a'.repeat(65), secret: false },
      ]).map((problem) => [problem.index, problem.field]),
    ).toEqual([
      [1, 'name'],
      [2, 'name'],
      [3, 'name'],
      [4, 'value'],
      [5, 'name'],
    ]);
  });
});

describe('withoutVariableFieldErrors', () => {
  it('leaves the checks of a field that uses a variable to main, and keeps every other error', () => {
    const errors = [
      { param: 'name', message: 'not a domain', source: 'param' as const },
      { param: 'limit', message: 'not a number', source: 'param' as const },
      { param: 'X-A', message: 'bad', source: 'header' as const, index: 0 },
      { param: 'baseUrl', message: 'bad', source: 'target' as const },
    ];
    const values = { params: { name: '{{shop}}', limit: 'ten' }, headers: [{ name: 'X-A', value: 'x {{token}}' }] };
    expect(withoutVariableFieldErrors(errors, values).map((error) => error.param)).toEqual(['limit', 'baseUrl']);
    expect(withoutVariableFieldErrors(errors, { params: { name: '\\{{shop}}' } }).map((error) => error.param)).toContain('name');
  });
});
