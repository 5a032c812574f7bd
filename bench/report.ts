// The run's figures as docs/BENCHMARKS.md shows them: the ratios against the targets of issue 13,
// then every measure. Only the part between the two markers is rewritten; the prose around it (the
// profile, what each change bought) is kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { projectRoot } from '../src/paths';
import { median, type Measure } from './load';
import type { settings } from './settings';

export type Round = Record<'bare' | 'express' | 'floor' | 'get' | 'getBig' | 'expressPost' | 'post', Measure>;

export type Results = {
  date: Date;
  node: string;
  cpus: number;
  cpu: string;
  pinned: boolean;
  database: string;
  settings: typeof settings;
  partnerSeedMs: number;
  rounds: Round[];
  journey: { customersPerSecond: number; customers: number };
  lists: {
    size: number;
    seedMs: number;
    rssBytes: number;
    maxRssBytes: number;
    rows: { page: string; connections: number; measure: Measure }[];
  }[];
  rssBytes: number;
  maxRssBytes: number;
};

// BENCH_SECTION names the run (e.g. « 1m » for one on a million customers): each has its section.
const sectionName = process.env.BENCH_SECTION ?? 'default';
const START = `<!-- bench:start ${sectionName} (written by npm run bench) -->`;
const END = `<!-- bench:end ${sectionName} -->`;
const reportFile = path.join(projectRoot, 'docs', 'BENCHMARKS.md');

const fr = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (n: number) => n.toFixed(3);
const mb = (bytes: number) => `${fr(bytes / 1024 / 1024)} MB`;

function verdict(value: number, target: number, atLeast: boolean): string {
  const met = atLeast ? value >= target : value <= target;
  if (met) return 'met';
  const by = atLeast ? value / target : target / value;
  return `**missed** (${fr(by * 100)} % of the target)`;
}

