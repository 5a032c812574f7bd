// What the benchmark measures: one entry per scenario. The baseline is a bare node:http server that
// renders the sign-in template; every figure of the app is printed as a ratio against it.
import type { User } from '../src/auth/users-repository';
import type { Db } from '../src/db/connect';
import { seed } from '../src/cli/seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo-accounts';
import type { Services } from '../src/services';

/** The demo staff account of SPEC §4, whom signed-in scenarios sign in as: staff see every partner's
 * customers, the heaviest list there is. */
export const BENCH_USER = { ...DEMO_ACCOUNTS[2]!, password: DEMO_PASSWORD };

/** How many customers the list scenarios run on (db:seed's own code fills them once). */
const LIST_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
let seeded: Promise<void> | undefined;
const seedOnce = (app: BenchApp) =>
  (seeded ??= seed(app.db, { clients: LIST_CLIENTS, partners: 200, seed: 1 }));
const atScale = (name: string, path: string): Scenario => ({
  name: `${name}, ${LIST_CLIENTS.toLocaleString('fr-FR')} clients`,
  path,
  signedIn: true,
  prepare: seedOnce,
});

/** The app's side, handed to a scenario's `prepare` in the app's own process. */
export type BenchApp = { db: Db; services: Services; user: User };

export type Scenario = {
  name: string;
  path: string;
  /** Sends the session cookie of the demo partner, signed in through the form. */
  signedIn?: boolean;
  /** Status every answer must have (200 unless said): a redirect to sign-in would skew the figures. */
  status?: number;
  /** Runs in the app's process before the scenario, e.g. to fill the database. */
  prepare?: (app: BenchApp) => Promise<void>;
};

export const BASELINE_PATH = '/connexion';

export const SCENARIOS: Scenario[] = [
  { name: 'GET /connexion', path: '/connexion' },
  { name: 'GET /clients (connecté)', path: '/clients', signedIn: true },
  { name: 'GET /healthz', path: '/healthz' },
  atScale('Mes clients, 1re page', '/clients'),
  atScale('Mes clients, désactivés par raison sociale', '/clients?etat=desactive&tri=raison-sociale'),
  atScale('Mes clients, recherche « paris »', '/clients?q=paris'),
];
