import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from './index';

/**
 * The endpoints the official SDK calls, read from the installed mailgun.js
 * build itself (so an SDK upgrade that adds a call fails here until the
 * catalog has it). The build is minified: each call is
 * `this.request.<verb>(<url>, …)`, `this.request.command("<verb>", <url>)` or a paging helper given the URL, inside a
 * class whose `baseRoute` or `path` the URL may start from.
 */
interface SdkCall {
  readonly method: string;
  readonly path: string;
}

// The file Node loads for `import 'mailgun.js'`, found through the installed package's own exports map.
const sdkDir = join(dirname(createRequire(import.meta.url).resolve('mailgun.js')), '..');
const sdkPackage = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')) as { exports: { '.': { node: { import: string } } } };
const source = readFileSync(join(sdkDir, sdkPackage.exports['.'].node.import), 'utf8');

/** The text of one argument starting at `from`, up to the comma or bracket that ends it. */
function argumentAt(text: string, from: number, stops = ','): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      else if (quote === '`' && c === '$' && text[i + 1] === '{') {
        const end = text.indexOf('}', i);
        i = end;
      }
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return text.slice(from, i);
      depth--;
    } else if (depth === 0 && stops.includes(c)) return text.slice(from, i);
  }
  return text.slice(from);
}

/** Splits `a,"b",c` at its top-level commas. */
function argumentsOf(list: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < list.length) {
    const arg = argumentAt(list, at);
    out.push(arg);
    at += arg.length + 1;
  }
  return out;
}

/**
 * What a local variable holds, from its assignments in the few hundred characters before the call:
 * a path (`const i=S("v3/lists",e,"members.csv")`), a query string only (`a=\`?pool_id=${…}\``), or unknown.
 */
function variableAt(name: string, at: number): { kind: 'path'; expression: string } | { kind: 'query' } | undefined {
  const before = source.slice(Math.max(0, at - 600), at);
  const values = [...before.matchAll(new RegExp(`(?<![\\w$.])${name.replace('$', '\\$')}=(?!=)`, 'g'))].map((m) =>
    argumentAt(before, m.index + m[0].length, ',;:?').trim(),
  );
  if (values.length === 0) return undefined;
  if (values.every((v) => /^["'`]\??/.test(v) && (/^["'`]["'`]$/.test(v) || /^["'`]\?/.test(v)))) return { kind: 'query' };
  const last = values.at(-1) as string;
  return /^[A-Za-z_$][\w$]*\(|^["'`]\//.test(last) ? { kind: 'path', expression: last } : undefined;
}

/** Turns a URL expression into a path template: literals kept, anything computed becomes `{}`. */
function pathOf(expression: string, routes: readonly string[], at: number): string[] {
  const e = expression.trim();
  if (/^[\w$]+$/.test(e)) {
    const held = variableAt(e, at);
    return held?.kind === 'path' ? pathOf(held.expression, routes, at) : [];
  }
  const join = (parts: string[]) => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/\?.*$/, '').replace(/\/$/, '');
  const expand = (route: string): string[] => (route === '' ? ['{}'] : [route]);
  if (/^this\.(baseRoute|path)$/.test(e)) return routes.flatMap((r) => expand(r).map((x) => join([x])));
  const literal = e.match(/^"([^"]*)"$/) ?? e.match(/^'([^']*)'$/);
  if (literal) return [join([literal[1] as string])];
  if (e.startsWith('`') && e.endsWith('`')) {
    const body = e.slice(1, -1);
    const withRoute = /\$\{this\.(baseRoute|path)\}/.test(body)
      ? routes.map((r) => body.replace(/\$\{this\.(baseRoute|path)\}/, r))
      : [body];
    return withRoute.map((b) => join([b.replace(/\$\{[^}]*\}/g, '{}')]));
  }
  const call = e.match(/^[A-Za-z_$][\w$]*\((.*)\)$/s);
  if (call) {
    const parts = argumentsOf(call[1] as string).map((a) => a.trim());
    const variants = parts.reduce<string[][]>(
      (acc, part) => {
        const options = /^this\.(baseRoute|path)$/.test(part)
          ? routes
          : /^["'`]/.test(part)
            ? [part.slice(1, -1).replace(/\$\{[^}]*\}/g, '{}')]
            : variableAt(part, at)?.kind === 'query'
              ? ['']
              : ['{}'];
        return acc.flatMap((prefix) => options.map((o) => [...prefix, o]));
      },
      [[]],
    );
    return variants.map(join);
  }
  return [];
}