export function render(r: Results): string {
  const per = (f: (round: Round) => number) => median(r.rounds.map(f));
  const rps = (k: keyof Round) => per((x) => x[k].requestsPerSecond);
  const express = rps('express');
  const get = per((x) => x.get.requestsPerSecond / x.express.requestsPerSecond);
  const floor = per((x) => x.floor.requestsPerSecond / x.express.requestsPerSecond);
  const post = per((x) => x.post.requestsPerSecond / x.expressPost.requestsPerSecond);
  const big = per((x) => x.getBig.requestsPerSecond / x.get.requestsPerSecond);
  const bare = per((x) => x.bare.requestsPerSecond / x.express.requestsPerSecond);
  const nearest = (size: number) =>
    [...r.lists].sort((a, b) => Math.abs(a.size - size) - Math.abs(b.size - size))[0];
  const find = (size: number, page: string, connections: number) =>
    nearest(size)?.rows.find((x) => x.page.startsWith(page) && x.connections === connections);
  const largest = r.lists[r.lists.length - 1];
  const at = (size?: number) => (size ? `${fr(size)} customers` : 'not measured');

  const first100k = find(100_000, 'première page', 32);
  const firstLargest = largest?.rows.find((x) => x.page.startsWith('première page') && x.connections === 1);
  const searchLargest = largest?.rows.find((x) => x.page.startsWith('recherche') && x.connections === 1);
  const lines = [
    `Run of ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC — Node ${r.node}, ${r.cpus} × ${r.cpu}, ` +
      `${r.database}, production mode; servers ${r.pinned ? 'pinned to core 0 with taskset, load from core 1' : 'not pinned (no taskset)'}; ` +
      `${r.settings.rounds} alternating rounds of ${r.settings.seconds} s, ${r.settings.connections} connections, autocannon; medians.`,
    '',
    '| Figure | Measured | Target | |',
    '|---|---|---|---|',
    `| signed-in GET of step 1 ÷ express \`res.send\` of the same bytes | ${ratio(get)} | ≥ 0.25 (stretch 0.50) | ${verdict(get, 0.25, true)} |`,
    `| POST of a valid step 1 → 303 ÷ express POST (urlencoded + 303) | ${ratio(post)} | ≥ 0.15 | ${verdict(post, 0.15, true)} |`,
    first100k
      ? `| Mes clients, first page, ${at(nearest(100_000)?.size)}, 32 at once ÷ express ceiling | ${ratio(first100k.measure.requestsPerSecond / express)} (p50 ${first100k.measure.p50} ms, p99 ${first100k.measure.p99} ms) | ≥ 0.10 | ${verdict(first100k.measure.requestsPerSecond / express, 0.1, true)} |`
      : '| Mes clients, first page at 100k | not measured | ≥ 0.10 | |',
    firstLargest
      ? `| Mes clients, first page, ${at(largest?.size)}, 1 at a time: p99 | ${firstLargest.measure.p99} ms | ≤ 15 ms at 1M | ${largest!.size >= 1_000_000 ? verdict(firstLargest.measure.p99, 15, false) : 'run with BENCH_1M=1 for 1M'} |`
      : '',
    `| GET step 1, partner with ${fr(r.settings.partnerClients)} customers ÷ empty partner | ${ratio(big)} | ≥ 0.9 | ${verdict(big, 0.9, true)} |`,
    searchLargest
      ? `| search « ecole », ${at(largest?.size)}, 1 at a time: p50 / p99 | ${searchLargest.measure.p50} / ${searchLargest.measure.p99} ms | ≤ 50 ms at 1M | ${largest!.size >= 1_000_000 ? verdict(searchLargest.measure.p50, 50, false) : 'run with BENCH_1M=1 for 1M'} |`
      : '',
    `| RSS of the app after the list's loads (${at(largest?.size)}) | ${mb(r.rssBytes)} (highest since start, seeding included: ${mb(r.maxRssBytes)}) | ≤ 200 MB | ${verdict(r.rssBytes / 1024 / 1024, 200, false)} |`,
    `| bare node:http ÷ express \`res.send\` (for scale) | ${ratio(bare)} | — | |`,
    `| the cheapest signed-in page (« Entreprise »: the session with its user, then a small page) ÷ express (what the stack leaves, for scale) | ${ratio(floor)} | — | |`,
    `| complete customers per second (${r.settings.users} people, 4 steps and activation, 10 requests each) | ${fr(r.journey.customersPerSecond, 1)} | — | |`,
    '',
    'Each round, requests per second (p50 / p99 in ms):',
    '',
    '| Round | node:http | express | Entreprise | GET step 1 | GET step 1, big partner | express POST | POST step 1 |',
    '|---|---|---|---|---|---|---|---|',
    ...r.rounds.map(
      (x, i) =>
        `| ${i + 1} | ${(['bare', 'express', 'floor', 'get', 'getBig', 'expressPost', 'post'] as const)
          .map((k) => `${fr(x[k].requestsPerSecond)} (${x[k].p50} / ${x[k].p99})`)
          .join(' | ')} |`,
    ),
    '',
    'Mes clients as staff (every partner), each for one run of the duration:',
    '',
    '| Customers | Page | At once | req/s | p50 ms | p99 ms | ÷ express |',
    '|---|---|---|---|---|---|---|',
    ...r.lists.flatMap((l) =>
      l.rows.map(
        (x) =>
          `| ${fr(l.size)} | ${x.page} | ${x.connections} | ${fr(x.measure.requestsPerSecond)} | ${x.measure.p50} | ${x.measure.p99} | ${ratio(x.measure.requestsPerSecond / express)} |`,
      ),
    ),
    '',
    `Seeding by \`npm run db:seed\` in a process of its own: ${fr(r.settings.partnerClients)} customers for one partner in ${fr(r.partnerSeedMs / 1000, 1)} s; ` +
      r.lists.map((l) => `up to ${fr(l.size)} in ${fr(l.seedMs / 1000, 1)} s`).join(', ') +
      '. RSS after the loads at each size: ' +
      r.lists
        .map((l) => `${fr(l.size)} → ${mb(l.rssBytes)} (highest so far ${mb(l.maxRssBytes)})`)
        .join(', ') +
      '.',
  ];
  return lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n');
}

/** Written as `npm run lint` (prettier) wants it, so that a run leaves the tree clean. */
export async function writeReport(results: Results, write: boolean): Promise<string> {
  const section = render(results);
  if (!write) return section;
  const old = existsSync(reportFile)
    ? readFileSync(reportFile, 'utf8')
    : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = old.indexOf(START);
  const to = old.indexOf(END);
  const next =
    from >= 0 && to > from
      ? old.slice(0, from + START.length) + '\n' + section + '\n' + old.slice(to)
      : `${old.trimEnd()}\n\n${START}\n${section}\n${END}\n`;
  const options = (await prettier.resolveConfig(reportFile)) ?? {};
  writeFileSync(reportFile, await prettier.format(next, { ...options, parser: 'markdown' }));
  return section;
}
