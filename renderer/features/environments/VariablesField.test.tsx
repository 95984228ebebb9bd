// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VariablePreview } from '../../../shared/bridge/variables';
import { EnvironmentEditor } from './EnvironmentEditor';
import { createFakeBridge, type FakeEnvironmentsBridge, sampleEnvironment } from './testing/fake-bridge';
import { renderWithQueries } from './testing/render';
import { variableHint } from './use-variable-hints';

const SECRET = 'tok-RENDERER-SECRET-1a2b3c4d';
let fake: FakeEnvironmentsBridge;

beforeEach(() => {
  fake = createFakeBridge();
  fake.install();
});
afterEach(() => {
  cleanup();
  fake.uninstall();
});

function pageText(): string {
  const values = [...document.querySelectorAll('input')].map((element) => element.value);
  return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
}

describe('the variables editor', () => {
  it('adds plain and secret variables, saves them with the environment and never shows a secret again', async () => {
    const environment = sampleEnvironment({ name: 'Staging' });
    fake.environments.push(environment);
    renderWithQueries(<EnvironmentEditor environment={environment} onSaved={() => {}} />);
    fireEvent.click(screen.getByTestId('env-variable-add'));
    fireEvent.click(screen.getByTestId('env-variable-add'));
    const [first, second] = screen.getAllByTestId('env-variable-row');
    const names = screen.getAllByTestId('env-variable-name');
    fireEvent.change(names[0] as HTMLElement, { target: { value: 'list' } });
    fireEvent.change(screen.getAllByTestId('env-variable-value')[0] as HTMLElement, { target: { value: 'news@mg.example.com' } });
    fireEvent.change(names[1] as HTMLElement, { target: { value: 'token' } });
    fireEvent.click(second?.querySelector('[data-testid="env-variable-secret"]') as HTMLElement);
    const secretField = screen.getAllByTestId('env-variable-value')[1] as HTMLInputElement;
    expect(secretField.type).toBe('password');
    secretField.value = SECRET;
    fireEvent.input(secretField);
    expect(first).toBeTruthy();
    fireEvent.click(screen.getByTestId('env-save'));
    await waitFor(() => expect(fake.environments[0]?.variables).toHaveLength(2));
    expect(fake.environments[0]?.variables).toEqual([
      { name: 'list', secret: false, value: 'news@mg.example.com' },
      { name: 'token', secret: true, isSet: true },
    ]);
    expect(fake.secrets.get(`${environment.id}:token`)).toBe(SECRET);
    await waitFor(() => expect((screen.getAllByTestId('env-variable-value')[1] as HTMLInputElement).placeholder).toMatch(/Secret, set/));
    expect(pageText()).not.toContain(SECRET);
  });

  it('flags a bad name and a duplicate before saving', async () => {
    const environment = sampleEnvironment();
    fake.environments.push(environment);
    renderWithQueries(<EnvironmentEditor environment={environment} onSaved={() => {}} />);
    fireEvent.click(screen.getByTestId('env-variable-add'));
    fireEvent.change(screen.getByTestId('env-variable-name'), { target: { value: 'has space' } });
    expect(screen.getByTestId('env-variable-error').textContent).toMatch(/letters, digits/);
    expect(screen.getByTestId('env-variable-name').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByTestId('env-save'));
    expect(screen.getByTestId('env-save-blocked')).toBeTruthy();
    expect(fake.calls.some((call) => call.method === 'saveVariables')).toBe(false);
  });
});

describe('variableHint', () => {
  const preview: VariablePreview = {
    environmentId: 'env-1',
    environmentName: 'Staging',
    variables: [
      { name: 'domain', kind: 'built-in', value: 'mg.example.com' },
      { name: 'list', kind: 'plain', value: 'news@mg.example.com' },
      { name: 'token', kind: 'secret', isSet: true },
      { name: 'unset', kind: 'secret', isSet: false },
    ],
    undefinedNames: [],
  };

  it('shows what a value is sent as, and a secret only as set', () => {
    expect(variableHint('{{list}} on {{domain}}', preview)).toEqual({
      title: 'Sent as: news@mg.example.com on mg.example.com\n{{list}} = news@mg.example.com\n{{domain}} = mg.example.com',
    });
    expect(variableHint('Bearer {{token}}', preview)).toEqual({ title: '{{token}}: secret, set' });
    expect(variableHint('no variables', preview)).toEqual({});
  });

  it('flags a name the environment lacks and a secret without a value', () => {
    expect(variableHint(['{{foo}}'], preview).problem).toBe(
      '{{foo}} is not defined in environment Staging: define it in Environments → Variables.',
    );
    expect(variableHint('{{unset}}', preview).problem).toMatch(/secret with no value in Staging/);
    expect(variableHint('\\{{foo}}', preview)).toEqual({});
  });
});
