import { describe, expect, it } from 'vitest';
import { catalog, getEndpoint } from '../../../shared/catalog';
import type { EndpointDef } from '../../../shared/catalog/types';
import { buildRequest, type FileRef, type ParamInput, RequestBuildError } from '../../../shared/request';
import { draftKey, type EditorDraft, emptyDraft, toRequestValues, withExamples } from './draft';

/** "Fill examples" leaves files to the user, so the test picks one per file field as the user would. */
function pickFiles(endpoint: EndpointDef, draft: EditorDraft): EditorDraft {
  const params: Record<string, ParamInput | undefined> = { ...draft.params };
  for (const p of endpoint.params) {
    if (p.type.kind !== 'file') continue;
    const file: FileRef = { kind: 'file', handle: `h-${p.name}`, name: String(p.example), size: 1 };
    params[draftKey(endpoint, p)] = p.repeatable ? [file] : file;
  }
  return { ...draft, params };
}

function build(endpoint: EndpointDef, draft: EditorDraft) {
  return buildRequest(endpoint, toRequestValues(draft), { baseUrl: 'https://api.mailgun.net' }, { resolveFile: () => new Blob(['x']) });
}

describe('the editor keys values as the request builder reads them', () => {
  it('builds every catalog endpoint from the editor state after "Fill examples"', () => {
    const problems: string[] = [];
    for (const endpoint of catalog) {
      try {
        build(endpoint, pickFiles(endpoint, withExamples(endpoint, emptyDraft)));
      } catch (error) {
        problems.push(`${endpoint.id}: ${error instanceof RequestBuildError ? error.message : String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sends both copies of a name an endpoint takes twice (alerts.update: path and body name)', () => {
    const endpoint = getEndpoint('alerts.update') as EndpointDef;
    const draft = withExamples(endpoint, emptyDraft);
    const built = build(endpoint, {
      ...draft,
      params: { ...draft.params, 'path:name': 'old name', 'body:name': 'new name' },
    });
    expect(built.url).toContain('/v1/thresholds/alerts/send/old%20name');
    expect(JSON.parse(String(built.body))).toMatchObject({ name: 'new name' });
  });

  it('lets each copy be set on its own (ips.remove-from-domain: path ip and query ip)', () => {
    const endpoint = getEndpoint('ips.remove-from-domain') as EndpointDef;
    const keys = endpoint.params.map((p) => draftKey(endpoint, p));
    expect(keys).toEqual(expect.arrayContaining(['path:ip', 'query:ip']));
    const built = build(endpoint, { ...emptyDraft, params: { name: 'mg.example.com', 'path:ip': 'all', 'query:ip': '203.0.113.9' } });
    expect(built.url).toMatch(/\/ips\/all\?ip=203\.0\.113\.9$/);
  });

  it('fills the message send with a body but not also a template (Mailgun refuses both)', () => {
    const draft = withExamples(getEndpoint('messages.send') as EndpointDef, emptyDraft);
    expect(draft.params.html).toBeTruthy();
    expect(draft.params.template).toBeUndefined();
  });

  it("fills the domain with the environment's own, and keeps one already typed", () => {
    const endpoint = getEndpoint('bounces.list') as EndpointDef;
    expect(withExamples(endpoint, emptyDraft, 'shop.example.com').params.domain_name).toBe('shop.example.com');
    expect(withExamples(endpoint, emptyDraft).params.domain_name).toBe('mg.example.com');
    const typed = { ...emptyDraft, params: { domain_name: 'other.example.com' } };
    expect(withExamples(endpoint, typed, 'shop.example.com').params.domain_name).toBe('other.example.com');
  });
});
