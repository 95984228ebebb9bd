import { readFile, writeFile } from 'node:fs/promises';
import type { Figure } from './stats';

export interface BenchReport {
  readonly date: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    readonly node: string;
    readonly chromium: string;
  };
  readonly figures: readonly Figure[];
}

function format(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return '—';
  const digits = unit === 'x' ? 2 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit === 'x' ? 'x' : ` ${unit}`}`;
}

/** Prints name, median, p95, target and ratio; with a baseline, also the change and a regression flag over 20%. */
export function printTable(report: BenchReport, baseline?: BenchReport): number {
  const previous = new Map(baseline?.figures.map((f) => [f.name, f]) ?? []);
  const rows = report.figures.map((f) => {
    const ratio = f.target === undefined ? '' : `${(f.median / f.target).toFixed(2)} of target${f.median <= f.target ? '' : '  MISSED'}`;
    const before = previous.get(f.name);
    let change = '';
    if (before && Number.isFinite(before.median) && before.median > 0) {
      const factor = f.median / before.median;
      change = `${factor.toFixed(2)}x baseline${factor > 1.2 ? '  REGRESSION' : ''}`;
    }
    return [
      f.name,
      format(f.median, f.unit),
      format(f.p95, f.unit),
      f.target === undefined ? '' : format(f.target, f.unit),
      ratio,
      change,
      f.note ?? '',
    ];
  });
  const header = ['benchmark', 'median', 'p95', 'target', 'ratio to target', baseline ? 'vs baseline' : '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  const regressions = rows.filter((r) => (r[5] ?? '').includes('REGRESSION')).length;
  const missed = rows.filter((r) => (r[4] ?? '').includes('MISSED')).length;
  console.log(`\n${report.figures.length} figures, ${missed} targets missed${baseline ? `, ${regressions} regressions over 20%` : ''}`);
  return regressions;
}

export async function readReport(file: string): Promise<BenchReport> {
  return JSON.parse(await readFile(file, 'utf8')) as BenchReport;
}

export async function writeReport(file: string, report: BenchReport): Promise<void> {
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
