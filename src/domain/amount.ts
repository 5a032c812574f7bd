import { type Check, fail, ok } from './result';
import { normaliseTyped } from './typed';

const EXAMPLE = '1 500,50';
// Twelve digits of euros keep the cents far below Number.MAX_SAFE_INTEGER.
const MAX_EURO_DIGITS = 12;

const formatter = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

type Split = { whole: string; decimals: string; group?: string };

// « 1 500,50 », « 1.500,50 » and « 1,500.50 » are all in use: when both marks appear, the last one is the
// decimal mark, and a mark that repeats groups thousands. A lone mark with one to three digits before it and
// exactly three after (« 1.500 ») could be either, and a factor of 1000 is not something to guess.
function split(text: string): Split | 'ambiguous' {
  const marks = text.match(/[.,]/g) ?? [];
  const [first] = marks;
  if (first === undefined) return { whole: text, decimals: '' };
  const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  if (new Set(marks).size === 2) {
    return {
      whole: text.slice(0, last),
      decimals: text.slice(last + 1),
      group: text[last] === ',' ? '.' : ',',
    };
  }
  if (marks.length > 1) return { whole: text, decimals: '', group: first };
  if (/^\d{1,3}[.,]\d{3}$/.test(text)) return 'ambiguous';
  return { whole: text.slice(0, last), decimals: text.slice(last + 1) };
}

function parseCents(text: string): Check<number> {
  const parts = split(text);
  if (parts === 'ambiguous') {
    return fail(`Ce montant est ambigu : séparez les milliers par une espace, par exemple ${EXAMPLE}`);
  }
  const { whole, decimals, group } = parts;
  const wholeOk = group ? new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(whole) : /^\d*$/.test(whole);
  if (!wholeOk || !/^\d*$/.test(decimals) || whole + decimals === '') {
    return fail(`Saisissez un montant en euros, par exemple ${EXAMPLE}`);
  }
  if (decimals.length > 2)
    return fail(`Saisissez au plus 2 chiffres après la virgule, par exemple ${EXAMPLE}`);
  const euros = whole.replace(/\D/g, '').replace(/^0+/, '');
  if (euros.length > MAX_EURO_DIGITS)
    return fail(`Ce montant est trop grand : vérifiez-le, par exemple ${EXAMPLE}`);
  return ok(Number(euros) * 100 + Number(decimals.padEnd(2, '0')));
}

export function checkAmountCents(input: string): Check<number> {
  // \s covers the no-break and narrow no-break spaces that French number formatting produces.
  const text = normaliseTyped(input)
    .replace(/\s/g, '')
    .replace(/^€|€$|eur(os?)?$/gi, '');
  if (text === '') return fail(`Saisissez un montant en euros, par exemple ${EXAMPLE}`);
  if (/^[-−]/.test(text)) return fail(`Saisissez un montant positif, par exemple ${EXAMPLE}`);
  return parseCents(text);
}

export function checkPositiveAmountCents(input: string): Check<number> {
  const amount = checkAmountCents(input);
  if (amount.ok && amount.value === 0) {
    return fail(`Saisissez un montant supérieur à zéro, par exemple ${EXAMPLE}`);
  }
  return amount;
}

// Intl separates thousands with a narrow no-break space and puts a no-break space before « € ».
export const formatCents = (cents: number): string => formatter.format(cents / 100);
