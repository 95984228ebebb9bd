// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEndpoint } from '../../../shared/catalog';
import type { EndpointDef, ParamDef } from '../../../shared/catalog/types';
import { validateValues } from '../../../shared/request';
import { call } from '../../bridge/client';
import { renderWithProviders } from '../workbench/test-support';
import { type EditorDraft, emptyDraft, toRequestValues } from './draft';
import { RequestEditor } from './RequestEditor';

vi.mock('../../bridge/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../bridge/client')>()),
  call: vi.fn(),
}));
const callMock = vi.mocked(call);

const param = (p: Partial<ParamDef> & Pick<ParamDef, 'name' | 'type'>): ParamDef => ({
  in: 'body',
  required: false,
  repeatable: false,
  example: 'x',
  description: `About ${p.name}.`,
  ...p,
});

const endpoint: EndpointDef = {
  id: 'test.everything',
  group: 'messages',
  method: 'POST',
  path: '/v3/{domain_name}/things',
  summary: 'Create a thing',
  description: 'A synthetic endpoint with one parameter of each kind.',
  deprecated: false,
  mutates: true,
  sendingKeyAllowed: false,
  encoding: 'multipart',
  pagination: 'none',
  families: ['o:', 'h:', 'v:'],
  params: [
    param({ name: 'domain_name', in: 'path', type: { kind: 'string', format: 'domain' }, required: true, example: 'mg.example.com' }),
    param({ name: 'from', type: { kind: 'email' }, required: true, example: 'Shop <shop@example.com>' }),
    param({ name: 'to', type: { kind: 'email' }, repeatable: true, required: true, example: ['a@example.com'] }),
    param({ name: 'notes', type: { kind: 'string', format: 'text' } }),
    param({ name: 'limit', type: { kind: 'integer', min: 1, max: 300 }, example: 100 }),
    param({ name: 'tracking', type: { kind: 'boolean', style: 'yes-no' }, example: 'yes' }),
    param({ name: 'spam_action', type: { kind: 'enum', values: ['disabled', 'tag', 'block'] }, example: 'tag' }),
    param({ name: 'begin', type: { kind: 'date', format: 'rfc2822' }, example: 'Fri, 14 Oct 2011 12:00:00 +0000' }),
    param({ name: 'url', type: { kind: 'url' }, example: 'https://example.com/hook' }),
    param({ name: 'recipient-variables', type: { kind: 'json' }, example: '{"a@example.com": {"id": 1}}' }),
    param({ name: 'attachment', type: { kind: 'file' }, repeatable: true, example: 'a.pdf' }),
    param({ name: 'o:tag', type: { kind: 'string' }, repeatable: true, example: 'news' }),
  ],
  exampleResponse: { status: 200, contentType: 'application/json', body: { message: 'ok' } },
};

let latest: EditorDraft = emptyDraft;

function Harness({ initial = emptyDraft, showAllErrors = false }: { initial?: EditorDraft; showAllErrors?: boolean }) {
  const [draft, setDraft] = useState(initial);
  latest = draft;
  const errors = validateValues(endpoint, toRequestValues(draft), { baseUrl: 'https://api.mailgun.net', domain: 'mg.example.com' });
  return (
    <RequestEditor
      endpoint={endpoint}
      draft={draft}
      onChange={setDraft}
      errors={errors}
      showAllErrors={showAllErrors}
      blockedAttempt={0}
      environmentDomain="mg.example.com"
      automaticHeaders={[]}
      onOpenEndpoint={() => undefined}
    />
  );
}

/** The editor over a real catalog endpoint, with the draft kept where the tests can read it. */
function CatalogHarness({ endpoint: shown }: { endpoint: EndpointDef }) {
  const [draft, setDraft] = useState(emptyDraft);
  latest = draft;
  return (
    <RequestEditor
      endpoint={shown}
      draft={draft}
      onChange={setDraft}
      errors={[]}
      showAllErrors={false}
      blockedAttempt={0}
      automaticHeaders={[]}
      onOpenEndpoint={() => undefined}
    />
  );
}

