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

/**
 * What a browser would send for a form of the page: every named control's current value (checked
 * boxes only, the selected option), the typed overrides, and the pressed button's name and value.
 */
export function formFields(
  page: Page,
  overrides: Record<string, string | string[]> = {},
  formSelector = 'form.step-form',
): Record<string, string | string[]> {
  const $ = page.$;
  const form = $(formSelector).first();
  if (!form.length) throw new Error(`pas de formulaire ${formSelector} sur ${page.url}`);
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  form.find('input[name], select[name], textarea[name]').each((_, el) => {
    const control = $(el);
    const name = control.attr('name')!;
    if (name === '_csrf') return;
    const type = control.attr('type');
    if (el.tagName === 'select') {
      const selected = control.find('option[selected]').first();
      add(name, String((selected.length ? selected : control.find('option').first()).attr('value') ?? ''));
    } else if (el.tagName === 'textarea') {
      add(name, control.text());
    } else if (type === 'radio' || type === 'checkbox') {
      if (control.attr('checked') !== undefined) add(name, String(control.attr('value')));
    } else if (type !== 'submit') {
      add(name, String(control.attr('value') ?? ''));
    }
  });
  for (const [name, value] of Object.entries(overrides)) fields[name] = value;
  return fields;
}
