// npm run bench: the app against the ceilings it cannot beat, in one run, on this machine. The
// servers share one core (pinned with taskset where it exists), the load comes from the other.
// Only one server is under load at a time, in alternating rounds; each figure is the median of the
// rounds and is read as a ratio against express sending the same bytes in the same run, because
// absolute numbers on a shared machine say little. Knobs: bench/settings.ts.
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { BenchBrowser, stepForm } from './browser';
import { journeys, STEP_1 } from './journeys';
import { cannon, type Load, type Measure } from './load';
import { pin, start, type Target } from './protocol';
import { writeReport, type Results } from './report';
import { settings } from './settings';

const PASSWORD = 'demo-demo-demo';
const STEP_1_PATH = '/clients/nouveau?nouveau=1';
const SEARCH = 'ecole';

const log = (line: string) => console.log(line);

/** `npm run db:seed -- --clients n --partners p` on the app's database; returns the milliseconds. */
function dbSeed(databaseUrl: string, clients: number, partners: number, seed: number): Promise<number> {
  const started = Date.now();
  const cli = path.join(__dirname, '..', 'src', 'cli', `seed${path.extname(__filename)}`);
  const args = ['--clients', String(clients), '--partners', String(partners), '--seed', String(seed)];
  const child = fork(cli, args, {
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(Date.now() - started) : reject(new Error(`db:seed a échoué (${code})`)),
    ),
  );
}

async function signedIn(port: number, email: string): Promise<BenchBrowser> {
  const browser = new BenchBrowser(port);
  await browser.signIn(email, PASSWORD);
  return browser;
}

async function measure(name: string, load: Load): Promise<Measure> {
  const m = await cannon(load);
  log(
    `  ${name} : ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms` +
      (m.failures ? `, ${m.failures} ÉCHECS` : ''),
  );
  if (m.failures)
    throw new Error(`${name} : ${m.failures} réponses sans le statut ${load.status} (${m.statuses})`);
  return m;
}

