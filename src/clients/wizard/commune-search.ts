// « Rechercher la commune »: a search, not a validation. Its outcome reads as a neutral prompt,
// never as an error (the page keeps status 200 and no « Erreur : » title).
import { checkPostalCode, communesForPostalCode, isFrenchPostalArea } from '../../domain';
import type { Notice } from '../../web/notices';
import { answerOf, type Answers } from '../fields/types';

export function communeSearchNotice(answers: Answers): Notice {
  const country = answerOf(answers, 'country') || 'FR';
  if (!isFrenchPostalArea(country)) {
    return { text: 'Hors de France, saisissez la commune telle qu’elle s’écrit dans le pays.' };
  }
  const postal = checkPostalCode(answerOf(answers, 'postalCode'), country);
  if (!postal.ok)
    return { kind: 'warning', text: `Aucune commune trouvée. ${postal.message.replace(/'/g, '’')}.` };
  const communes = communesForPostalCode(postal.value);
  if (communes.length === 1)
    return { text: `Commune du code postal ${postal.value} : ${communes[0]!.name}.` };
  return { text: `${communes.length} communes pour ${postal.value} : choisissez la vôtre` };
}
