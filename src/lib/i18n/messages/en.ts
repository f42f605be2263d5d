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
  "home.flowNote": "Why the lines must not be compared level for level, what the regularizations did to the counts, and how far the estimators disagree: <stories>read the stories</stories>.",
  "facts.heading": "Key figures",
  "facts.source": "Source: <publisher>{publisher}</publisher> (<details>source details</details>) · <more>More</more>",
  "facts.jpnOverstayers": "people had overstayed their permits in Japan on {date}, against a peak of {peak} on {peakDate}.",
  "facts.jpnOverstayers.caveat": "Overstayers only: people who entered illegally are not counted.",
  "facts.korIllegalStay": "foreigners were staying illegally in South Korea on {date}; the highest count published was {peak} ({peakDate}).",
  "facts.korIllegalStay.caveat": "Includes visa-exempt short-term visitors who stayed on; not comparable with Japan’s count.",
  "facts.jpnTraineesMissing": "technical intern trainees were reported missing by their host organisations in Japan in {period}.",
  "facts.jpnTraineesMissing.caveat": "Notifications of trainees gone missing; some are later found.",
  "facts.programme": "people were granted status in {country}’s {name} (from {date}).",
  "facts.programmeOfApplications": "people were granted status of {applications} applications in {country}’s {name} (from {date}).",
  "facts.programme.caveat": "Figures as published by the source; see the programme’s note on what they count.",
  "facts.euFoundIllegallyPresent": "times non-EU citizens were found illegally present in the EU in {period}.",
  "facts.euFoundIllegallyPresent.caveat": "Apprehensions, a flow of enforcement events: one person can be counted several times.",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