async function main(): Promise<void> {
  const pinned = pin(process.pid, 1);
  const ceiling = await start('ceiling-server', 0);
  const app = await start('app-server', 0);
  const targets: Target[] = [ceiling, app];
  const usage = () => app.call<{ rssBytes: number; maxRssBytes: number }>('usage');
  try {
    const appPort = app.ports.app!;
    const journeyEmails = Array.from({ length: settings.users }, (_, i) => `saisie-${i}@bench.test`);
    await app.call('createUsers', 'OpenIP', ['staff@bench.test'], 'staff');
    await app.call('createUsers', 'Partenaire vide', ['vide@bench.test'], 'partner');
    await app.call('createUsers', 'Partenaire qui saisit', ['saisit@bench.test'], 'partner');
    await app.call('createUsers', 'Partenaire en parcours', journeyEmails, 'partner');
    const databaseUrl = await app.call<string>('databaseUrl');
    const staff = await signedIn(appPort, 'staff@bench.test');
    const cookie = (b: BenchBrowser) => ({ Cookie: b.cookie, 'X-Forwarded-Proto': 'https' });
    let seeds = 0;
    let total = await app.call<number>('customers');
    const lists: Results['lists'] = [];

    /** Mes clients as staff, at `size` customers (seeded up to it, over 200 partners). */
    const listsAt = async (size: number) => {
      // A database filled already (BENCH_DATABASE_URL) is measured as it is at its largest size.
      const largest = size === settings.sizes[settings.sizes.length - 1];
      if (size < total && !largest) return log(`Mes clients à ${size} : la base en a déjà ${total}, sauté`);
      const more = Math.max(0, size - total);
      log(`Mes clients à ${size.toLocaleString('fr-FR')} clients (${more.toLocaleString('fr-FR')} de plus)…`);
      const seedMs = more ? await dbSeed(databaseUrl, more, 200, ++seeds) : 0;
      total += more;
      const pages = {
        'première page': '/clients',
        'page profonde (60 % de la liste)': await app.call<string>('deepPage', Math.floor(total * 0.6)),
        [`recherche « ${SEARCH} »`]: `/clients?q=${SEARCH}`,
      };
      const rows: Results['lists'][number]['rows'] = [];
      for (const [page, path] of Object.entries(pages)) {
        for (const connections of [1, 32]) {
          const m = await measure(`${page}, ${connections} à la fois`, {
            seconds: settings.seconds,
            connections,
            port: appPort,
            path,
            headers: cookie(staff),
            status: 200,
          });
          rows.push({ page, connections, measure: m });
        }
      }
      lists.push({ size: total, seedMs, rows, ...(await usage()) });
    };

    // The sizes below the big partner's first, then that partner, the rounds, the rest.
    for (const size of settings.sizes.filter((n) => n < settings.partnerClients)) await listsAt(size);
    log(`${settings.partnerClients.toLocaleString('fr-FR')} clients pour un partenaire…`);
    const bigPartner = 'partenaire-001@seed.myopenip.test';
    const partnerMore = settings.partnerClients - (await app.call<number>('customersOf', bigPartner));
    const partnerSeedMs = partnerMore > 0 ? await dbSeed(databaseUrl, partnerMore, 1, ++seeds) : 0;
    total += Math.max(0, partnerMore);

    const empty = await signedIn(appPort, 'vide@bench.test');
    const big = await signedIn(appPort, bigPartner);
    const poster = await signedIn(appPort, 'saisit@bench.test');
    const stepPage = await empty.get(STEP_1_PATH);
    if (stepPage.status !== 200) throw new Error(`étape 1 : statut ${stepPage.status}`);
    await ceiling.call('setPage', stepPage.html);

    // The POST a browser sends for a valid step 1, with a new reference each time.
    const form = stepForm((await poster.get(STEP_1_PATH)).html, STEP_1);
    form.delete('reference');
    const postBody = `${form.toString()}&reference=B-[<id>]`;

    const base = { seconds: settings.seconds, connections: settings.connections };
    const rounds: Results['rounds'] = [];
    for (let r = 1; r <= settings.rounds; r++) {
      log(`Tour ${r}/${settings.rounds}`);
      const e = ceiling.ports;
      rounds.push({
        bare: await measure('node:http', { ...base, port: e.bare!, path: '/', status: 200 }),
        express: await measure('express res.send', { ...base, port: e.express!, path: '/', status: 200 }),
        floor: await measure('GET Entreprise', {
          ...base,
          port: appPort,
          path: '/entreprise',
          headers: cookie(empty),
          status: 200,
        }),
        get: await measure('GET étape 1', {
          ...base,
          port: appPort,
          path: STEP_1_PATH,
          headers: cookie(empty),
          status: 200,
        }),
        getBig: await measure(`GET étape 1, ${settings.partnerClients} clients`, {
          ...base,
          port: appPort,
          path: STEP_1_PATH,
          headers: cookie(big),
          status: 200,
        }),
        expressPost: await measure('express POST', {
          ...base,
          port: e.express!,
          path: '/',
          method: 'POST',
          body: postBody,
          status: 303,
        }),
        post: await measure('POST étape 1', {
          ...base,
          port: appPort,
          path: '/clients/nouveau',
          method: 'POST',
          headers: cookie(poster),
          body: postBody,
          status: 303,
        }),
      });
    }

    log(`Clients complets : ${settings.users} personnes, ${settings.journeySeconds} s`);
    const people = await Promise.all(journeyEmails.map((email) => signedIn(appPort, email)));
    const journey = await journeys(people, settings.journeySeconds);
    log(`  ${journey.customersPerSecond.toFixed(1)} clients/s (${journey.failures} échecs)`);
    if (journey.failures) throw new Error(`parcours : ${journey.firstFailure}`);

    total += journey.customers;
    for (const size of settings.sizes.filter((n) => n >= settings.partnerClients)) await listsAt(size);

    const results: Results = {
      date: new Date(),
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '?',
      pinned,
      database: process.env.BENCH_DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite',
      settings,
      partnerSeedMs,
      rounds,
      journey,
      lists,
      ...(await usage()),
    };
    const table = await writeReport(results, settings.report);
    log('\n' + table);
  } finally {
    for (const target of targets) target.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
