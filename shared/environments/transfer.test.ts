import { describe, expect, it } from 'vitest';
import { AppFailure } from '../errors';
import { exportFileName, formatJsonExport, formatPostmanExport, jsonExportFormat, parseImportText } from './transfer';
import type { Environment } from './types';

const at = new Date('2026-11-26T13:55:00.000Z');
const env: Environment = {
  id: 'env-1',
  name: 'Production EU',
  region: 'eu',
  domain: 'mg.example.com',
  keyKind: 'primary',
  subaccountId: 'sub1',
  readOnly: true,
  colour: 'red',
  hasKey: true,
  keyLast4: 'cdef',
  createdAt: at.toISOString(),
  updatedAt: at.toISOString(),
};
const custom: Environment = {
  ...env,
  id: 'env-2',
  name: 'Local',
  region: 'custom',
  baseUrl: 'http://localhost:3000',
  subaccountId: undefined,
  readOnly: false,
};
delete (custom as { subaccountId?: string }).subaccountId;

function importFailure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('import-failed');
    return (error as AppFailure).message;
  }
  throw new Error('expected a failure');
}

describe('JSON export and import', () => {
  it('round-trips every field, without keys unless given', () => {
    const text = formatJsonExport(
      [
        { environment: env, apiKey: null },
        { environment: custom, apiKey: null },
      ],
      at,
    );
    expect(text).not.toMatch(/apiKey|hasKey|keyLast4|cdef/);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: jsonExportFormat, version: 1, exportedAt: at.toISOString() });
    const back = parseImportText(text, 'auto');
    expect(back.format).toBe('json');
    expect(back.skipped).toBe(0);
    expect(back.entries.map((entry) => entry.input)).toEqual([
      {
        name: 'Production EU',
        region: 'eu',
        domain: 'mg.example.com',
        keyKind: 'primary',
        subaccountId: 'sub1',
        readOnly: true,
        colour: 'red',
      },
      {
        name: 'Local',
        region: 'custom',
        baseUrl: 'http://localhost:3000',
        domain: 'mg.example.com',
        keyKind: 'primary',
        readOnly: false,
        colour: 'red',
      },
    ]);
    expect(back.entries.every((entry) => entry.apiKey === null)).toBe(true);
  });

  it('carries keys only when handed in, and names the file accordingly', () => {
    const items = [{ environment: env, apiKey: 'key-0123456789abcdef' }];
    expect(parseImportText(formatJsonExport(items, at), 'json').entries[0]?.apiKey).toBe('key-0123456789abcdef');
    expect(exportFileName('json', items, at)).toBe('mailgun-environments-2026-11-26-WITH-KEYS.json');
    expect(exportFileName('json', [{ environment: env, apiKey: null }], at)).toBe('mailgun-environments-2026-11-26.json');
  });

  it('skips invalid entries with a reason, and drops a bad key without echoing it', () => {
    const text = JSON.stringify({
      environments: [
        { name: 'Good', region: 'us', domain: 'Bücher.example', apiKey: 'bad key with spaces' },
        { name: 'Bad', region: 'mars', domain: 'x' },
        'not an object',
      ],
    });
    const result = parseImportText(text, 'auto');
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]?.input).toMatchObject({
      domain: 'xn--bcher-kva.example',
      keyKind: 'primary',
      readOnly: false,
      colour: 'blue',
    });
    expect(result.entries[0]?.apiKey).toBeNull();
    expect(result.skipped).toBe(2);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings.join(' ')).not.toContain('bad key with spaces');
  });

  it('refuses files it cannot use', () => {
    expect(importFailure(() => parseImportText('{nope', 'auto'))).toMatch(/not valid JSON/);
    expect(importFailure(() => parseImportText('{"foo": 1}', 'auto'))).toMatch(/no list/);
    expect(importFailure(() => parseImportText('{"environments": []}', 'auto'))).toMatch(/no environments/);
    expect(importFailure(() => parseImportText('{"environments": []}', 'postman'))).toMatch(/not a Postman/);
  });
});

