import {
  ValidationErrorsIBAN,
  electronicFormatIBAN,
  friendlyFormatIBAN,
  isValidBIC,
  validateIBAN,
} from 'ibantools';
import { type Check, fail, ok } from './result';
import { normaliseTyped } from './typed';

const IBAN_EXAMPLE = 'FR76 3000 6000 0112 3456 7890 189';
const BIC_EXAMPLE = 'BNPAFRPPXXX';

// Every IBAN country whose BBAN is a French RIB (banque 5, guichet 5, compte 11, clé 2). ibantools checks the
// RIB key for FR and MC only; overseas banks' IBANs carry the same RIB, and a wrong key there is as wrong.
const RIB_COUNTRIES = new Set([
  'FR',
  'MC',
  'GP',
  'MQ',
  'GF',
  'RE',
  'YT',
  'PM',
  'BL',
  'MF',
  'NC',
  'PF',
  'WF',
  'TF',
]);

// The RIB maps letters in the account number to digits as A–I, J–R → 1–9 and S–Z → 2–9.
const ribDigit = (c: string): string => {
  if (/\d/.test(c)) return c;
  const code = c.charCodeAt(0) - 65;
  return String(code < 18 ? (code % 9) + 1 : code - 16);
};

export function ribKeyOk(bban: string): boolean {
  const digits = [...bban].map(ribDigit).join('');
  const bank = Number(digits.slice(0, 5));
  const branch = Number(digits.slice(5, 10));
  const account = Number(digits.slice(10, 21));
  const key = Number(digits.slice(21, 23));
  return 97 - ((89 * bank + 15 * branch + 3 * account) % 97) === key;
}

export function checkIban(input: string): Check<string> {
  const iban = (electronicFormatIBAN(normaliseTyped(input)) ?? '').replace(/[\s.]/g, '');
  if (iban === '') return fail(`Saisissez un IBAN, par exemple ${IBAN_EXAMPLE}`);
  const rib = RIB_COUNTRIES.has(iban.slice(0, 2));
  // For RIB countries the key is ours to check, so that its mistake gets its own message.
  const errorCodes = validateIBAN(iban).errorCodes.filter(
    (e) => !(rib && e === ValidationErrorsIBAN.WrongAccountBankBranchChecksum),
  );
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) {
    return fail(`Saisissez un IBAN qui commence par le code du pays, par exemple ${IBAN_EXAMPLE}`);
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    return fail(`Cet IBAN n'a pas le bon nombre de caractères : vérifiez-le, par exemple ${IBAN_EXAMPLE}`);
  }
  if (errorCodes.length > 0) {
    return fail(`Cet IBAN n'existe pas : vérifiez les caractères, par exemple ${IBAN_EXAMPLE}`);
  }
  if (rib && !ribKeyOk(iban.slice(4))) {
    return fail(
      `La clé RIB de cet IBAN est fausse : vérifiez le numéro de compte, par exemple ${IBAN_EXAMPLE}`,
    );
  }
  return ok(iban);
}

// Banks print BICs grouped (« BNPA FR PP XXX », « BNPA-FR-PP »): the separators come off before the length
// is counted, so that only the 8 or 11 characters of the code itself are.
const BIC_SEPARATORS = /[\s.\-‐‑‒–—]/g;

export function checkBic(input: string): Check<string> {
  const bic = normaliseTyped(input).replace(BIC_SEPARATORS, '').toUpperCase();
  if (bic === '') return fail(`Saisissez un BIC de 8 ou 11 caractères, par exemple ${BIC_EXAMPLE}`);
  if (bic.length !== 8 && bic.length !== 11) {
    return fail(
      `Saisissez un BIC de 8 ou 11 caractères (vous en avez saisi ${bic.length}), par exemple ${BIC_EXAMPLE}`,
    );
  }
  if (!isValidBIC(bic)) return fail(`Ce BIC n'existe pas : vérifiez-le, par exemple ${BIC_EXAMPLE}`);
  return ok(bic);
}

export const formatIban = (iban: string): string => friendlyFormatIBAN(iban) ?? iban;