afterEach(() => {
  cleanup();
  callMock.mockReset();
});

describe('form controls per type', () => {
  it('renders the right control for each parameter type, with required marks', () => {
    renderWithProviders(<Harness />);
    const kindOf = (name: string) => screen.getByTestId(`param-${name}`).getAttribute('data-kind');
    expect(kindOf('from')).toBe('email');

    expect(screen.getByTestId('input-notes').tagName).toBe('TEXTAREA');
    expect(screen.getByTestId('input-limit').getAttribute('inputmode')).toBe('numeric');
    expect(screen.getByTestId('input-tracking').getAttribute('role')).toBe('switch');

    const select = screen.getByTestId('input-spam_action') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'disabled', 'tag', 'block']);

    expect((screen.getByTestId('input-begin-picker') as HTMLInputElement).type).toBe('datetime-local');
    expect(screen.getByTestId('input-begin-offset')).toBeTruthy();
    expect((screen.getByTestId('input-url') as HTMLInputElement).type).toBe('url');
    expect(screen.getByTestId('input-recipient-variables').tagName).toBe('TEXTAREA');
    expect(screen.getByTestId('input-attachment-choose').textContent).toContain('Choose files');

    expect(screen.queryByTestId('required-from')).toBeTruthy();
    expect(screen.queryByTestId('required-to')).toBeTruthy();
    expect(screen.queryByTestId('required-notes')).toBeNull();
    // Family members declared as parameters are edited on the Options tab, not in the main form.
    expect(screen.queryByTestId('param-o:tag')).toBeNull();
    // The domain falls back to the environment's.
    expect((screen.getByTestId('input-domain_name') as HTMLInputElement).placeholder).toBe('mg.example.com');
  });

  it('keeps typed values in the draft in the shape the request builder reads', () => {
    renderWithProviders(<Harness />);
    fireEvent.change(screen.getByTestId('input-from'), { target: { value: 'me@example.com' } });
    fireEvent.change(screen.getByTestId('input-limit'), { target: { value: '25' } });
    fireEvent.change(screen.getByTestId('input-spam_action'), { target: { value: 'block' } });
    fireEvent.click(screen.getByTestId('input-tracking'));
    expect(latest.params).toMatchObject({ from: 'me@example.com', limit: '25', spam_action: 'block', tracking: true });
    fireEvent.click(screen.getByTestId('input-tracking'));
    expect(latest.params.tracking).toBe(false);
    fireEvent.click(screen.getByTestId('input-tracking-reset'));
    expect(latest.params.tracking).toBeUndefined();
  });

  it('composes an RFC 2822 date from the picker and a numeric offset', () => {
    renderWithProviders(<Harness />);
    fireEvent.change(screen.getByTestId('input-begin-offset'), { target: { value: '+0200' } });
    fireEvent.change(screen.getByTestId('input-begin-picker'), { target: { value: '2024-03-05T09:30' } });
    expect(latest.params.begin).toBe('Tue, 05 Mar 2024 09:30:00 +0200');
    fireEvent.change(screen.getByTestId('input-begin-offset'), { target: { value: '-0500' } });
    expect(latest.params.begin).toBe('Tue, 05 Mar 2024 09:30:00 -0500');
    expect((screen.getByTestId('input-begin') as HTMLInputElement).value).toBe('Tue, 05 Mar 2024 09:30:00 -0500');
  });

  it('validates JSON as it is typed and formats it on request', () => {
    renderWithProviders(<Harness />);
    const area = screen.getByTestId('input-recipient-variables');
    fireEvent.change(area, { target: { value: '{"a@example.com": {"id": 1' } });
    expect(screen.getByTestId('input-recipient-variables-json-status').className).toContain('invalid');
    expect((screen.getByTestId('input-recipient-variables-format') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(area, { target: { value: '{"a@example.com":{"id":1}}' } });
    expect(screen.getByTestId('input-recipient-variables-json-status').textContent).toBe('Valid JSON');
    fireEvent.click(screen.getByTestId('input-recipient-variables-format'));
    expect(latest.params['recipient-variables']).toBe('{\n  "a@example.com": {\n    "id": 1\n  }\n}');
  });

  it('shows inline errors for touched fields only, and all of them after a send attempt', () => {
    const { unmount } = renderWithProviders(<Harness />);
    const limit = screen.getByTestId('input-limit');
    fireEvent.change(limit, { target: { value: '0' } });
    fireEvent.blur(limit);
    expect(screen.getByTestId('error-limit').textContent).toContain('at least 1');
    expect(screen.queryByTestId('error-from')).toBeNull();
    unmount();
    renderWithProviders(<Harness showAllErrors />);
    expect(screen.getByTestId('error-from').textContent).toBe('Required.');
    expect(screen.getByTestId('error-to').textContent).toBe('Required.');
    expect(screen.getByTestId('input-from').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('repeatable rows', () => {
  it('adds, fills and removes rows, sending one value per row', () => {
    renderWithProviders(<Harness />);
    expect(screen.getAllByTestId('input-to-row')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('input-to-0'), { target: { value: 'a@example.com' } });
    fireEvent.click(screen.getByTestId('input-to-add'));
    fireEvent.click(screen.getByTestId('input-to-add'));
    fireEvent.change(screen.getByTestId('input-to-1'), { target: { value: 'b@example.com' } });
    fireEvent.change(screen.getByTestId('input-to-2'), { target: { value: 'c@example.com' } });
    expect(latest.params.to).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    fireEvent.click(screen.getByTestId('input-to-remove-1'));
    expect(latest.params.to).toEqual(['a@example.com', 'c@example.com']);
    expect(screen.getAllByTestId('input-to-row')).toHaveLength(2);
    expect(toRequestValues(latest).params.to).toEqual(['a@example.com', 'c@example.com']);
  });
});

describe('"+ Add" moves focus to the new row', () => {
  it('for repeatable values, header rows and o:/h:/v: rows', () => {
    renderWithProviders(<Harness />);
    fireEvent.click(screen.getByTestId('input-to-add'));
    expect(document.activeElement).toBe(screen.getByTestId('input-to-1'));
    fireEvent.click(screen.getByTestId('input-to-add'));
    expect(document.activeElement).toBe(screen.getByTestId('input-to-2'));

    fireEvent.click(screen.getByTestId('tab-options'));
    fireEvent.click(screen.getByTestId('family-add-v'));
    expect(document.activeElement).toBe(within(screen.getByTestId('family-v')).getByTestId('family-row-name'));

    fireEvent.click(screen.getByTestId('tab-headers'));
    fireEvent.click(screen.getByTestId('header-add'));
    fireEvent.click(screen.getByTestId('header-add'));
    expect(document.activeElement).toBe(screen.getAllByTestId('header-row-name')[1]);
  });
});

describe('family rows', () => {
  it('adds o:, h: and v: rows with suggestions and typed values for known members', () => {
    renderWithProviders(<Harness />);
    fireEvent.click(screen.getByTestId('tab-options'));
    const oFamily = screen.getByTestId('family-o');
    const suggestions = [...oFamily.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(suggestions).toEqual(expect.arrayContaining(['tag', 'dkim', 'deliverytime', 'tracking-clicks']));

    fireEvent.click(screen.getByTestId('family-add-o'));
    const row = within(oFamily).getByTestId('family-row');
    fireEvent.change(within(row).getByTestId('family-row-name'), { target: { value: 'dkim' } });
    // A known boolean member gets a switch.
    const value = within(within(oFamily).getByTestId('family-row')).getByTestId('family-row-value');
    expect(value.getAttribute('role')).toBe('switch');
    fireEvent.click(value);

    fireEvent.click(screen.getByTestId('family-add-v'));
    const vRow = within(screen.getByTestId('family-v')).getByTestId('family-row');
    fireEvent.change(within(vRow).getByTestId('family-row-name'), { target: { value: 'order-id' } });
    fireEvent.change(within(vRow).getByTestId('family-row-value'), { target: { value: 'A-1' } });

    expect(toRequestValues(latest).extra).toEqual([
      { name: 'o:dkim', value: true },
      { name: 'v:order-id', value: 'A-1' },
    ]);
    fireEvent.click(within(screen.getByTestId('family-o')).getByTestId('family-row-remove'));
    expect(toRequestValues(latest).extra).toEqual([{ name: 'v:order-id', value: 'A-1' }]);
  });

  it('reports a bad h: header inline', () => {
    renderWithProviders(<Harness />);
    fireEvent.click(screen.getByTestId('tab-options'));
    fireEvent.click(screen.getByTestId('family-add-h'));
    const row = within(screen.getByTestId('family-h')).getByTestId('family-row');
    fireEvent.change(within(row).getByTestId('family-row-name'), { target: { value: 'Bad Name' } });
    fireEvent.change(within(row).getByTestId('family-row-value'), { target: { value: 'x' } });
    expect(within(screen.getByTestId('family-h')).getByTestId('family-row-error').textContent).toMatch(/not a valid header name|spaces/);
  });
});

describe('headers and files', () => {
  it('edits extra request headers', () => {
    renderWithProviders(<Harness />);
    fireEvent.click(screen.getByTestId('tab-headers'));
    fireEvent.click(screen.getByTestId('header-add'));
    fireEvent.change(screen.getByTestId('header-row-name'), { target: { value: 'X-Trace' } });
    fireEvent.change(screen.getByTestId('header-row-value'), { target: { value: 'abc' } });
    expect(toRequestValues(latest).headers).toEqual([{ name: 'X-Trace', value: 'abc' }]);
  });

  it('picks several files through the bridge, shows name and size, and removes one', async () => {
    callMock.mockResolvedValueOnce([
      { handle: 'h1', name: 'invoice.pdf', size: 2048, type: 'application/pdf' },
      { handle: 'h2', name: 'logo.png', size: 512, type: 'image/png' },
    ]);
    renderWithProviders(<Harness />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('input-attachment-choose'));
    });
    expect(callMock).toHaveBeenCalledWith('pickFiles', { purpose: 'attachment', multiple: true });
    const rows = await screen.findAllByTestId('input-attachment-file');
    expect(rows.map((r) => r.textContent)).toEqual(['invoice.pdf2.0 KB×', 'logo.png512 B×']);
    fireEvent.click(screen.getByTestId('input-attachment-remove-0'));
    expect(latest.params.attachment).toEqual([{ kind: 'file', handle: 'h2', name: 'logo.png', size: 512 }]);
  });
});

describe('docs tab', () => {
  it('shows the description and parameter docs and opens Mailgun docs through main', async () => {
    callMock.mockResolvedValue({ opened: true });
    renderWithProviders(<Harness />);
    fireEvent.click(screen.getByTestId('tab-docs'));
    expect(screen.getByTestId('docs-tab').textContent).toContain('A synthetic endpoint');
    expect(screen.getByTestId('docs-params').textContent).toContain('spam_action');
    await act(async () => {
      fireEvent.click(screen.getByTestId('docs-open-external'));
    });
    expect(callMock).toHaveBeenCalledWith('openExternal', { url: expect.stringMatching(/^https:\/\/[a-z.]*mailgun\.com\//) });
  });
});

describe('a name the endpoint takes twice', () => {
  it('gives routes.update a field for the path id and one for the body id, each kept apart in the draft', () => {
    renderWithProviders(<CatalogHarness endpoint={getEndpoint('routes.update') as EndpointDef} />);
    fireEvent.change(screen.getByTestId('input-path:id'), { target: { value: 'route-in-path' } });
    fireEvent.change(screen.getByTestId('input-body:id'), { target: { value: 'route-in-body' } });
    expect(latest.params).toMatchObject({ 'path:id': 'route-in-path', 'body:id': 'route-in-body' });
    expect(latest.params.id).toBeUndefined();
  });
});
