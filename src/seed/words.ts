// Word lists for the seed's customers: common French trades, surnames, first names and streets.

// prettier-ignore
export const ACTIVITIES = [
  'Boulangerie', 'Pâtisserie', 'Crêperie', 'Hôtel', 'Épicerie', 'École de danse', 'Électricité', 'Garage',
  'Cabinet', 'Pharmacie', 'Menuiserie', 'Plomberie', 'Agence immobilière', 'Librairie', 'Fromagerie',
  'Boucherie', 'Transports', 'Atelier', 'Imprimerie', 'Clinique vétérinaire', 'Cabinet comptable',
  'Studio', 'Laboratoire', 'Restaurant', 'Brasserie', 'Bureau d’études', 'Informatique', 'Maçonnerie',
  'Charpente', 'Fleuriste', 'Opticien', 'Auto-école', 'Cave', 'Coiffure', 'Entreprise', 'Société',
  'Établissements', 'Ferme', 'Domaine', 'Camping',
];

// prettier-ignore
export const SURNAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Müller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier',
  'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun',
  'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Gérard',
  'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard', 'Fabre', 'Aubert',
  'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Bourgeois', 'Benoît', 'Leclerc', 'Payet', 'Rolland',
  'Lecomte', 'Dupuy', 'Hubert', 'Berger', 'Carpentier', 'Moulin', 'Deschamps', 'Huet', 'Boucher', 'Fleury',
  'Klein', 'Jacquet', 'Poirier', 'Marty', 'Carré', 'Charpentier', 'Ménard', 'Maillard', 'Baron', 'Bailly',
  'Hervé', 'Le Gall', 'Léger', 'Bouvier', 'Prévost', 'Perrot', 'Le Roux', 'Germain', 'Breton', 'Besson',
  'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Leblanc', 'Barré', 'Lebrun', 'Weber', 'Hamon',
  'Jacob', 'Michaud', 'Gillet', 'Étienne', 'Grondin', 'Tessier', 'Chauvin', 'Da Silva', 'Lemaître',
  'Bénard', 'Maréchal', 'Humbert', 'Hoarau', 'Barthélemy', 'Cordier', 'Lejeune', 'Delaunay', 'Pasquier',
  'Carlier', 'Laporte', 'N’Diaye', 'Nguyen', 'O’Neill',
];

// prettier-ignore
export const SUFFIXES = [
  '', '', '', ' & Fils', ' Frères', ' et Associés', ' Services', ' Conseil', ' Bâtiment', ' Sud',
];

// prettier-ignore
export const FIRST_NAMES = [
  'Marie', 'Jean', 'Pierre', 'Michel', 'Nathalie', 'Isabelle', 'Sylvie', 'Philippe', 'Catherine',
  'Françoise', 'Nicolas', 'Christophe', 'Stéphane', 'Sophie', 'Céline', 'Julien', 'Camille', 'Léa',
  'Hélène', 'Émilie', 'Thomas', 'Chloé', 'Lucas', 'Manon', 'Hugo', 'Inès', 'Louis', 'Zoé', 'Gaël', 'Anaïs',
  'Jérôme', 'Clément', 'Aurélie', 'Benoît', 'Noémie', 'François', 'Loïc', 'Maëlle',
];

// prettier-ignore
export const STREETS = [
  'rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Gambetta',
  'place de l’Église', 'rue Pasteur', 'chemin des Vignes', 'allée des Tilleuls', 'route de Paris',
  'rue du Moulin', 'impasse des Lilas', 'rue de la Gare', 'avenue du Général de Gaulle', 'rue Nationale',
  'quai de la Loire', 'rue des Écoles', 'rue Émile Zola', 'place du Marché', 'rue de l’Industrie',
  'avenue de la Libération',
];

/** Real French banks' codes and BICs, for IBANs with a valid RIB key. */
export const BANKS = [
  { code: '30006', bic: 'AGRIFRPP' },
  { code: '30004', bic: 'BNPAFRPP' },
  { code: '30003', bic: 'SOGEFRPP' },
  { code: '10107', bic: 'BREDFRPP' },
  { code: '20041', bic: 'PSSTFRPP' },
];

// prettier-ignore
export const PARTNER_KINDS = ['Télécom', 'Réseaux', 'Fibre', 'Connect', 'Voix & Data', 'Net', 'Com', 'IP Services'];
// prettier-ignore
export const REGIONS = [
  'Bretagne', 'Normandie', 'Provence', 'Alsace', 'Occitanie', 'Auvergne', 'Bourgogne', 'Aquitaine', 'Picardie',
  'Lorraine', 'Savoie', 'Touraine', 'Vendée', 'Anjou', 'Berry', 'Limousin', 'Corse', 'Champagne', 'Artois',
  'Gascogne', 'Béarn', 'Périgord', 'Jura', 'Vosges', 'Île-de-France',
];
