// `npm run bench`: every benchmark against the built app, a table of figures
// against their targets, and a JSON report for later comparison
// (`npm run bench -- --compare bench/results/previous.json`).
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchBrowser, rendererDir } from './browser';
import { bundleSize } from './bundle-size';
import { executorOverhead } from './executor-overhead';
import { historyMemory } from './history-memory';
import { bulkCheckBench, liveTailBench } from './investigations';
import { recipientVerdict } from './recipient-verdict';
import { type BenchReport, printTable, readReport, writeReport } from './report';
import { responseRendering } from './response-rendering';
import { filterLatency, startup } from './startup';
import type { Figure } from './stats';
import { restoredTabsStartup, tabSwitching } from './tabs';

const { values } = parseArgs({
  options: {
    compare: { type: 'string' },
    out: { type: 'string' },
    quick: { type: 'boolean' },
    only: { type: 'string' },
    sizes: { type: 'string' },
  },
});
const quick = values.quick === true;
/** Response sizes in MB; `--sizes 0.04,50` picks some. */
const sizes = values.sizes?.split(',').map(Number) ?? (quick ? [0.04, 1, 10] : [0.04, 1, 10, 50, 100]);

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const figures: Figure[] = [];
const only = values.only?.split(',').map((name) => name.trim());
const step = async (name: string, run: () => Promise<Figure[]>) => {
  if (only && !only.includes(name)) return;
  process.stdout.write(`running ${name}…\n`);
  figures.push(...(await run()));
};

await step('bundle size', () => bundleSize(rendererDir));
await step('executor overhead', () => executorOverhead(quick ? 300 : 2000));
await step('recipient verdict', () => recipientVerdict(quick ? 2 : 5));
const browser = await BenchBrowser.start();
try {
  await step('startup', () => startup(browser, quick ? 4 : 12));
  await step('catalog filter', () => filterLatency(browser));
  await step('responses', () => responseRendering(browser, sizes, quick ? 1 : 3));
  await step('history memory', () => historyMemory(browser, quick ? 200 : 1000));
  await step('restored tabs', () => restoredTabsStartup(browser, quick ? 3 : 8));
  await step('tab switching', () => tabSwitching(browser, quick ? 10 : 20));
  await step('bulk check', () => bulkCheckBench(browser, quick ? 1000 : 5000));
  await step('live tail', () => liveTailBench(browser, quick ? 15 : 60, 50));
} finally {
  await browser.close();
}

const cpus = os.cpus();
const report: BenchReport = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    chromium: chromiumVersion(),
  },
  figures,
};
const out = values.out ?? path.join('bench', 'results', 'latest.json');
await mkdir(path.dirname(out), { recursive: true });
await writeReport(out, report);
console.log(
  `\n${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GB, Node ${report.machine.node}, ${report.machine.chromium}\n`,
);
const regressions = printTable(report, values.compare ? await readReport(values.compare) : undefined);
console.log(`report written to ${out}`);
process.exitCode = regressions > 0 ? 1 : 0;
