import { checkWebAddress } from '../../../src/domain/web-address';

describe('checkWebAddress', () => {
  it.each([
    ['www.exemple.fr', 'https://www.exemple.fr'],
    ['  www.exemple.fr  ', 'https://www.exemple.fr'],
    ['WWW.Exemple.FR', 'https://www.exemple.fr'],
    ['exemple.fr/', 'https://exemple.fr'],
    ['http://www.exemple.fr', 'http://www.exemple.fr'],
    ['HTTPS://www.exemple.fr/Contact?lang=fr#equipe', 'https://www.exemple.fr/Contact?lang=fr#equipe'],
    ['//www.exemple.fr', 'https://www.exemple.fr'],
    ['exemple.fr:8080/x', 'https://exemple.fr:8080/x'],
    ['www.openip.co.uk', 'https://www.openip.co.uk'],
    // An internationalised name is stored in its ASCII form, which cannot hide a look-alike letter.
    ['www.café.fr', 'https://www.xn--caf-dma.fr'],
  ])('%j → %s', (input, value) => {
    expect(checkWebAddress(input)).toEqual({ ok: true, value });
  });

  const invalid = 'Saisissez une adresse de site valide, par exemple www.exemple.fr';
  const scheme = 'Saisissez une adresse qui commence par http:// ou https://, par exemple www.exemple.fr';

  it.each([
    ['', "Saisissez l'adresse du site, par exemple www.exemple.fr"],
    ['www.exemple .fr', "Saisissez l'adresse du site sans espace, par exemple www.exemple.fr"],
    ['javascript:alert(1)', scheme],
    ['JavaScript:alert(1)', scheme],
    ['data:text/html,<script>', scheme],
    ['ftp://ftp.exemple.fr', scheme],
    ['mailto:contact@exemple.fr', scheme],
    ['exemple', invalid],
    ['localhost:3000', invalid],
    ['192.168.1.1', invalid],
    ['https://exemple.f', invalid],
    ['www..exemple.fr', invalid],
    ['https://banque.fr@pirate.example', invalid],
    ['https://', invalid],
  ])('rejects %j', (input, message) => {
    expect(checkWebAddress(input)).toEqual({ ok: false, message });
  });
});
