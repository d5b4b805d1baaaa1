// Who has not reported for a period, per level, with the level's deadline.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, itemsOf } from '../api.js';
import { date, number, percent } from '../format.js';
import { dataTable } from '../table.js';
import { nameOf, unit } from '../units.js';
import { figure, loading, notYetAvailable, pageTitle, section } from './common.js';

const LEVELS = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'GRASSROOTS', 'CELL'];

export async function renderReporting(main, ctx) {
  const { root, year, signal } = ctx;
  const rootUnit = await unit(root, signal).catch(() => null);
  main.append(pageTitle(t('reporting.title'), t('reporting.subtitle', { unit: root === 'vn' ? t('unit.nation') : nameOf(rootUnit, root) })));
  let periods;
  try {
    periods = itemsOf(await getJson('/api/periods', { signal }));
  } catch (error) {
    main.append(notYetAvailable(error) ?? '');
    return;
  }
  if (!periods.length) {
    main.append(h('p', { class: 'empty' }, t('reporting.noPeriods')));
    return;
  }
  const sorted = [...periods].sort((a, b) => String(b.to ?? '').localeCompare(String(a.to ?? '')));
  const chosen = sorted.find((period) => period.id === ctx.periodId)
    ?? sorted.find((period) => period.id === String(year)) ?? sorted[0];
  const picker = h('select', { id: 'period-select' }, sorted.map((period) =>
    h('option', { value: period.id, selected: period.id === chosen.id ? true : null }, periodLabel(period))));
  const result = h('div', { 'aria-live': 'polite' });
  main.append(h('div', { class: 'field' }, h('label', { for: 'period-select' }, t('reporting.period')), picker), result);
  const show = async (period) => {
    ctx.periodId = period.id;
    clear(result).append(loading());
    let completeness;
    try {
      completeness = await getJson(`/api/completeness?unitId=${encodeURIComponent(root)}&periodId=${encodeURIComponent(period.id)}`, { signal });
    } catch (error) {
      clear(result).append(deadlines(period), notYetAvailable(error) ?? '');
      return;
    }
    clear(result).append(deadlines(period), summary(completeness), await missingByLevel(completeness, period, root));
  };
  picker.addEventListener('change', () => show(sorted.find((period) => period.id === picker.value)));
  await show(chosen);
}

function periodLabel(period) {
  return `${period.title ?? period.id} (${t(`periodKind.${period.kind}`, {}, period.kind ?? '')}, ${date(period.from)} – ${date(period.to)})`;
}

function deadlines(period) {
  const dueDates = period.dueDates ?? {};
  return section(t('reporting.deadlines'), h('dl', { class: 'deadlines' },
    ['GRASSROOTS', 'PROVINCE', 'CENTRAL'].filter((level) => dueDates[level]).map((level) => h('div', {},
      h('dt', {}, t(`level.${level}`)), h('dd', {}, date(dueDates[level]))))));
}

function summary(completeness) {
  const item = (labelKey, name, value, text) => h('div', { class: 'summary-item' },
    h('span', { class: 'summary-label' }, t(labelKey)), figure(name, value, text, 'summary-value'));
  const rate = completeness.reportingRate ?? (completeness.expected ? completeness.submitted / completeness.expected : null);
  return h('div', { class: 'summary-strip' },
    item('reporting.expected', 'completeness.expected', completeness.expected, number(completeness.expected)),
    item('reporting.submitted', 'completeness.submitted', completeness.submitted, number(completeness.submitted)),
    item('reporting.onTime', 'completeness.onTime', completeness.onTime, number(completeness.onTime)),
    item('reporting.late', 'completeness.late', completeness.late, number(completeness.late)),
    item('reporting.approved', 'completeness.approved', completeness.approved, number(completeness.approved)),
    item('reporting.rate', 'completeness.reportingRate', rate, percent(rate)));
}

async function missingByLevel(completeness, period, root) {
  const missing = Array.isArray(completeness.missing) ? completeness.missing : [];
  const panel = section(t('reporting.missingTitle', { count: number(missing.length) }));
  if (!missing.length) {
    panel.append(h('p', { class: 'empty' }, t('reporting.allReported')));
    return panel;
  }
  const levels = [...new Set(missing.map((entry) => entry.level ?? 'UNKNOWN'))]
    .sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b));
  const today = new Date().toISOString().slice(0, 10);
  for (const level of levels) {
    const rows = missing.filter((entry) => (entry.level ?? 'UNKNOWN') === level).map((entry) => ({ ...entry, id: entry.unitId }));
    const due = rows[0]?.dueDate ?? period.dueDates?.[level];
    panel.append(h('h3', {}, t('reporting.levelHeading', { level: t(`level.${level}`), count: number(rows.length), due: date(due) })),
      dataTable({
        caption: t('reporting.missingCaption', { level: t(`level.${level}`), period: period.title ?? period.id }),
        fileName: `neuguong-${root}-missing-${period.id}-${level}.csv`,
        columns: [
          { label: t('common.unit'), value: (row) => row.name ?? row.unitId, link: (row) => `#/unit/${row.unitId}` },
          { label: t('common.id'), value: (row) => row.unitId },
          { label: t('reporting.dueDate'), value: (row) => row.dueDate ?? '', text: (row) => date(row.dueDate) },
          { label: t('reporting.overdue'), value: (row) => Boolean(row.dueDate && row.dueDate < today),
            text: (row) => t(row.dueDate && row.dueDate < today ? 'reporting.overdueYes' : 'reporting.overdueNo') },
        ],
        rows,
      }));
  }
  return panel;
}
