import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_INTERVAL_MS } from './resources/inbox-placement';
import { clearSimulationSeeds, startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
let now = Date.UTC(2026, 11, 1, 12);
beforeEach(async () => {
  now = Date.UTC(2026, 11, 1, 12);
  t = await startTestSandbox({ clock: () => now });
  await clearSimulationSeeds(t);
});
afterEach(async () => {
  await t.close();
});

describe('inbox placement seed lists', () => {
  it('are created, read by id or test address, listed, changed and deleted', async () => {
    const created = await t.call('/v4/inbox/seedlists?name=September&provider_filter=gmail.com&provider_filter=web.de', { method: 'POST' });
    expect(created.status).toBe(200);
    const list = created.body;
    expect(list).toMatchObject({
      name: 'September',
      provider_filter: ['gmail.com', 'web.de'],
      has_results: false,
      is_auto_generated: false,
    });
    expect(list.mailing_list.split(',')).toHaveLength(3);
    expect((await t.call(`/v4/inbox/seedlists/${list.kid}`)).body.seedlist.target_email).toBe(list.target_email);
    expect((await t.call(`/v4/inbox/seedlists/${list.target_email}`)).body.seedlist.kid).toBe(list.kid);
    expect((await t.call('/v4/inbox/seedlists')).body).toMatchObject({
      total: 1,
      items: [{ kid: list.kid }],
      paging: { next: expect.any(String) },
    });
    expect((await t.call('/v4/inbox/seedlists/a/name')).body).toEqual({ items: { attribute: 'name', values: ['September'] } });

    const renamed = await t.call(`/v4/inbox/seedlists/${list.kid}?name=October&regen=true`, { method: 'PUT' });
    expect(renamed.body.name).toBe('October');
    expect(renamed.body.target_email).not.toBe(list.target_email);
    expect((await t.call('/v4/inbox/seedlists?name=oct')).body.total).toBe(1);
    expect((await t.call(`/v4/inbox/seedlists/${list.kid}`, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(`/v4/inbox/seedlists/${list.kid}`)).status).toBe(404);
    expect((await t.call('/v4/inbox/seedlists?provider_filter=aol.com', { method: 'POST', form: { name: 'x' } })).status).toBe(400);
  });
});

describe('inbox placement tests', () => {
  it('report each seed as it arrives, then complete', async () => {
    const list = (await t.call('/v4/inbox/seedlists', { form: { name: 'Launch' } })).body;
    const run = await t.call('/v4/inbox/tests', {
      json: { from: `news@${US}`, subject: 'Launch', html: '<p>Hello</p>', seed_list: list.target_email },
    });
    expect(run.status).toBe(200);
    const id = run.body.result_id as string;
    expect(run.body.links.results).toBe(`${t.urls.usBaseUrl}/v4/inbox/results/${id}`);

    const at = async () => (await t.call(`/v4/inbox/results/${id}`)).body.result;
    expect(await at()).toMatchObject({ status: 'processing', delivery_stats: { all: { pending: 4, delivered: 0, total: 4 } } });
    now += SEED_INTERVAL_MS;
    expect((await at()).delivery_stats.all).toMatchObject({ pending: 3, delivered: 1, inbox: 1 });
    now += 4 * SEED_INTERVAL_MS;
    const done = await at();
    expect(done).toMatchObject({ status: 'completed', seedlist_name: 'Launch', sender: `news@${US}` });
    expect(done.seed_results.every((s: { destination: string; dkim: string }) => s.destination === 'inbox' && s.dkim === 'pass')).toBe(
      true,
    );
    expect((await t.call(`/v4/inbox/results/${id}?provider=gmail.com`)).body.result.seed_results).toHaveLength(1);
    expect((await t.call(`/v4/inbox/seedlists/${list.kid}`)).body.seedlist).toMatchObject({
      has_results: true,
      delivery_stats: { all: { inbox: 4 } },
    });
  });

  it('land in spam for a sender outside the account or a message that says spam', async () => {
    const stranger = await t.call('/v4/inbox/tests', { json: { from: 'someone@elsewhere.example', subject: 'Hi', html: '<p>x</p>' } });
    const spammy = await t.call('/v4/inbox/tests', { json: { from: `news@${US}`, subject: 'Not spam, honest', html: '<p>x</p>' } });
    now += 10 * SEED_INTERVAL_MS;
    const a = (await t.call(`/v4/inbox/results/${stranger.body.result_id}`)).body.result;
    expect(a.delivery_stats.all).toMatchObject({ spam: 4, inbox: 0 });
    expect(a.seed_results[0]).toMatchObject({ spf: 'fail', dkim: 'fail', dmarc: 'fail' });
    const b = (await t.call(`/v4/inbox/results/${spammy.body.result_id}`)).body.result;
    expect(b.delivery_stats.all.spam).toBe(4);
    expect(b.seed_results[0].dkim).toBe('pass');
    expect((await t.call('/v4/inbox/results?sender=someone')).body.total).toBe(1);
    expect((await t.call('/v4/inbox/results/a/subject')).body.items.values).toEqual(['Hi', 'Not spam, honest']);
    expect((await t.call('/v4/inbox/tests', { json: { from: `news@${US}`, subject: 'x' } })).status).toBe(400);
  });

  it('are shared by a public link while sharing is on, and deleted', async () => {
    const id = (await t.call('/v4/inbox/tests', { json: { from: `news@${US}`, subject: 'Share', html: '<p>x</p>' } })).body.result_id;
    const sharing = (await t.call(`/v4/inbox/sharing/${id}`)).body.sharing;
    expect(sharing).toMatchObject({ result_id: id, enabled: false });
    expect((await t.call(`/v4/inbox/sharing/public/${sharing.url_id}`)).status).toBe(404);
    expect((await t.call(`/v4/inbox/sharing/${id}?enabled=true`, { method: 'PUT' })).body.sharing.enabled).toBe(true);
    expect((await t.call(`/v4/inbox/sharing/public/${sharing.url_id}`)).body.result).toMatchObject({
      result_id: id,
      sharing_id: sharing.url_id,
    });
    expect((await t.call(`/v4/inbox/results/${id}`, { method: 'DELETE' })).body).toEqual({ Message: 'result deleted' });
    expect((await t.call(`/v4/inbox/results/${id}`)).status).toBe(404);
  });

  it('lists the providers the seeds live at', async () => {
    expect((await t.call('/v4/inbox/providers')).body.items.map((p: { domain: string }) => p.domain)).toEqual([
      'gmail.com',
      'yahoo.com',
      'outlook.com',
      'web.de',
    ]);
  });
});
