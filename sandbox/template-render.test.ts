import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInMailbox } from './mailbox';
import { renderTemplate, templateVariables } from './template-render';
import { startTestSandbox, type TestSandbox, US } from './test-support';

describe('template rendering', () => {
  it('renders Handlebars as Mailgun does: escaping, conditionals, loops and the equal helper', () => {
    const source =
      '<h1>Hi {{name}}</h1>{{#if vip}}<b>VIP</b>{{else}}<i>regular</i>{{/if}}<ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>{{#equal plan "pro"}}PRO{{else}}FREE{{/equal}}';
    expect(renderTemplate(source, { name: '<Ann>', vip: true, items: ['a', 'b'], plan: 'pro' })).toEqual({
      ok: true,
      html: '<h1>Hi &lt;Ann&gt;</h1><b>VIP</b><ul><li>a</li><li>b</li></ul>PRO',
    });
    expect(renderTemplate('{{missing}}!', {})).toEqual({ ok: true, html: '!' });
    expect(renderTemplate('{{#if}}', {})).toMatchObject({ ok: false });
  });

  it('never reaches prototypes', () => {
    expect(renderTemplate('{{constructor.name}}|{{__proto__}}', {})).toEqual({ ok: true, html: '|' });
    const variables = templateVariables({}, undefined, '{"__proto__": {"polluted": true}, "a": 1}');
    expect(variables).toEqual({ ok: true, variables: { a: 1 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets t:variables win over h:X-Mailgun-Variables and v: fields', () => {
    expect(templateVariables({ name: 'v-field', city: 'Oslo' }, '{"name": "header", "n": 2}', '{"name": "t-vars"}')).toEqual({
      ok: true,
      variables: { name: 't-vars', city: 'Oslo', n: 2 },
    });
    expect(templateVariables({}, undefined, '[1]')).toEqual({ ok: false, message: "'t:variables' must be a JSON object" });
  });
});

describe('sending with a template', () => {
  let t: TestSandbox;
  beforeEach(async () => {
    t = await startTestSandbox();
  });
  afterEach(async () => {
    await t.close();
  });

  async function storedHtml(id: string): Promise<string> {
    const state = await t.sandbox.admin.state();
    const domain = state.regions.us.domains.find((d) => d.name === US);
    const stored = domain?.stored.find((m) => m.messageId === id);
    return findInMailbox(state, 'us', US, stored?.key ?? '', Date.now())?.message.html ?? '';
  }

  it('stores and serves the rendered HTML, with t:variables', async () => {
    const sent = await t.call(`/v3/${US}/messages`, {
      form: { from: `shop@${US}`, to: 'ann@example.com', subject: 'Hi', template: 'welcome', 't:variables': '{"name": "Ann"}' },
    });
    expect(sent.status).toBe(200);
    expect(await storedHtml(sent.body.id)).toBe('<h1>Welcome, Ann!</h1><p>Thanks for joining.</p>');
  });

  it('uses h:X-Mailgun-Variables and a chosen version', async () => {
    const sent = await t.call(`/v3/${US}/messages`, {
      form: {
        from: `shop@${US}`,
        to: 'ann@example.com',
        subject: 'Hi',
        template: 'welcome',
        't:version': 'v2',
        'h:X-Mailgun-Variables': '{"name": "Bo"}',
      },
    });
    expect(await storedHtml(sent.body.id)).toBe('<h1>Hello Bo</h1><p>Your account is ready.</p>');
  });

  it('answers 400 for variables that are not a JSON object', async () => {
    const sent = await t.call(`/v3/${US}/messages`, {
      form: { from: `shop@${US}`, to: 'ann@example.com', subject: 'Hi', template: 'welcome', 't:variables': 'name=Ann' },
    });
    expect(sent).toMatchObject({ status: 400, body: { message: "'t:variables' must be a JSON object" } });
  });
});