function sdkCalls(): SdkCall[] {
  const classStarts = [...source.matchAll(/class ([\w$]+)(?: extends [\w$]+)?\{/g)].map((m) => ({ name: m[1] as string, at: m.index }));
  const classAt = (at: number) => classStarts.filter((c) => c.at < at).at(-1);
  const routesOf = (name: string | undefined, at: number): string[] => {
    const cls = classStarts.find((c) => c.name === name);
    if (!cls || name === undefined) return [];
    const text = source.slice(cls.at, at);
    const assigned = [...text.matchAll(/this\.(?:baseRoute|path)="([^"]*)"/g)].map((m) => m[1] as string);
    if (assigned.length > 0) return assigned;
    // A route given to the constructor: find where the class is created.
    return [...source.matchAll(new RegExp(`new ${name.replace('$', '\\$')}\\([^,()]+,"([^"]*)"\\)`, 'g'))].map((m) => m[1] as string);
  };
  const calls: SdkCall[] = [];
  const callPattern =
    /this\.request\.(get|post|put|patch|delete)(?:WithFD)?\(|this\.(requestListWithPages)\(|this\.request\.command\("(\w+)",/g;
  for (const m of source.matchAll(callPattern)) {
    const start = m.index + m[0].length;
    // A storage host call names its host in the URL (`https://${host}/v3/…`); the path is what the catalog knows.
    const url = argumentAt(source, start).replace(/^`https:\/\/\$\{[^}]*\}/, '`');
    const method = (m[1] ?? m[3] ?? 'get').toUpperCase();
    const cls = classAt(m.index);
    for (const path of pathOf(url, routesOf(cls?.name, m.index), m.index)) calls.push({ method, path });
  }
  const seen = new Set<string>();
  return calls.filter((c) => {
    const key = `${c.method} ${c.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A catalog path covers an SDK path segment by segment: a catalog placeholder stands for any literal value
 * (`/v3/domains/{name}/ips/{ip}` covers `…/ips/ip_pool`), and a segment the SDK computes (`{}`: a suppression
 * list's name, a tracking kind) may stand for a catalog literal; never both in one path, or any path would match.
 */
function covers(catalogPath: string, sdkPath: string): boolean {
  const a = catalogPath.split('/');
  const b = sdkPath.split('/');
  if (a.length !== b.length) return false;
  let placeholderForLiteral = false;
  let computedForLiteral = false;
  for (const [i, segment] of a.entries()) {
    const theirs = b[i] as string;
    const ours = /^\{.+\}$/.test(segment);
    if (ours && theirs !== '{}') placeholderForLiteral = true;
    else if (!ours && theirs === '{}') computedForLiteral = true;
    else if (!ours && segment !== theirs) return false;
  }
  return !(placeholderForLiteral && computedForLiteral);
}

/** Calls the SDK still makes to endpoints Mailgun has removed; each says why it is not in the catalog. */
const removedByMailgun: Readonly<Record<string, string>> = {};

const calls = sdkCalls();

describe('coverage of the calls the official SDK makes', () => {
  it('reads a plausible number of calls from the installed mailgun.js build', () => {
    expect(calls.length).toBeGreaterThan(100);
    expect(calls).toContainEqual({ method: 'POST', path: '/v3/{}/messages' });
    expect(calls).toContainEqual({ method: 'DELETE', path: '/v3/{}/envelopes' });
    expect(calls).toContainEqual({ method: 'POST', path: '/v3/lists/{}/members.csv' });
  });

  it('has a catalog entry for every call the SDK makes', () => {
    const missing = calls
      .filter((c) => !catalog.some((e) => e.method === c.method && covers(e.path, c.path)))
      .map((c) => `${c.method} ${c.path}`)
      .filter((route) => !(route in removedByMailgun));
    expect(missing).toEqual([]);
  });

  it('lists as removed only calls the catalog really lacks', () => {
    const covered = Object.keys(removedByMailgun).filter((route) => {
      const [method, path] = route.split(' ') as [string, string];
      return catalog.some((e) => e.method === method && covers(e.path, path));
    });
    expect(covered).toEqual([]);
  });
});
