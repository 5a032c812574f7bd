import { type Check, fail, ok } from './result';

const EXAMPLE = 'www.exemple.fr';
const MAX_LENGTH = 2000;

// A top-level label is letters (or an IDN's punycode form): this rules out IP addresses and « localhost ».
const TLD = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

// People type « www.exemple.fr » or paste a full address; anything with another scheme (javascript:,
// data:, ftp:, mailto:) is refused rather than rewritten. « exemple.fr:8080 » looks like a scheme but is a port.
function withScheme(text: string): string | undefined {
  if (/^https?:/i.test(text)) return text;
  if (text.startsWith('//')) return `https:${text}`;
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return undefined;
  return `https://${text}`;
}

/**
 * `maxStored`: the longest address that can be kept. Normalising lengthens what was typed (the
 * scheme added, non-ASCII characters percent-encoded, three characters each), so a typed address
 * within the field's limit may still be too long once normalised.
 */
export function checkWebAddress(input: string, maxStored = MAX_LENGTH): Check<string> {
  const text = input.trim();
  if (text === '') return fail(`Saisissez l'adresse du site, par exemple ${EXAMPLE}`);
  if (/\s/.test(text) || text.length > MAX_LENGTH) {
    return fail(`Saisissez l'adresse du site sans espace, par exemple ${EXAMPLE}`);
  }
  const candidate = withScheme(text);
  if (candidate === undefined) {
    return fail(`Saisissez une adresse qui commence par http:// ou https://, par exemple ${EXAMPLE}`);
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fail(`Saisissez une adresse de site valide, par exemple ${EXAMPLE}`);
  }
  const labels = url.hostname.split('.');
  const tld = labels.at(-1) ?? '';
  // Credentials in a link (« https://banque.fr@pirate.example ») only serve to disguise its real host.
  if (labels.length < 2 || labels.some((l) => l === '') || !TLD.test(tld) || url.username || url.password) {
    return fail(`Saisissez une adresse de site valide, par exemple ${EXAMPLE}`);
  }
  // The URL parser already lowercases the host and stores an IDN as punycode, which cannot hide a look-alike
  // character; the lone « / » it adds to a bare host is dropped so that « www.exemple.fr » is stored as typed.
  const href = url.pathname === '/' && !url.search && !url.hash ? url.href.slice(0, -1) : url.href;
  if (href.length > maxStored) {
    return fail(
      `Cette adresse fait ${href.length} caractères une fois complétée (${maxStored} au maximum) : raccourcissez-la, par exemple ${EXAMPLE}`,
    );
  }
  return ok(href);
}
