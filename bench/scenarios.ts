// What the benchmark measures: one entry per scenario. The baseline is a bare node:http server that
// renders the sign-in template; every figure of the app is printed as a ratio against it.
import type { User } from '../src/auth/users-repository';
import type { Db } from '../src/db/connect';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo-accounts';
import type { Services } from '../src/services';

/** The demo partner of SPEC §4, whom signed-in scenarios sign in as. */
export const BENCH_USER = { ...DEMO_ACCOUNTS[0]!, password: DEMO_PASSWORD };

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
  // Next: the customer list on a large database, e.g.
  // { name: 'GET /clients, 1 M clients', path: '/clients', signedIn: true,
  //   prepare: (app) => seedClients(app.db, app.user, 1_000_000) },
];
