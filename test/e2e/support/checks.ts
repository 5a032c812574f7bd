// The checks every page must pass (SPEC §6), one line each in a test:
//   await expectAccessible(page);  expectValidHtml(html);  expectLightweight(html);
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate, Message } from 'html-validate';
import type { Page } from 'playwright-core';
import { publicDir } from '../../../src/paths';

// ---------------------------------------------------------------------------------------------
// Accessibility: axe-core, WCAG 2.1 A and AA rules.

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
};

/**
 * Runs axe on the page as it is now (error states included) and fails with every violation spelled
 * out. axe cannot run in a page with JavaScript off (Playwright's evaluate does run there, but axe
 * waits on timers that never fire), so the page's current HTML is replayed at the same URL in a
 * JavaScript-enabled context that ignores the CSP; its stylesheet loads from the real server, so
 * colour contrast is checked on the real CSS.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe : ${violations.length} violation(s) sur ${page.url()}\n\n${formatAxe(violations)}`);
  }
}

export async function axeViolations(page: Page, tags: string[] = AXE_TAGS): Promise<AxeViolation[]> {
  const url = page.url();
  const html = await page.content();
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible : la page doit venir de launchChromium()');
  const context = await browser.newContext({
    javaScriptEnabled: true,
    bypassCSP: true,
    viewport: page.viewportSize(),
    locale: 'fr-FR',
  });
  try {
    const replay = await context.newPage();
    await replay.route(
      (u) => u.href === url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      { times: 1 },
    );
    await replay.goto(url);
    await replay.evaluate(axeSource);
    return await replay.evaluate(async (values) => {
      // Runs in the page; typed by hand, the project compiling without the DOM library.
      const page = globalThis as unknown as {
        document: unknown;
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      };
      const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    }, tags);
  } finally {
    await context.close();
  }
}

function formatAxe(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `• ${v.id} (${v.impact ?? '?'}) : ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.map(
          (n) =>
            `  - ${n.target.join(' ')}\n    ${n.html}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Valid HTML: html-validate's recommended rules, minus purely stylistic ones.

const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // EJS leaves spaces at the end of lines around its tags: invisible, and harmless in HTML.
    'no-trailing-whitespace': 'off',
    // `<!doctype html>` and `<!DOCTYPE html>` are the same to every parser; lowercase is our style.
    'doctype-style': 'off',
    // A search engine's truncation length. Our titles follow the GOV.UK pattern « Erreur : étape —
    // parcours — service », front-loaded, on pages behind sign-in that no search engine indexes.
    'long-title': 'off',
    // Not a relaxation: several checkboxes sharing one name is how HTML sends a list of values
    // (the rule shares radio buttons and buttons by default, not checkboxes).
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

/** Fails with every html-validate error, line and column in the HTML as served. */
export function expectValidHtml(html: string, name = 'page'): void {
  const report = htmlValidate.validateStringSync(html, `${name}.html`);
  if (report.valid) return;
  const lines = html.split('\n');
  const messages = report.results.flatMap((r) => r.messages);
  throw new Error(
    `html-validate : ${messages.length} erreur(s) dans ${name}\n\n` +
      messages.map((m) => formatHtmlMessage(m, lines)).join('\n'),
  );
}

function formatHtmlMessage(m: Message, lines: string[]): string {
  const source = (lines[m.line - 1] ?? '').trim().slice(0, 160);
  return `• ${m.line}:${m.column} ${m.ruleId} : ${m.message}${m.selector ? ` (${m.selector})` : ''}\n    ${source}`;
}

// ---------------------------------------------------------------------------------------------
// Page weight: the HTML plus its CSS, gzipped, under 14 KB (what fits in the first TCP round trip);
// no script and no web font at all.

export const MAX_PAGE_BYTES = 14 * 1024;

export type PageWeight = { html: number; css: number; total: number };

export function pageWeight(html: string): PageWeight {
  const gz = (data: string | Buffer) => gzipSync(data).length;
  const css = stylesheetsOf(html).reduce((sum, file) => sum + gz(readFileSync(file)), 0);
  const htmlBytes = gz(html);
  return { html: htmlBytes, css, total: htmlBytes + css };
}

export function expectLightweight(html: string, name = 'page'): PageWeight {
  const weight = pageWeight(html);
  if (weight.total >= MAX_PAGE_BYTES) {
    throw new Error(
      `${name} pèse ${weight.total} octets compressés (HTML ${weight.html} + CSS ${weight.css}), ` +
        `au-delà de ${MAX_PAGE_BYTES}`,
    );
  }
  if (/<script\b/i.test(html)) throw new Error(`${name} contient un <script> : le produit n'en a aucun`);
  for (const file of stylesheetsOf(html)) {
    if (/@font-face/i.test(readFileSync(file, 'utf8'))) {
      throw new Error(`${path.basename(file)} déclare une police web (@font-face)`);
    }
  }
  return weight;
}

/** The files behind the page's <link rel="stylesheet" href="/static/…">, read from public/. */
function stylesheetsOf(html: string): string[] {
  const links = html.match(/<link\b[^>]*>/gi) ?? [];
  return links
    .filter((tag) => /\brel="?stylesheet"?/i.test(tag))
    .map((tag) => {
      const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
      if (!href?.startsWith('/static/')) throw new Error(`feuille de style inattendue : ${tag}`);
      return path.join(publicDir, new URL(href, 'http://x').pathname.slice('/static/'.length));
    });
}
