import type { HttpHeaderList } from '../../../../shared/requests/types';

/** Response headers in the order received. */
export function HeadersTable({ headers }: { headers: HttpHeaderList }) {
  if (headers.length === 0) return <p className="body-note">No headers were received.</p>;
  return (
    <div className="headers-view" data-testid="headers-view">
      <table className="headers-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {headers.map(([name, value], index) => (
            // Header names repeat (Set-Cookie), so the position is part of the key.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
            <tr key={`${name}-${index}`} data-testid="header-row">
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
