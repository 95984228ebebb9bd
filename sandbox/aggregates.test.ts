import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
  await t.call(`/v3/domains/${US}/tracking/open`, { method: 'PUT', form: { active: 'yes' } });
});
afterEach(async () => {
  await t.close();
});

async function send(to: string, tag: string): Promise<void> {
  const sent = await t.call(`/v3/${US}/messages`, { form: { from: `shop@${US}`, to, subject: 'Hi', text: 'Hi', 'o:tag': tag } });
  expect(sent.status).toBe(200);
}

describe('country, device and provider aggregates', () => {
  it('count what each domain and tag saw', async () => {
    const before = (await t.call(`/v3/${US}/aggregates/providers`)).body.providers['agg.example'] ?? { accepted: 0, opened: 0 };
    await send('one@agg.example', 'agg');
    await send('two@agg.example', 'agg');
    const providers = (await t.call(`/v3/${US}/aggregates/providers`)).body.providers['agg.example'];
    expect(providers).toMatchObject({ accepted: before.accepted + 2, opened: before.opened + 2, unsubscribed: 0 });
    expect((await t.call(`/v3/${US}/aggregates/countries`)).body.countries.us.opened).toBeGreaterThanOrEqual(2);
    expect((await t.call(`/v3/${US}/aggregates/devices`)).body.devices.desktop.accepted).toBe(0);

    expect((await t.call(`/v3/${US}/tags/agg/stats/aggregates/providers`)).body).toEqual({
      tag: 'agg',
      providers: { 'agg.example': { opened: 2, clicked: 0 } },
    });
    expect((await t.call(`/v3/${US}/tags/agg/stats/aggregates/countries`)).body).toEqual({
      tag: 'agg',
      countries: { us: { opened: 2, clicked: 0 } },
    });
    expect((await t.call(`/v3/${US}/tag/stats/aggregates?tag=agg&type=device`)).body).toMatchObject({
      tag: 'agg',
      device: { desktop: { opened: 2 } },
    });
    expect((await t.call(`/v3/${US}/tag/stats/aggregates?tag=agg&type=colour`)).status).toBe(400);
    expect((await t.call(`/v3/${US}/tags/none-such/stats/aggregates/devices`)).status).toBe(404);
    expect((await t.call(`/v3/domains/${US}/tag/providers`)).body.items).toContain('agg.example');
    expect((await t.call(`/v3/domains/${US}/tag/devices`)).body.items).toContain('desktop');
  });
});

describe('mailing list CSV upload', () => {
  it('adds the members of the file, with the default subscription for rows that set none', async () => {
    const form = new FormData();
    form.append(
      'members',
      new Blob(['address,name,subscribed,vars\ncsv-one@example.com,One,,\ncsv-two@example.com,Two,no,"{""a"":1}"\n']),
      'members.csv',
    );
    form.append('subscribed', 'yes');
    const uploaded = await t.call(`/v3/lists/team@${US}/members.csv`, { form });
    expect(uploaded.body).toMatchObject({ message: 'Bulk member upload queued', list: { address: `team@${US}` } });
    const members = (await t.call(`/v3/lists/team@${US}/members`)).body.items;
    expect(members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address: 'csv-one@example.com', name: 'One', subscribed: true }),
        expect.objectContaining({ address: 'csv-two@example.com', subscribed: false, vars: { a: 1 } }),
      ]),
    );
    expect((await t.call(`/v3/lists/team@${US}/members.csv`, { form })).status).toBe(400);
    const noColumn = new FormData();
    noColumn.append('members', new Blob(['email\nx@example.com\n']), 'members.csv');
    expect((await t.call(`/v3/lists/team@${US}/members.csv`, { form: noColumn })).status).toBe(400);
  });
});
