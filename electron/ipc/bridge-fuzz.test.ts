import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName, methodNames } from '../../shared/bridge/contract';
import type { ErrorCode, Result } from '../../shared/errors';
import { argumentLimits } from './argument-bounds';
import { createDispatcher, type Handlers } from './dispatcher';

/**
 * Crafted inputs over every bridge method: wrong types, huge and deeply
 * nested values, prototype keys and control characters. Every answer must
 * be a valid result or a typed `{ code, message, hint }` error; nothing may
 * throw, and no handler may see an argument that breaks the bounds.
 */

/** Every code a typed error may carry; the compiler checks that none is missing and none is made up. */
const knownCodes = {
  'invalid-argument': true,
  'not-found': true,
  conflict: true,
  'keychain-unavailable': true,
  'keychain-locked': true,
  'keychain-denied': true,
  'key-missing': true,
  'storage-failed': true,
  'storage-recovered': true,
  network: true,
  dns: true,
  'connection-refused': true,
  'connection-reset': true,
  tls: true,
  timeout: true,
  cancelled: true,
  'too-large': true,
  proxy: true,
  'forbidden-host': true,
  'read-only': true,
  'file-missing': true,
  'invalid-request': true,
  'import-failed': true,
  unsupported: true,
  internal: true,
} satisfies Record<ErrorCode, true>;
const errorCodes = Object.keys(knownCodes);

/** Depth of nesting and whether any object along the way has a prototype other than a plain one. */
function inspect(value: unknown): { depth: number; pollutedAt: string | null } {
  let deepest = 0;
  const stack: { value: unknown; depth: number; at: string }[] = [{ value, depth: 0, at: '$' }];
  while (stack.length > 0) {
    const item = stack.pop() as (typeof stack)[number];
    deepest = Math.max(deepest, item.depth);
    if (item.value === null || typeof item.value !== 'object' || item.value instanceof Date) continue;
    const proto = Object.getPrototypeOf(item.value);
    if (Array.isArray(item.value)) {
      if (proto !== Array.prototype) return { depth: deepest, pollutedAt: item.at };
    } else if (proto !== Object.prototype && proto !== null) return { depth: deepest, pollutedAt: item.at };
    for (const [key, inner] of Object.entries(item.value)) {
      if (key === '__proto__') return { depth: deepest, pollutedAt: `${item.at}.__proto__` };
      stack.push({ value: inner, depth: item.depth + 1, at: `${item.at}.${key}` });
    }
  }
  return { depth: deepest, pollutedAt: null };
}

const seen: { method: string; arg: unknown }[] = [];
const handlers = Object.fromEntries(
  methodNames.map((name) => [
    name,
    (arg: unknown) => {
      seen.push({ method: name, arg });
      return { handled: name };
    },
  ]),
) as unknown as Handlers;
const dispatch = createDispatcher(handlers);

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const controlChars = fc.constantFrom('\u0000', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u200b');
const nameWithControl = fc
  .tuple(fc.string({ maxLength: 10 }), controlChars, fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const key = fc.oneof(fc.string({ maxLength: 12 }), prototypeKey, nameWithControl);

const anyValue = fc.anything({
  key,
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
});

/** A plausible argument for the method with one part replaced, so validation gets past the top level. */
const plausible = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 140 }), nameWithControl, anyValue),
    environmentId: fc.oneof(fc.constant('env-1'), fc.string(), anyValue),
    name: fc.oneof(nameWithControl, fc.string({ maxLength: 300 }), anyValue),
    requestId: fc.oneof(fc.uuid(), fc.string()),
    endpointId: fc.oneof(fc.constant('domains.list'), fc.string()),
    values: fc.oneof(
      fc.record({ params: fc.dictionary(key, anyValue, { maxKeys: 5 }) }),
      fc.record({ params: fc.constant({}), headers: fc.array(fc.record({ name: nameWithControl, value: fc.string() }), { maxLength: 3 }) }),
      anyValue,
    ),
    text: fc.oneof(fc.string(), anyValue),
    format: fc.constantFrom('json', 'postman', 'auto', 'xml'),
    query: fc.oneof(fc.string(), anyValue),
    url: fc.constantFrom('https://mailgun.com', 'javascript:alert(1)', 'https://evil.example'),
  },
  { requiredKeys: [] },
);

