// What the benchmark does as a browser: sign in through the form, load a page, post a form, keep
// the session cookie. Used outside the timed loads (and by the complete-customer journeys).
import * as cheerio from 'cheerio';
import { formFields } from '../test/support/browser';

export const HEADERS = { 'X-Forwarded-Proto': 'https' };

export type Answer = { status: number; location: string; html: string };

export class BenchBrowser {
  cookie = '';
  constructor(private readonly port: number) {}

  private async send(path: string, init: RequestInit): Promise<Answer> {
    const res = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...HEADERS, ...(this.cookie ? { Cookie: this.cookie } : {}), ...init.headers },
    });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (set.length) this.cookie = set.join('; ');
    return { status: res.status, location: res.headers.get('location') ?? '', html: await res.text() };
  }

  get(path: string): Promise<Answer> {
    return this.send(path, { method: 'GET' });
  }

  post(path: string, fields: URLSearchParams): Promise<Answer> {
    return this.send(path, {
      method: 'POST',
      body: fields.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }

  async signIn(email: string, password: string): Promise<void> {
    const form = await this.get('/connexion');
    const res = await this.post(
      '/connexion',
      new URLSearchParams({ _csrf: csrfOf(form.html), email, password }),
    );
    if (res.status !== 303) throw new Error(`connexion de ${email} refusée (statut ${res.status})`);
  }
}

export function hiddenValue(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`pas de champ ${name} sur la page`);
  return value;
}

export const csrfOf = (html: string) => hiddenValue(html, '_csrf');

/**
 * A step's form as a browser posts it (every control's current value, as the tests read it, with
 * the answers typed over them) and « Enregistrer et continuer » pressed.
 */
export function stepForm(html: string, answers: Record<string, string | string[]>): URLSearchParams {
  const page = { status: 200, url: '', html, $: cheerio.load(html) };
  const fields = new URLSearchParams({ _csrf: csrfOf(html) });
  for (const [name, value] of Object.entries(formFields(page, answers)))
    for (const v of Array.isArray(value) ? value : [value]) fields.append(name, v);
  fields.set('action', 'continuer');
  return fields;
}
