// What only a laid-out page tells: whether it scrolls sideways, and whether the focus can be seen.
// Read through the DevTools protocol (page.evaluate works with JavaScript off in the page).
import type { Page } from 'playwright-core';

/** How many pixels the page is wider than the window (0 when it never scrolls sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    '(() => { const d = document.documentElement; return Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth; })()',
  );
}

export async function expectNoHorizontalScroll(page: Page, name: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) {
    const culprits: string[] = await page.evaluate(`(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => !el.closest('.table-wrap') || el.classList.contains('table-wrap'))
        .slice(0, 5)
        .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
    })()`);
    throw new Error(`${name} défile horizontalement de ${overflow} px ; dépassent : ${culprits.join(', ')}`);
  }
}

/**
 * The focused element's indicator, WCAG 2.2 1.4.11 / RGAA 10.7: among the outline, the box shadows
 * and a background of its own, the best contrast against what surrounds it (or, for an inset
 * shadow, against its own background). GOV.UK's yellow alone on white is 1.4:1; its black bar 19:1.
 */
const FOCUS_PROBE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const parse = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c || ''); if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return a === 0 ? null : [r, g, b]; };
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  const behind = (node) => { for (let n = node; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c) return c; } return [255, 255, 255]; };
  const s = getComputedStyle(el);
  const around = behind(el.parentElement);
  const own = behind(el);
  const candidates = [];
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) candidates.push([parse(s.outlineColor), around]);
  for (const shadow of (s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\\))/))) {
    candidates.push([parse(shadow), /inset/.test(shadow) ? own : around]);
  }
  const bg = parse(s.backgroundColor);
  if (bg) candidates.push([bg, around]);
  const best = Math.max(0, ...candidates.filter(([c]) => c).map(([c, b]) => ratio(c, b)));
  const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' « ' + (el.textContent || el.getAttribute('value') || '').trim().slice(0, 30) + ' »';
  return { label, contrast: Math.round(best * 100) / 100 };
})()`;

/** Tabs through the page as loaded and lists every focus stop whose indicator is under 3:1. */
export async function focusContrastProblems(page: Page, stops = 30): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate<{ label: string; contrast: number } | null>(FOCUS_PROBE);
    if (!focus) break;
    if (focus.contrast < 3) problems.push(`${focus.label} : ${focus.contrast}:1`);
  }
  return problems;
}
