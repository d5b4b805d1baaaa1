// The reporting rate of one period. A year's aggregate counts the reports of every period ending in the year (the
// annual report and the quarters alike), so a rate over those counts would mix periods: the dashboard shows the
// rate of one period at a time, from the completeness endpoint the reporting view uses.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, itemsOf } from '../api.js';
import { date, number, percent } from '../format.js';
import { figure, loading, notYetAvailable } from './common.js';

export async function periodsOf(signal) {
  return itemsOf(await getJson('/api/periods', { signal }));
}

/** The periods ending in the year, the latest first. */
export function periodsEndingIn(periods, year) {
  return periods.filter((period) => String(period.to ?? '').startsWith(`${year}-`))
    .sort((a, b) => String(b.to).localeCompare(String(a.to)));
}

/**
 * Of the periods (latest first), the latest whose every deadline has passed; else, of those that have begun, the one
 * due first; else the earliest.
 */
export function periodToShow(periods, today = new Date().toISOString().slice(0, 10)) {
  const lastDeadline = (period) => Object.values(period.dueDates ?? {}).sort().pop() ?? String(period.to);
  const begun = periods.filter((period) => String(period.from ?? '') <= today)
    .sort((a, b) => lastDeadline(a).localeCompare(lastDeadline(b)));
  return periods.find((period) => lastDeadline(period) < today) ?? begun[0] ?? periods[periods.length - 1] ?? null;
}

export function periodLabel(period) {
  return `${period.title ?? period.id} (${t(`periodKind.${period.kind}`, {}, period.kind ?? '')}, ${date(period.from)} – ${date(period.to)})`;
}

export function completenessPath(unitId, periodId, { structure, query, page = 0, size }) {
  const current = structure === 'current' ? '&structure=current' : '';
  const search = query ? `&q=${encodeURIComponent(query)}` : '';
  return `/api/completeness?unitId=${encodeURIComponent(unitId)}&periodId=${encodeURIComponent(periodId)}${current}${search}&page=${page}&size=${size}`;
}

export function reportingRate(completeness) {
  return completeness.reportingRate ?? (completeness.expected ? completeness.submitted / completeness.expected : null);
}

/**
 * A picker of the year's periods and, for the one picked, the unit's reports submitted out of those due, on time and
 * approved, and the rate; for the reader's own unit, a link to the reporting view of that period (its rates per unit
 * below, its missing list).
 */
export function periodReports(ctx, unitId, periods, id) {
  const { year, structure, signal } = ctx;
  const ofYear = periodsEndingIn(periods, year);
  const holder = h('div', { class: 'period-reports', id, 'aria-live': 'polite' });
  if (!ofYear.length) {
    holder.append(h('p', { class: 'empty' }, t('periodRate.noPeriod', { year })));
    return holder;
  }
  const shown = periodToShow(ofYear);
  const picker = h('select', { id: `${id}-period` }, ofYear.map((period) =>
    h('option', { value: period.id, selected: period.id === shown.id ? true : null }, periodLabel(period))));
  const body = h('div');
  holder.append(h('div', { class: 'field' }, h('label', { for: `${id}-period` }, t('periodRate.period')), picker), body);
  const show = async (period) => {
    holder.dataset.periodId = period.id;
    clear(body).append(loading());
    let completeness;
    try {
      completeness = await getJson(completenessPath(unitId, period.id, { structure, size: 1 }), { signal });
    } catch (error) {
      clear(body).append(notYetAvailable(error) ?? '');
      return;
    }
    const rate = reportingRate(completeness);
    const row = (labelKey, name, value) => h('div', {}, h('dt', {}, t(labelKey)), h('dd', {}, figure(name, value, number(value), 'detail-value')));
    clear(body).append(
      h('p', { class: 'kpi-main' }, figure('periodReports.rate', rate, percent(rate))),
      h('dl', { class: 'kpi-details' },
        row('reporting.expected', 'periodReports.expected', completeness.expected),
        row('reporting.submitted', 'periodReports.submitted', completeness.submitted),
        row('reporting.onTime', 'periodReports.onTime', completeness.onTime),
        row('reporting.approved', 'periodReports.approved', completeness.approved)),
      unitId === ctx.root ? h('p', {}, h('a', { href: '#/reporting', onclick: () => { ctx.periodId = period.id; } }, t('periodRate.details'))) : null);
  };
  picker.addEventListener('change', () => show(ofYear.find((period) => period.id === picker.value)));
  show(shown);
  return holder;
}