function hugeOrDeepValue(kind: string): unknown {
  switch (kind) {
    case 'deep-array':
      return nested(3_000, [], (inner) => [inner]);
    case 'deep-object':
      return nested(3_000, {}, (inner) => ({ a: inner }));
    case 'deep-values':
      return {
        environmentId: 'env-1',
        endpointId: 'domains.list',
        requestId: crypto.randomUUID(),
        values: { params: { x: nested(3_000, 1, (inner) => [inner]) } },
      };
    case 'long-string':
      return { text: 'x'.repeat(argumentLimits.maxChars + 1), format: 'auto' };
    case 'wide-array':
      return { ids: Array.from({ length: argumentLimits.maxNodes + 1 }, () => 'a') };
    case 'sparse': {
      const sparse: unknown[] = [];
      sparse.length = 2 ** 31;
      return { handles: sparse };
    }
    case 'proto-own-key':
      return JSON.parse('{"__proto__":{"polluted":true},"params":{"__proto__":{"x":1}},"values":{"params":{"__proto__":"x"}}}');
    default:
      return Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
  }
}

function expectTyped(method: string, result: Result<unknown>): void {
  if (result.ok) {
    expect(result.value).toEqual({ handled: method });
    return;
  }
  expect(errorCodes).toContain(result.error.code);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(typeof result.error.hint).toBe('string');
  expect(Object.keys(result.error).every((field) => ['code', 'message', 'hint', 'field'].includes(field))).toBe(true);
}

async function send(method: MethodName, arg: unknown): Promise<void> {
  seen.length = 0;
  let result: Result<unknown>;
  try {
    result = await dispatch(method, arg);
  } catch (error) {
    throw new Error(`${method} threw instead of answering: ${String(error).slice(0, 200)}`);
  }
  expectTyped(method, result);
  for (const call of seen) {
    // What reached the service is itself a valid argument of the method.
    expect(contract[call.method as MethodName].args.safeParse(call.arg).success, `${call.method} received an invalid argument`).toBe(true);
    const { depth, pollutedAt } = inspect(call.arg);
    expect(pollutedAt, `${call.method} received a prototype key`).toBeNull();
    expect(depth).toBeLessThanOrEqual(argumentLimits.maxDepth);
  }
}

const method = fc.constantFrom(...methodNames);

describe('bridge fuzz', () => {
  it('answers any value for any method with a result or a typed error (400 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(method, anyValue, async (name, arg) => send(name, arg)),
      { numRuns: 400 },
    );
  });

  it('answers plausible arguments with one part wrong, prototype keys and control characters (400 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(method, plausible, async (name, arg) => send(name, arg)),
      { numRuns: 400 },
    );
  });

  it('answers huge and deeply nested arguments on every method with a typed error', async () => {
    let sent = 0;
    for (const name of methodNames) {
      for (const kind of ['deep-array', 'deep-object', 'deep-values', 'proto-own-key', 'many-keys', 'sparse']) {
        await send(name, hugeOrDeepValue(kind));
        sent += 1;
      }
    }
    // The largest values once each: they cost memory, and one method shows the bound holds before any schema.
    for (const kind of ['long-string', 'wide-array']) {
      const result = await dispatch('importEnvironments', hugeOrDeepValue(kind));
      expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
      sent += 1;
    }
    expect(sent).toBeGreaterThanOrEqual(methodNames.length * 6);
    const deep = await dispatch('sendRequest', hugeOrDeepValue('deep-values'));
    expect(deep).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/nested/) } });
  });

  it('refuses names with control characters wherever a name is given', async () => {
    const cases: [MethodName, unknown][] = [
      ['createCollection', { name: 'Reports\u0000' }],
      ['renameCollection', { id: 'c1', name: 'Line\nbreak' }],
      ['renameSavedRequest', { id: 'r1', name: 'Tab\there' }],
      [
        'saveEnvironment',
        { name: 'Prod\u001b[31m', region: 'us', domain: 'mg.example.com', keyKind: 'primary', readOnly: false, colour: 'blue' },
      ],
      ['saveResponseBody', { requestId: crypto.randomUUID(), suggestedName: 'body\r\n.json' }],
      [
        'sendRequest',
        {
          requestId: crypto.randomUUID(),
          environmentId: 'env-1',
          endpointId: 'domains.list',
          values: { params: {}, headers: [{ name: 'X-Evil\r\nInjected', value: 'x' }] },
        },
      ],
      [
        'sendRequest',
        { requestId: crypto.randomUUID(), environmentId: 'env-1', endpointId: 'domains.list', values: { params: { 'a\u0000b': 'x' } } },
      ],
    ];
    for (const [name, arg] of cases) {
      seen.length = 0;
      const result = await dispatch(name, arg);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(seen).toEqual([]);
    }
  });
});
