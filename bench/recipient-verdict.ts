import { startSupportHarness } from '../electron/services/support/test-harness';
import { SANDBOX_US_DOMAIN } from '../shared/sandbox/constants';
import { type Figure, figure } from './stats';

/**
 * The recipient verdict over 20 domains in two regions (10 each) against the
 * sandbox, through the app's real sender, pipeline and history: the time of
 * one whole verdict and how many Mailgun calls it made, all run in parallel
 * within the tools' concurrency limit.
 */
export async function recipientVerdict(runs = 5): Promise<Figure[]> {
  const harness = await startSupportHarness();
  try {
    for (const region of ['us', 'eu'] as const) {
      // The sandbox seeds one domain per region; nine more each make twenty.
      for (let i = 1; i <= 9; i++) {
        const created = await harness.sandbox.call('/v4/domains', { region, form: { name: `bench-${region}-${i}.example.com` } });
        if (created.status !== 200) throw new Error(`could not create a bench domain: ${created.status} ${created.text}`);
      }
    }
    await harness.sandbox.call(`/v3/${SANDBOX_US_DOMAIN}/messages`, {
      form: { from: `shop@${SANDBOX_US_DOMAIN}`, to: 'bench-bob@example.org', subject: 'Bench', text: 'x' },
    });
    const environment = await harness.addEnvironment();
    const times: number[] = [];
    let calls = 0;
    let domains = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const verdict = await harness.support.recipients.lookup({ environmentId: environment.id, address: 'bench-bob@example.com' });
      times.push(performance.now() - started);
      calls = verdict.calls.length;
      domains = verdict.domains.length;
      if (verdict.similar[0]?.address !== 'bench-bob@example.org')
        throw new Error(`the bench verdict missed the similar address: ${verdict.message}`);
    }
    const note = `${domains} domains in US and EU, ${calls} calls per verdict, at most 6 in flight`;
    console.log(`  recipient verdict: ${note}; median ${Math.round(figure('', 'ms', times).median)} ms`);
    return [figure('recipient verdict, 20 domains in 2 regions', 'ms', times, undefined, note)];
  } finally {
    await harness.close();
  }
}
