// A supertest agent used the way a browser is: it keeps cookies, reads the CSRF token from the page
// it just loaded, posts forms, and follows redirects.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';

export type Page = { status: number; url: string; html: string; $: cheerio.CheerioAPI };

export class Browser {
  readonly agent: ReturnType<typeof request.agent>;
  private lastHtml = '';

  constructor(app: Express) {
    this.agent = request.agent(app);
  }

  async get(url: string): Promise<Page> {
    let current = url;
    for (let hops = 0; hops < 10; hops++) {
      const res = await this.agent.get(current);
      if (res.status >= 300 && res.status < 400 && res.headers.location) {
        const next = new URL(res.headers.location, 'http://localhost' + current);
        current = next.pathname + next.search;
        continue;
      }
      this.lastHtml = res.text;
      return { status: res.status, url: current, html: res.text, $: cheerio.load(res.text) };
    }
    throw new Error(`trop de redirections depuis ${url}`);
  }

  /** The CSRF token of the last page loaded, as a form on it would send it. */
  csrfToken(): string {
    const token = cheerio.load(this.lastHtml)('input[name=_csrf]').first().val();
    if (typeof token !== 'string') throw new Error('aucun jeton CSRF sur la dernière page');
    return token;
  }

  /** Posts a form with the page's CSRF token, then follows the redirect (Post/Redirect/Get). */
  async post(url: string, fields: Record<string, string | string[]>, opts: { csrf?: string | null } = {}) {
    const token = opts.csrf === undefined ? this.csrfToken() : opts.csrf;
    const body = new URLSearchParams();
    if (token !== null) body.append('_csrf', token);
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    const res = await this.agent.post(url).type('form').send(body.toString());
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      const page = await this.get(res.headers.location);
      return { ...page, redirectedFrom: res.status };
    }
    this.lastHtml = res.text;
    return { status: res.status, url, html: res.text, $: cheerio.load(res.text), redirectedFrom: undefined };
  }

  async signIn(email: string, password: string) {
    await this.get('/connexion');
    return this.post('/connexion', { email, password });
  }
}
