import Papa from 'papaparse';
import type { AddressList } from '../../../shared/bulk-check/types';

/**
 * A customer's list of addresses, as pasted or exported from anywhere: one
 * address a line, or a CSV with a header row and the addresses in some column
 * ("Name <a@b.c>" is read as a@b.c). papaparse does the quoting rules; this
 * picks the column, skips the header, drops duplicates and names what is not
 * an address.
 */

export const MAX_ADDRESSES = 20_000;
const MAX_INVALID_LISTED = 100;
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const HEADER = /^(e-?mail|email address|address|recipient|to|e-mail address)$/i;

function addressIn(cell: string): string {
  const trimmed = cell.trim();
  const angle = /<([^<>]+)>\s*$/.exec(trimmed);
  return (angle?.[1] ?? trimmed)
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
}

function pickColumn(rows: readonly string[][]): number {
  const sample = rows.slice(0, 200);
  const width = Math.max(1, ...sample.map((row) => row.length));
  let best = 0;
  let bestScore = -1;
  for (let column = 0; column < width; column += 1) {
    const score = sample.filter((row) => ADDRESS.test(addressIn(row[column] ?? ''))).length;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}

export function parseAddressList(text: string, fileName: string | null = null, limit = MAX_ADDRESSES): AddressList {
  const clean = text.replace(/^\uFEFF/, '');
  let parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy' });
  // Quotes that break CSV's rules are most often a pasted `"Name" <address>`: read the text again taking quotes literally.
  if (parsed.errors.some((error) => error.type === 'Quotes'))
    parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', quoteChar: '\u0001' });
  const rows = parsed.data.filter((row) => row.some((cell) => cell.trim() !== ''));
  const column = pickColumn(rows);
  const first = rows[0]?.[column] ?? '';
  const headerSkipped = rows.length > 0 && !ADDRESS.test(addressIn(first)) && (HEADER.test(first.trim()) || rows.length > 1);
  const seen = new Set<string>();
  const addresses: string[] = [];
  const invalid: { row: number; value: string }[] = [];
  let invalidCount = 0;
  let duplicates = 0;
  let truncated = false;
  rows.forEach((row, index) => {
    if (index === 0 && headerSkipped) return;
    const raw = row[column] ?? '';
    const address = addressIn(raw);
    if (!ADDRESS.test(address)) {
      invalidCount += 1;
      if (invalid.length < MAX_INVALID_LISTED) invalid.push({ row: index + 1, value: raw.slice(0, 200) });
      return;
    }
    if (seen.has(address)) {
      duplicates += 1;
      return;
    }
    if (addresses.length >= limit) {
      truncated = true;
      return;
    }
    seen.add(address);
    addresses.push(address);
  });
  return { addresses, rows: rows.length, invalid, invalidCount, duplicates, headerSkipped, column: column + 1, fileName, truncated };
}
