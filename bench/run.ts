// npm run bench: the app against a bare node:http server rendering the same template, in the same
// run, on this machine. Figures are printed as ratios against that baseline, never as a pass/fail:
// absolute numbers depend on the machine, ratios much less.
// Knobs: BENCH_REQUESTS (2000), BENCH_CONCURRENCY (10), BENCH_LOG_LEVEL (info, as in production).
import { ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { stylesheetHref } from '../src/web/static-files';
import { fire, LoadResult } from './load';
import type { FromTarget, ToTarget } from './protocol';
import { BASELINE_PATH, BENCH_USER, Scenario, SCENARIOS } from './scenarios';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const WARM_UP_REQUESTS = 200;
const TIME_LIMIT_MS = 15_000;
const HEADERS = { 'X-Forwarded-Proto': 'https' };

type Target = {
  port: number;
  child: ChildProcess;
  ask<T extends FromTarget['type']>(message: ToTarget, reply: T): Promise<Extract<FromTarget, { type: T }>>;
};

function startTarget(kind: 'app-server' | 'baseline-server'): Promise<Target> {
  // Request logs go to /dev/null: their cost counts, as in production, but their lines do not show.
  const child = fork(path.join(__dirname, kind + path.extname(__filename)), [], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_STYLESHEET: stylesheetHref() },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T extends FromTarget['type']>(type: T) =>
    new Promise<Extract<FromTarget, { type: T }>>((resolve, reject) => {
      const onMessage = (m: FromTarget) => {
        if (m.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(m as Extract<FromTarget, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`la cible ${kind} s'est arrêtée (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return next('ready').then(({ port }) => ({
    port,
    child,
    ask: (message, reply) => {
      const answer = next(reply);
      child.send(message);
      return answer;
    },
  }));
}

/** Signs in through the form, as a browser would: GET the form, POST it with its CSRF token. */
async function signIn(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const form = await fetch(`${base}/connexion`, { headers: HEADERS });
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('pas de jeton CSRF sur /connexion');
  const res = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...HEADERS, Cookie: cookieOf(form), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email: BENCH_USER.email, password: BENCH_USER.password }),
  });
  if (res.status !== 303) throw new Error(`connexion refusée (statut ${res.status})`);
  return cookieOf(res);
}

function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

type Row = { name: string; result: LoadResult; maxRssBytes: number };

async function measure(target: Target, path: string, headers: Record<string, string>, status: number) {
  const load = {
    port: target.port,
    path,
    headers,
    concurrency: CONCURRENCY,
    status,
    timeLimitMs: TIME_LIMIT_MS,
  };
  await fire({ ...load, requests: WARM_UP_REQUESTS });
  const result = await fire({ ...load, requests: REQUESTS });
  const { maxRssBytes } = await target.ask({ type: 'usage' }, 'usage');
  return { result, maxRssBytes };
}

async function runScenario(app: Target, scenario: Scenario, cookie: string): Promise<Row> {
  await app.ask({ type: 'prepare', scenario: scenario.name }, 'prepared');
  const headers = scenario.signedIn ? { ...HEADERS, Cookie: cookie } : HEADERS;
  return { name: scenario.name, ...(await measure(app, scenario.path, headers, scenario.status ?? 200)) };
}

function table(baseline: Row, rows: Row[]): string {
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  const x = (v: number, ref: number) => `×${(v / ref).toFixed(2)}`;
  const b = baseline.result;
  const head = ['', 'req/s', 'p50 ms', 'p95 ms', 'RSS max Mo', 'req/s', 'p50', 'p95', 'RSS', 'erreurs'];
  const lines = [baseline, ...rows].map((row) => {
    const r = row.result;
    return [
      row.name,
      r.requestsPerSecond.toFixed(0),
      r.p50.toFixed(2),
      r.p95.toFixed(2),
      mb(row.maxRssBytes),
      x(r.requestsPerSecond, b.requestsPerSecond),
      x(r.p50, b.p50),
      x(r.p95, b.p95),
      x(row.maxRssBytes, baseline.maxRssBytes),
      String(r.errors),
    ];
  });
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((cells) => cells[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rule = '-'.repeat(format(head).length);
  return [
    `${''.padEnd(widths[0]!)}  ${'mesures'.padEnd(widths.slice(1, 5).reduce((s, w) => s + w + 2, -2))}  rapport à la référence`,
    format(head),
    rule,
    ...lines.map(format),
  ].join('\n');
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? '?';
  console.log(
    `Node ${process.version}, ${os.cpus().length} cœur(s) ${cpu}; ` +
      `${REQUESTS} requêtes par cible (après ${WARM_UP_REQUESTS} d'échauffement), ${CONCURRENCY} à la fois, boucle locale.\n` +
      `Référence : node:http nu qui rend views/pages/sign-in.ejs dans views/layout.ejs (mêmes variables).\n` +
      `L'application : createApp en production, SQLite neuve ; RSS max = pic du processus depuis son démarrage.\n`,
  );
  const targets: Target[] = [];
  try {
    const baselineTarget = await startTarget('baseline-server');
    targets.push(baselineTarget);
    const app = await startTarget('app-server');
    targets.push(app);

    const baseline = {
      name: 'référence (node:http + EJS)',
      ...(await measure(baselineTarget, BASELINE_PATH, {}, 200)),
    };
    const cookie = await signIn(app.port);
    const rows: Row[] = [];
    for (const scenario of SCENARIOS) rows.push(await runScenario(app, scenario, cookie));

    console.log(table(baseline, rows));
    const failed = [baseline, ...rows].filter((r) => r.result.errors > 0);
    for (const row of failed)
      console.error(`\n${row.name} : ${row.result.errors} erreur(s), dont « ${row.result.firstError} »`);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    for (const target of targets) target.child.disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
