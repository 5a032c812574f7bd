// Realistic values for the seed: a seeded random source, SIREN/SIRET keys, IBANs with a valid RIB
// key, French phone numbers, and the real communes with their postal codes.
import { communesForPostalCode, type Commune } from '../domain';
import { BANKS } from './words';

/** mulberry32: a small, fast PRNG, so that the same --seed gives the same customers. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  // Up to 15 digits at once stay exact in a double.
  const digits = (n: number): string =>
    n > 15 ? digits(n - 15) + digits(15) : String(Math.floor(next() * 10 ** n)).padStart(n, '0');
  return { next, int, pick, digits };
}
export type Random = ReturnType<typeof randomSource>;

/** The digit that makes `digits` + it pass the Luhn check. */
export function luhnKey(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // The key will be rightmost, so the digit just before it is doubled.
    const x = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? (x * 2 > 9 ? x * 2 - 9 : x * 2) : x;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Names repeat a lot across a million customers: fold each once. */
function memo(f: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = f(s)));
    return v;
  };
}

/** The real postal codes of metropolitan France with their communes (overseas needs other phones). */
let communeList: { postalCode: string; commune: Commune }[] | undefined;
export function communes() {
  if (!communeList) {
    communeList = [];
    for (let n = 1000; n < 96000; n++) {
      const postalCode = String(n).padStart(5, '0');
      for (const commune of communesForPostalCode(postalCode)) communeList.push({ postalCode, commune });
    }
  }
  return communeList;
}

const mod97 = (digits: string) => digits.split('').reduce((r, d) => (r * 10 + Number(d)) % 97, 0);

export function iban(r: Random) {
  const bank = r.pick(BANKS);
  const branch = r.digits(5);
  const account = r.digits(11);
  const key = 97 - ((89 * Number(bank.code) + 15 * Number(branch) + 3 * Number(account)) % 97);
  const bban = `${bank.code}${branch}${account}${String(key).padStart(2, '0')}`;
  const check = 98 - mod97(`${bban}152700`); // F=15, R=27, then 00
  return { iban: `FR${String(check).padStart(2, '0')}${bban}`, bic: bank.bic };
}

/** A French number: a landline (01–05, avoiding the unallocated 040) or a mobile (06/07). */
export function phone(r: Random, mobile = false) {
  const first = mobile ? r.pick(['6', '7']) : String(1 + r.int(5));
  const second = mobile
    ? first === '6'
      ? r.pick(['0', '1', '2', '4', '5', '6', '7', '8'])
      : r.pick(['5', '6', '7', '8'])
    : String(1 + r.int(9));
  const rest = first + second + r.digits(7);
  return { e164: `+33${rest}`, national: `0${rest}`.replace(/(\d{2})(?=\d)/g, '$1 ') };
}

export const slug = memo((s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''),
);
