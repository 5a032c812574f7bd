import type { Request } from 'express';
import { addNotice, takeNotices, WAITING_NOTICES } from '../../../src/web/notices';

const request = () => ({ session: {} }) as unknown as Request;

describe('notices waiting for the next page', () => {
  it('are shown once, in the order they came', () => {
    const req = request();
    addNotice(req, { text: 'Étape 1 enregistrée dans le brouillon.' });
    addNotice(req, { kind: 'warning', text: 'Attention : vous avez déjà un client avec ce SIREN.' });
    expect(takeNotices(req).map((n) => n.text)).toEqual([
      'Étape 1 enregistrée dans le brouillon.',
      'Attention : vous avez déjà un client avec ce SIREN.',
    ]);
    expect(takeNotices(req)).toEqual([]);
  });

  it('do not pile up when the redirect is never followed: the same text once, the latest few kept', () => {
    const req = request();
    for (let i = 0; i < 50; i++) {
      addNotice(req, { text: 'Étape 1 enregistrée dans le brouillon.' });
      addNotice(req, { text: `Brouillon n° ${i}` });
    }
    const shown = takeNotices(req).map((n) => n.text);
    expect(shown).toHaveLength(WAITING_NOTICES);
    expect(shown.filter((t) => t === 'Étape 1 enregistrée dans le brouillon.')).toHaveLength(1);
    expect(shown.at(-1)).toBe('Brouillon n° 49');
  });
});
