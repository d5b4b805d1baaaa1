// Numbers, shares and dates in the reader's language.
import { language } from './i18n.js';

const locales = { vi: 'vi-VN', en: 'en-GB' };

function locale() {
  return locales[language()] ?? 'vi-VN';
}

export function number(value) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '—';
  }
  return new Intl.NumberFormat(locale()).format(Number(value));
}

/**
 * A fraction 0..1 as a percentage with one decimal; a share below 0.1 % keeps two significant digits (0,016 %),
 * so a small share never reads as zero.
 */
export function percent(fraction) {
  if (fraction === null || fraction === undefined || !Number.isFinite(Number(fraction))) {
    return '—';
  }
  const value = Number(fraction);
  const small = value !== 0 && Math.abs(value) < 0.001;
  const options = small
    ? { style: 'percent', maximumSignificantDigits: 2 }
    : { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return new Intl.NumberFormat(locale(), options).format(value);
}

/** part / whole, or null when there is no whole. */
export function share(part, whole) {
  const total = Number(whole);
  return total > 0 ? Number(part ?? 0) / total : null;
}

export function date(isoDate) {
  if (!isoDate) {
    return '—';
  }
  const parsed = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00` : isoDate);
  return Number.isNaN(parsed.getTime()) ? String(isoDate) : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(parsed);
}

export function dateTime(isoInstant) {
  if (!isoInstant) {
    return '—';
  }
  const parsed = new Date(isoInstant);
  return Number.isNaN(parsed.getTime()) ? String(isoInstant)
    : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(parsed);
}

export function time(isoInstant) {
  const parsed = isoInstant ? new Date(isoInstant) : new Date();
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'medium' }).format(parsed);
}
