import { regionHosts } from '../../../shared/environments/region-hosts';
import { isOfficialRegion, regionLabels } from '../../../shared/environments/regions';
import type { Environment } from '../../../shared/environments/types';

/** The hosts of the environment's region, at hand for a customer's SMTP, DNS and firewall questions. */
export function RegionHostsFacts({ environment }: { environment: Environment }) {
  if (!isOfficialRegion(environment.region)) {
    return (
      <p className="support-muted" data-testid="support-region-hosts">
        This environment uses a custom base URL, so its region’s hosts are not known here.
      </p>
    );
  }
  const hosts = regionHosts[environment.region];
  const rows: [string, string][] = [
    ['REST API', hosts.api],
    ['Outgoing SMTP', `${hosts.smtp}, ports ${hosts.smtpPorts.join(', ')}`],
    ['Inbound MX', hosts.mx.join(', ')],
    ['Tracking CNAME target', hosts.tracking],
  ];
  return (
    <div className="support-region-hosts" data-testid="support-region-hosts">
      <h3 className="support-subtitle">Hosts of the {regionLabels[environment.region]} region</h3>
      <dl className="support-facts">
        {rows.map(([label, value]) => (
          <div key={label} className="support-fact-row">
            <dt>{label}</dt>
            <dd className="support-mono">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="support-hint">{hosts.dataStays}</p>
    </div>
  );
}