describe('Postman environment files', () => {
  it('exports the domain, region, base_url and (only if given) the key as a secret', () => {
    const withoutKey = JSON.parse(formatPostmanExport({ environment: env, apiKey: null }, at));
    expect(withoutKey).toMatchObject({ name: 'Production EU', _postman_variable_scope: 'environment' });
    const values = Object.fromEntries(withoutKey.values.map((v: { key: string; value: string }) => [v.key, v.value]));
    expect(values).toEqual({
      domain: 'mg.example.com',
      region: 'eu',
      base_url: 'https://api.eu.mailgun.net',
      key_kind: 'primary',
      subaccount_id: 'sub1',
    });
    const withKey = JSON.parse(formatPostmanExport({ environment: env, apiKey: 'key-0123456789abcdef' }, at));
    expect(withKey.values).toContainEqual({ key: 'api_key', value: 'key-0123456789abcdef', type: 'secret', enabled: true });
    expect(exportFileName('postman', [{ environment: env, apiKey: null }], at)).toBe('production-eu.postman_environment.json');
  });

  it('imports region or base_url, mapping official URLs back to their region', () => {
    const file = (values: Record<string, string>, name = 'From Postman') =>
      JSON.stringify({ name, values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) });
    expect(parseImportText(file({ domain: 'mg.example.com', region: 'EU', api_key: 'key-0123456789abcdef' }), 'auto')).toMatchObject({
      format: 'postman',
      entries: [{ input: { name: 'From Postman', region: 'eu', domain: 'mg.example.com' }, apiKey: 'key-0123456789abcdef' }],
    });
    expect(
      parseImportText(file({ domain: 'mg.example.com', base_url: 'https://api.eu.mailgun.net/v3' }), 'postman').entries[0]?.input.region,
    ).toBe('eu');
    expect(
      parseImportText(file({ domain: 'mg.example.com', base_url: 'https://proxy.example.com/' }), 'postman').entries[0]?.input,
    ).toMatchObject({
      region: 'custom',
      baseUrl: 'https://proxy.example.com',
    });
    const guessed = parseImportText(file({ domain: 'mg.example.com' }), 'postman');
    expect(guessed.entries[0]?.input.region).toBe('us');
    expect(guessed.warnings[0]).toMatch(/US region was assumed/);
  });

  it('ignores disabled variables and round-trips its own export', () => {
    const text = JSON.stringify({
      name: 'X',
      values: [
        { key: 'domain', value: 'mg.example.com' },
        { key: 'api_key', value: 'key-disabled-0000', enabled: false },
      ],
    });
    expect(parseImportText(text, 'auto').entries[0]?.apiKey).toBeNull();
    const back = parseImportText(formatPostmanExport({ environment: custom, apiKey: null }, at), 'auto');
    expect(back.entries[0]?.input).toMatchObject({
      name: 'Local',
      region: 'custom',
      baseUrl: 'http://localhost:3000',
      domain: 'mg.example.com',
    });
  });
});

describe('variables in environment files', () => {
  const withVariables: Environment = {
    ...env,
    variables: [
      { name: 'list', secret: false, value: 'news@mg.example.com' },
      { name: 'token', secret: true, isSet: true },
    ],
  };

  it('export plain values and secrets by name only, and come back in both formats', () => {
    const json = formatJsonExport([{ environment: withVariables, apiKey: null }], at);
    const postman = formatPostmanExport({ environment: withVariables, apiKey: null }, at);
    expect(JSON.parse(json).environments[0].variables).toEqual([
      { name: 'list', value: 'news@mg.example.com' },
      { name: 'token', secret: true },
    ]);
    expect(JSON.parse(postman).values).toContainEqual({ key: 'token', value: '', type: 'secret', enabled: true });
    for (const text of [json, postman]) {
      const parsed = parseImportText(text, 'auto');
      expect(parsed.entries[0]?.variables).toEqual([
        { name: 'list', secret: false, value: 'news@mg.example.com' },
        { name: 'token', secret: true, isSet: false },
      ]);
      expect(parsed.warnings.join(' ')).toMatch(/set the secret \{\{token\}\} again/);
    }
  });

  it('leaves out variables whose names cannot be used, and takes a credential-like one by name only', () => {
    const text = JSON.stringify({
      name: 'P',
      values: [
        { key: 'domain', value: 'mg.example.com' },
        { key: 'has space', value: 'x' },
      ],
    });
    const parsed = parseImportText(text, 'postman');
    expect(parsed.entries[0]?.variables).toEqual([]);
    expect(parsed.warnings.join(' ')).toContain('has space');
  });
});
