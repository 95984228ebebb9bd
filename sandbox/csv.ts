/** A small RFC 4180 reader for suppression imports: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(source: string, maxRows: number): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let i = 0;
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        value += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && value === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(value);
      value = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(value);
      value = '';
      if (row.some((cell) => cell !== '')) rows.push(row);
      if (rows.length > maxRows) return null;
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      value += ch;
    }
    i++;
  }
  if (quoted) return null;
  row.push(value);
  if (row.some((cell) => cell !== '')) rows.push(row);
  return rows.length > maxRows ? null : rows;
}
