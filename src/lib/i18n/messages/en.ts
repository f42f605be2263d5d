/**
 * English, the reference catalog: its keys type every other language. ICU message syntax.
 * Keep keys grouped by where they show; a key nobody uses fails tests/site/i18n-catalogs.test.ts.
 */
export const en = {
  'site.name': 'Irregular Atlas',
  'site.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.countries': 'Countries',
  'nav.stories': 'Stories',
  'nav.regularizations': 'Regularizations',
  'nav.ruleChanges': 'Rule changes',
  'nav.maps': 'Maps',
  'nav.explore': 'Explore',
  'nav.data': 'Data',
  'nav.sources': 'Sources',
  'nav.methodology': 'Methodology',
  'lang.label': 'Language',
  'footer.licence': 'Code under the MIT licence. Figures come from the publishers named under each chart and in <sources>Sources</sources>; their own terms apply.',
  'footer.release': 'Data release {id}.',
  'footer.releaseOf': 'Data release {id} of {date}.',
  'footer.unreleased': 'unreleased',
  'footer.download': 'Download the data',
  'home.description': 'How many people live without legal status in Japan, South Korea, Spain and Italy, when governments regularized them, and when the rules changed.',
  'home.heading': 'Rules make irregular migrants. Regularizations follow.',
  'home.lede': 'How many people live without legal status in Japan, South Korea, Spain and Italy, when each government opened a regularization, and when the immigration rules changed, on one time axis. Every figure links to its source.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
