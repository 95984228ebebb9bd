import type { Domain, SandboxState, SendingIp } from './state';

/**
 * Sample data for the simulations added last (dynamic IP pools, pool
 * delegation, inbox placement, the IP allowlist, a tracking certificate), named
 * as the catalog's examples name them so those examples work as given.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SUBACCOUNT = '646d00a1b32c35364a2ad34f';
const POOL = '658041ae44842b99ee2eaa1b';
const SEED_LIST_ADDRESS = 'ibp-5d3f9a2c-1b4e-4c7d-9e8f-0a1b2c3d4e5f@example.com';

/** Dedicated documentation addresses (TEST-NET-1) for the dynamic pools, apart from the three sample IPs. */
function dynamicIps(): SendingIp[] {
  return ['192.0.2.11', '192.0.2.12', '192.0.2.13', '192.0.2.14', '192.0.2.15', '192.0.2.16'].map((ip) => ({
    ip,
    dedicated: true,
    rdns: `ip-${ip.replace(/\./g, '-')}.sandbox.mailgun.invalid`,
    warmup: false,
  }));
}

export function seedSimulations(state: SandboxState, us: Domain, now: number): void {
  state.ips.push(...dynamicIps());
  state.dynamicPools = {
    id: '68d17866ba9d5506cbc2e270',
    ips: { dynamic_good: ['192.0.2.11', '192.0.2.12'], dynamic_poor: ['192.0.2.13'], dynamic_new: ['192.0.2.14'] },
  };
  us.dynamicPool = { enrolled_at: now - 20 * DAY, band: 'dynamic_good', override: null, fallback_ip: 'shared' };
  state.dynamicHistory = [
    {
      id: '68d16780d1ffb196ac7b2cce',
      account_id: '5f1c0a2b3d4e5f6a7b8c9d0e',
      account_name: 'Sandbox account',
      domain_id: us.id,
      domain_name: us.name,
      new_band: 'dynamic_good',
      prev_band: 'dynamic_new',
      reason: 'enrolled: bounce_rate and complaint_rate in good threshold',
      bounce_rate: 0,
      complaint_rate: 0,
      processed_count: 12,
      initiated_by: 'user',
      timestamp: now - 20 * DAY,
    },
  ];
  const pool = state.ipPools.find((p) => p.pool_id === POOL);
  if (pool) pool.delegates.push(SUBACCOUNT);
  state.ipAllowlist = [
    { ip_address: '192.0.2.50', description: 'Office gateway' },
    { ip_address: '192.0.2.51', description: 'Build server' },
  ];
  us.trackingCertificate = { requested_at: now - 10 * DAY, serial: '5a1db0c3e2f94b7e8c6d0a1f2b3c4d5e' };

  const listCreated = now - 12 * DAY;
  const seeds = [
    { email: 'seed-one@example.net', provider: 'gmail.com' },
    { email: 'seed-two@example.org', provider: 'yahoo.com' },
  ];
  state.inbox = {
    seedlists: [
      {
        kid: '610abd2009b08f382ac86c45',
        name: 'September newsletter',
        created_at: listCreated,
        updated_at: listCreated,
        target_email: SEED_LIST_ADDRESS,
        seeds,
        provider_filter: ['gmail.com', 'yahoo.com'],
        seed_filter: '.*',
        sending_domains: [],
        remote_id: '',
        is_auto_generated: false,
      },
    ],
    results: [
      {
        rid: '64f1a2b3c4d5e6f708192a3b',
        result_id: '12345678-1234-4234-9234-123456789012',
        kid: '610abd2009b08f382ac86c45',
        keybox_email: SEED_LIST_ADDRESS,
        seedlist_name: 'September newsletter',
        subject: 'Your September update',
        sender: `news@${us.name}`,
        created_at: now - 11 * DAY,
        seeds: seeds.map((s, i) => ({ ...s, arrives_at: now - 11 * DAY + (i + 1) * 15_000, destination: 'inbox', auth: 'pass' })),
        sharing: { enabled: true, url_id: 'c2hhcmUtOTg3NjU0', expires_at: now + 19 * DAY },
      },
    ],
  };
}
