import type { Messages } from './en.ts';

/** Italian. Country and programme names come from the data, not from here. */
export const it: Messages = {
  'site.name': 'Irregular Atlas',
  'site.skip': 'Vai al contenuto',
  'nav.label': 'Principale',
  'nav.home': 'Home',
  'nav.countries': 'Paesi',
  'nav.stories': 'Storie',
  'nav.regularizations': 'Regolarizzazioni',
  'nav.ruleChanges': 'Cambi di norme',
  'nav.maps': 'Mappe',
  'nav.explore': 'Esplora',
  'nav.data': 'Dati',
  'nav.sources': 'Fonti',
  'nav.methodology': 'Metodologia',
  'lang.label': 'Lingua',
  'footer.licence': 'Codice con licenza MIT. I dati provengono dagli enti indicati sotto ogni grafico e in <sources>Fonti</sources>; valgono le loro condizioni.',
  'footer.release': 'Versione dei dati {id}.',
  'footer.releaseOf': 'Versione dei dati {id} del {date}.',
  'footer.unreleased': 'non pubblicata',
  'footer.download': 'Scarica i dati',
  'home.description': 'Quante persone vivono senza status legale in Giappone, Corea del Sud, Spagna e Italia, quando i governi le hanno regolarizzate e quando sono cambiate le regole.',
  'home.heading': 'Le regole creano migranti irregolari. Le regolarizzazioni seguono.',
  'home.lede': 'Quante persone vivono senza status legale in Giappone, Corea del Sud, Spagna e Italia, quando ciascun governo ha aperto una regolarizzazione e quando sono cambiate le norme sull’immigrazione, su un unico asse temporale. Ogni cifra rimanda alla sua fonte.',
};
