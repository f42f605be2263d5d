/**
 * Breakdown columns of an observation in words, for tables: "Women · aged 15-64 · Viet Nam ·
 * technical intern training". Codes without a known word are printed as published.
 */
import { CITIZENSHIP_LABELS } from './data.ts';

const SEX: Record<string, string> = { female: 'Women', male: 'Men' };

export function breakdownText(r: { sex: string | null; age: string | null; citizenship_code: string | null; status: string | null }, countryNames?: Map<string, string>): string {
  const parts: string[] = [];
  if (r.sex) parts.push(SEX[r.sex] ?? r.sex);
  if (r.age) parts.push(ageText(r.age));
  if (r.citizenship_code) parts.push(CITIZENSHIP_LABELS[r.citizenship_code] ?? countryNames?.get(r.citizenship_code) ?? r.citizenship_code);
  if (r.status) parts.push(r.status.replaceAll('_', ' '));
  return parts.join(' · ');
}

export function ageText(age: string): string {
  const m = /^Y(\d+)-(\d+)$/.exec(age);
  if (m) return `aged ${m[1]}-${m[2]}`;
  const ge = /^Y_GE(\d+)$/.exec(age);
  if (ge) return `aged ${ge[1]}+`;
  return age;
}
