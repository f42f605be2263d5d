import type { ChartDictionary } from '../../charts/locale.ts';

/** Chart text in this language, keyed by the English (src/lib/charts/locale.ts). */
const dict: ChartDictionary = {};
export default dict;
