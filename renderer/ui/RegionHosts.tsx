import { regionHosts } from '../../shared/environments/region-hosts';
import { isOfficialRegion, regionLabels } from '../../shared/environments/regions';
import type { Region } from '../../shared/environments/types';
import { CopyButton } from './CopyButton';

export interface RegionHostsProps {
  readonly region: Region;
  readonly testId: string;
  /** Folded under a "Region hosts" summary, for forms that should stay compact. */
  readonly disclosure?: boolean;
}

function Host({ name, testId }: { name: string; testId: string }) {
  return (
    <span className="ui-host">
      <code>{name}</code>
      <CopyButton value={name} label={name} testId={`${testId}-copy-${name}`} />
    </span>
  );
}

/**
 * The hosts of a Mailgun region (REST, outgoing SMTP and its ports, inbound
 * MX, tracking CNAME target) with a copy button each, and which data stays in
 * the region: what a customer's SMTP, DNS and firewall questions need.
 */
export function RegionHosts({ region, testId, disclosure = false }: RegionHostsProps) {
  const title = isOfficialRegion(region) ? `Hosts of the ${regionLabels[region]} region` : 'Region hosts';
  const body = isOfficialRegion(region) ? (
    <>
      <dl className="ui-hosts">
        <div className="ui-hosts-row">
          <dt>REST API</dt>
          <dd>
            <Host name={regionHosts[region].api} testId={testId} />
          </dd>
        </div>
        <div className="ui-hosts-row">
          <dt>Outgoing SMTP</dt>
          <dd>
            <Host name={regionHosts[region].smtp} testId={testId} />
          </dd>
        </div>
        <div className="ui-hosts-row">
          <dt>SMTP ports</dt>
          <dd data-testid={`${testId}-ports`}>{regionHosts[region].smtpPorts.join(', ')}</dd>
        </div>
        <div className="ui-hosts-row">
          <dt>Inbound MX</dt>
          <dd>
            {regionHosts[region].mx.map((host) => (
              <Host key={host} name={host} testId={testId} />
            ))}
          </dd>
        </div>
        <div className="ui-hosts-row">
          <dt>Tracking CNAME target</dt>
          <dd>
            <Host name={regionHosts[region].tracking} testId={testId} />
          </dd>
        </div>
      </dl>
      <p className="ui-hosts-note">{regionHosts[region].dataStays}</p>
    </>
  ) : (
    <p className="ui-hosts-note">This environment uses a custom base URL, so its region’s hosts are not known here.</p>
  );
  if (disclosure) {
    return (
      <details className="ui-hosts-disclosure" data-testid={testId} data-region={region}>
        <summary>
          Region hosts<span className="ui-hosts-summary-detail"> · {isOfficialRegion(region) ? regionLabels[region] : 'custom URL'}</span>
        </summary>
        {body}
      </details>
    );
  }
  return (
    <div className="ui-hosts-block" data-testid={testId} data-region={region}>
      <h3 className="ui-hosts-title">{title}</h3>
      {body}
    </div>
  );
}
