// « Importer des clients » at its limit: 10,000 valid rows (a French Excel CSV of about 3 MB),
// uploaded to the real app over HTTP, previewed, then confirmed. Prints how long the preview (the
// upload's POST, until its redirect) and the import (the confirmation's POST) take, and how much the
// process's RSS grows during each. Runs on its own, in one process with the app, on SQLite:
//   npx tsx bench/import.ts            (BENCH_IMPORT_ROWS=… to change the size)
// Targets (issue 12): preview ≤ 3 s, import ≤ 10 s, RSS growth during the import ≤ 150 MB.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { createApp } from '../src/app';
import { importColumns } from '../src/clients/import/columns';
import { templateCsv } from '../src/clients/import/template';
import { readConfig } from '../src/config';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { services as buildServices } from '../src/services';
import { createLogger } from '../src/web/request-logging';
import { warmUp } from '../src/warm-up';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const USER = {
  company: 'Mesure Import',
  email: 'import@bench.test',
  password: 'mesure-mesure-mesure',
  role: 'partner' as const,
};

/** Cells a spreadsheet would leave empty: those the import fills with the form's default anyway. */
const LEFT_EMPTY = [
  '1.universe',
  '1.guaranteeType',
  '1.website',
  '1.legalForm',
  '2.country',
  '2.openingHours',
  '3.accountHolder',
  '3.billingEmail',
  '3.paymentMethod',
  '3.paymentTerms',
  '3.vatRegime',
  '3.paperInvoice',
  '3.country',
  '1.enCreation',
];

/**
 * The model's example row, ROWS times, each with its own reference and name, as Excel writes it
 * (10,000 rows of the full example would pass the 5 MB limit; defaults left empty keep it under).
 */
function benchFile(): Buffer {
  const [header, example] = templateCsv().slice(1).split('\r\n');
  const at = (key: string) => importColumns().findIndex((c) => c.key === key);
  const cells = example!.split(';');
  for (const key of LEFT_EMPTY) cells[at(key)] = '';
  const lines = [header];
  for (let i = 1; i <= ROWS; i++) {
    const row = [...cells];
    row[at('1.reference')] = `BENCH-${String(i).padStart(6, '0')}`;
    row[at('1.raisonSociale')] = `Boulangerie Martin ${i}`;
    lines.push(row.join(';'));
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'win1252');
}

/** A tiny cookie-keeping client: what a browser does, over real HTTP. */
function client(base: string) {
  let cookie = '';
  const headers = () => ({ cookie, 'x-forwarded-proto': 'https' });
  const keep = (res: Response) => {
    const set = res.headers.getSetCookie?.() ?? [];
    if (set.length) cookie = set.map((c) => c.split(';')[0]).join('; ');
  };
  const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return {
    async get(url: string) {
      const res = await fetch(base + url, { headers: headers(), redirect: 'manual' });
      keep(res);
      return { res, html: await res.text() };
    },
    async post(url: string, body: URLSearchParams | FormData) {
      const res = await fetch(base + url, { method: 'POST', body, headers: headers(), redirect: 'manual' });
      keep(res);
      await res.text();
      return res;
    },
    token,
  };
}

/** Runs `work` while sampling the RSS; returns its duration and the RSS growth over the start. */
async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const value = await work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, seconds: ms / 1000, growthMb: (peak - before) / 1024 / 1024 };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'myopenip-bench-import-'));
  const config = readConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`,
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: 'warn',
  });
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const services = buildServices(db, config);
  await services.signIn.createUser(USER);
  const logger = createLogger('warn');
  // As src/server.ts does before it listens: the postal index is built at start, not by the first import.
  warmUp(logger);
  const server = http.createServer(createApp({ config, logger, services }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const browser = client(base);
    const signIn = await browser.get('/connexion');
    const form = new URLSearchParams({
      _csrf: browser.token(signIn.html),
      email: USER.email,
      password: USER.password,
    });
    await browser.post('/connexion', form);
    const bytes = benchFile();
    const upload = await browser.get('/clients/importer');
    const body = new FormData();
    body.append('_csrf', browser.token(upload.html));
    body.append('fichier', new Blob([bytes]), 'bench.csv');

    const preview = await measured(() => browser.post('/clients/importer', body));
    const location = preview.value.headers.get('location');
    if (preview.value.status !== 303 || !location) throw new Error(`aperçu : statut ${preview.value.status}`);
    const page = await browser.get(location);
    const button = /Importer ([\d\s\u202f]+) clients/.exec(page.html)?.[1]?.replace(/\D/g, '');
    if (Number(button) !== ROWS) throw new Error(`aperçu : ${button} clients à importer au lieu de ${ROWS}`);

    const confirmation = new URLSearchParams({ _csrf: browser.token(page.html) });
    const imported = await measured(() => browser.post(`${location}/confirmer`, confirmation));
    const created = Number((await db('clients').where('state', 'active').count({ n: '*' }).first())!.n);
    if (created !== ROWS) throw new Error(`import : ${created} clients activés au lieu de ${ROWS}`);

    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    console.log(
      `Import de ${ROWS.toLocaleString('fr-FR')} lignes valides (CSV Windows-1252, ${mb} Mo), SQLite`,
    );
    console.log(
      `  aperçu  : ${preview.seconds.toFixed(2)} s (cible ≤ 3 s), RSS +${preview.growthMb.toFixed(0)} Mo`,
    );
    console.log(
      `  import  : ${imported.seconds.toFixed(2)} s (cible ≤ 10 s), RSS +${imported.growthMb.toFixed(0)} Mo (cible ≤ 150 Mo)`,
    );
  } finally {
    server.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
