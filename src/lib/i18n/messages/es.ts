import type { Messages } from './en.ts';

/** Spanish. Country and programme names come from the data, not from here. */
export const es: Messages = {
  'site.name': 'Irregular Atlas',
  'site.skip': 'Ir al contenido',
  'nav.label': 'Principal',
  'nav.home': 'Inicio',
  'nav.countries': 'Países',
  'nav.stories': 'Historias',
  'nav.regularizations': 'Regularizaciones',
  'nav.ruleChanges': 'Cambios normativos',
  'nav.maps': 'Mapas',
  'nav.explore': 'Explorar',
  'nav.data': 'Datos',
  'nav.sources': 'Fuentes',
  'nav.methodology': 'Metodología',
  'lang.label': 'Idioma',
  'footer.licence': 'Código con licencia MIT. Las cifras proceden de los organismos citados bajo cada gráfico y en <sources>Fuentes</sources>; se aplican sus propias condiciones.',
  'footer.release': 'Versión de datos {id}.',
  'footer.releaseOf': 'Versión de datos {id} del {date}.',
  'footer.unreleased': 'sin publicar',
  'footer.download': 'Descargar los datos',
  'home.description': 'Cuántas personas viven sin estatus legal en Japón, Corea del Sur, España e Italia, cuándo las regularizaron los gobiernos y cuándo cambiaron las normas.',
  'home.heading': 'Las normas crean migrantes irregulares. Las regularizaciones llegan después.',
  'home.lede': 'Cuántas personas viven sin estatus legal en Japón, Corea del Sur, España e Italia, cuándo abrió cada gobierno una regularización y cuándo cambiaron las normas de inmigración, en un mismo eje temporal. Cada cifra enlaza con su fuente.',
};
