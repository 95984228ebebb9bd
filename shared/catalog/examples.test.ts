import { describe, expect, it } from 'vitest';
import { buildRequest, paramKey } from '../request/build-request';
import { checkExample, checkParamValue, type FileRef, type ParamInput } from '../request/validate-param';
import { paramFamilies } from './families';
import { catalog, getEndpoint, getGroup, groups } from './index';
import type { JsonValue } from './types';

/** Each check collects every problem, so one run lists them all. */
describe('catalog data', () => {
  it('every parameter example and default is valid for its own type', () => {
    const problems: string[] = [];
    for (const endpoint of catalog) {
      for (const param of endpoint.params) {
        const where = `${endpoint.id} ${param.in}:${param.name}`;
        const exampleProblem = checkExample(param.type, param.repeatable, param.example);
        if (exampleProblem) problems.push(`${where} example ${JSON.stringify(param.example)}: ${exampleProblem}`);
        if (param.default !== undefined && param.type.kind !== 'file') {
          const checked = checkParamValue(param.type, param.default);
          if (!checked.ok) problems.push(`${where} default ${JSON.stringify(param.default)}: ${checked.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every known family member example is valid for its type', () => {
    const problems: string[] = [];
    for (const family of Object.values(paramFamilies)) {
      for (const member of family.known) {
        const problem = checkExample(member.type, member.repeatable, member.example);
        if (problem) problems.push(`${family.id} ${member.name} example ${JSON.stringify(member.example)}: ${problem}`);
        if (family.id !== 'recipient-variables' && !member.name.startsWith(family.id))
          problems.push(`${member.name} does not start with ${family.id}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique, well-formed endpoint ids', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const { id } of catalog) {
      if (seen.has(id)) problems.push(`duplicate id ${id}`);
      seen.add(id);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/.test(id)) problems.push(`malformed id ${id}`);
    }
    expect(problems).toEqual([]);
  });

  it('points every replacedBy at something that exists', () => {
    const problems: string[] = [];
    for (const endpoint of catalog) {
      if (endpoint.replacedBy !== undefined && !getEndpoint(endpoint.replacedBy)) problems.push(`${endpoint.id} -> ${endpoint.replacedBy}`);
      if (endpoint.replacedBy !== undefined && !endpoint.deprecated) problems.push(`${endpoint.id} has replacedBy but is not deprecated`);
    }
    for (const group of groups) {
      if (group.replacedBy !== undefined && !getGroup(group.replacedBy)) problems.push(`group ${group.id} -> ${group.replacedBy}`);
    }
    expect(problems).toEqual([]);
  });

  it('declares every path placeholder as a path parameter, and nothing else as one', () => {
    const problems: string[] = [];
    for (const endpoint of catalog) {
      const placeholders = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const pathParams = endpoint.params.filter((p) => p.in === 'path').map((p) => p.name);
      for (const name of placeholders)
        if (!pathParams.includes(name as string)) problems.push(`${endpoint.id}: {${name}} has no path ParamDef`);
      for (const name of pathParams)
        if (!placeholders.includes(name)) problems.push(`${endpoint.id}: path ParamDef ${name} is not in ${endpoint.path}`);
    }
    expect(problems).toEqual([]);
  });

  it('has no parameter declared twice in the same location', () => {
    const problems: string[] = [];
    for (const endpoint of catalog) {
      const keys = endpoint.params.map((p) => `${p.in}:${p.name}`);
      const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
      if (dupes.length > 0) problems.push(`${endpoint.id}: ${dupes.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('has JSON-serialisable example responses', () => {
    const problems: string[] = [];
    const plainJson = (value: unknown): boolean => {
      if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
      if (typeof value === 'number') return Number.isFinite(value);
      if (Array.isArray(value)) return value.every(plainJson);
      if (typeof value === 'object') {
        const proto = Object.getPrototypeOf(value);
        return (proto === Object.prototype || proto === null) && Object.values(value as Record<string, unknown>).every(plainJson);
      }
      return false;
    };
    for (const endpoint of catalog) {
      const body: JsonValue = endpoint.exampleResponse.body;
      if (!plainJson(body)) problems.push(`${endpoint.id}: not plain JSON`);
      else expect(JSON.parse(JSON.stringify(body))).toEqual(body);
      if (endpoint.exampleResponse.contentType !== 'application/json' && typeof body !== 'string') {
        problems.push(`${endpoint.id}: a ${endpoint.exampleResponse.contentType} example should be a string`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('only puts file parameters in multipart bodies', () => {
    const problems = catalog.flatMap((e) =>
      e.params.filter((p) => p.type.kind === 'file' && (p.in !== 'body' || e.encoding !== 'multipart')).map((p) => `${e.id}: ${p.name}`),
    );
    expect(problems).toEqual([]);
  });

  it('declares families only on endpoints with a form body', () => {
    const problems = catalog.filter((e) => (e.families?.length ?? 0) > 0 && e.encoding !== 'multipart').map((e) => e.id);
    expect(problems).toEqual([]);
  });

  it('builds a request for every endpoint from its own examples', () => {
    const problems: string[] = [];
    for (const endpoint of catalog) {
      const params: Record<string, ParamInput> = {};
      for (const p of endpoint.params) {
        const example = p.example as ParamInput;
        if (p.type.kind === 'file') {
          const files: FileRef[] = (Array.isArray(example) ? example : [example]).map((name, i) => ({
            kind: 'file',
            handle: `h${i}`,
            name: String(name),
            size: 1,
          }));
          params[paramKey(endpoint, p)] = p.repeatable ? files : (files[0] as FileRef);
        } else {
          params[paramKey(endpoint, p)] = example;
        }
      }
      try {
        buildRequest(endpoint, { params }, { baseUrl: 'https://api.mailgun.net' }, { resolveFile: () => new Blob(['x']) });
      } catch (error) {
        problems.push(`${endpoint.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets a domain sending key through only on the sending calls', () => {
    const allowed = catalog.filter((e) => e.sendingKeyAllowed).map((e) => `${e.method} ${e.path}`);
    expect(allowed.every((route) => /^POST \/v3\/\{domain_name\}\/messages(\.mime)?$/.test(route))).toBe(true);
    expect(allowed).toContain('POST /v3/{domain_name}/messages');
  });
});
