// Who has not reported for a period, per level, with the level's deadline.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, itemsOf } from '../api.js';
import { date, number, percent } from '../format.js';
import { dataTable } from '../table.js';
import { nameOf, unit } from '../units.js';
import { figure, loading, notYetAvailable, pageTitle, section } from './common.js';
import { completenessPath, periodLabel, reportingRate } from './period-rate.js';
import { pager } from './pledges.js';

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
      completeness = await getJson(missingPath(root, period, '', 0), { signal });
    } catch (error) {
      clear(result).append(deadlines(period), notYetAvailable(error) ?? '');
      return;
    }
    clear(result).append(deadlines(period), summary(completeness), byChild(completeness, root, period),
      missingSection(completeness, period, root, signal));
  };
  picker.addEventListener('change', () => show(sorted.find((period) => period.id === picker.value)));
  await show(chosen);
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
  const rate = reportingRate(completeness);
  return h('div', { class: 'summary-strip' },
    item('reporting.expected', 'completeness.expected', completeness.expected, number(completeness.expected)),
    item('reporting.submitted', 'completeness.submitted', completeness.submitted, number(completeness.submitted)),
    item('reporting.onTime', 'completeness.onTime', completeness.onTime, number(completeness.onTime)),
    item('reporting.late', 'completeness.late', completeness.late, number(completeness.late)),
    item('reporting.approved', 'completeness.approved', completeness.approved, number(completeness.approved)),
    item('reporting.rate', 'completeness.reportingRate', rate, percent(rate)));
}

const MISSING_PAGE = 50;

function missingPath(root, period, query, page) {
  return completenessPath(root, period.id, { query, page, size: MISSING_PAGE });
}

/** The reporting rate of each child unit's subtree, for this one period. */
function byChild(completeness, root, period) {
  const rows = (completeness.byChild ?? []).filter((child) => child.unitId !== root).map((child) => ({ ...child, id: child.unitId }));
  if (!rows.length) {
    return null;
  }
  return section(t('reporting.byChild'), dataTable({
    caption: t('reporting.byChildCaption', { period: period.title ?? period.id }),
    fileName: `neuguong-${root}-reporting-${period.id}.csv`,
    id: 'reporting-by-child',
    columns: [
      { label: t('common.unit'), value: (row) => row.name ?? row.unitId, link: (row) => `#/unit/${row.unitId}` },
      { label: t('reporting.expected'), value: (row) => row.expected, text: (row) => number(row.expected), numeric: true },
      { label: t('reporting.submitted'), value: (row) => row.submitted, text: (row) => number(row.submitted), numeric: true },
      { label: t('reporting.rate'), value: (row) => row.reportingRate, text: (row) => percent(row.reportingRate), numeric: true },
    ],
    rows,
  }));
}

/** The units that have not reported, with the unit they report to; searched and paged by the server. */
function missingSection(first, period, root, signal) {
  const panel = section(t('reporting.missingTitle', { count: number(first.missingTotal ?? (first.missing ?? []).length) }));
  const input = h('input', { type: 'search', id: 'missing-search', placeholder: t('reporting.searchPlaceholder') });
  const body = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'unit-search', role: 'search' }, h('label', { for: 'missing-search' }, t('reporting.search')), input,
    h('button', { type: 'submit', class: 'secondary' }, t('unitSearch.button')));
  const today = new Date().toISOString().slice(0, 10);
  const showPage = (completeness, query, page) => {
    const rows = (completeness.missing ?? []).map((entry) => ({ ...entry, id: entry.unitId }));
    const total = completeness.missingTotal ?? rows.length;
    clear(body).append(rows.length ? dataTable({
      caption: t('reporting.missingCaptionAll', { period: period.title ?? period.id }),
      fileName: `neuguong-${root}-missing-${period.id}-page-${page + 1}.csv`,
      id: 'missing-table',
      columns: [
        { label: t('common.unit'), value: (row) => row.name ?? row.unitId, link: (row) => `#/unit/${row.unitId}` },
        { label: t('reporting.level'), value: (row) => row.level ?? '', text: (row) => t(`level.${row.level ?? 'UNKNOWN'}`) },
        { label: t('reporting.parent'), value: (row) => row.parentName ?? row.parentId ?? '' },
        { label: t('reporting.dueDate'), value: (row) => row.dueDate ?? '', text: (row) => date(row.dueDate) },
        { label: t('reporting.overdue'), value: (row) => Boolean(row.dueDate && row.dueDate < today),
          text: (row) => t(row.dueDate && row.dueDate < today ? 'reporting.overdueYes' : 'reporting.overdueNo') },
      ],
      rows,
    }) : h('p', { class: 'empty' }, query ? t('unitSearch.none') : t('reporting.allReported')),
    total > MISSING_PAGE ? pager(page, total, (next) => load(query, next), MISSING_PAGE) : null);
  };
  const load = async (query, page) => {
    try {
      showPage(await getJson(missingPath(root, period, query, page), { signal }), query, page);
    } catch (error) {
      clear(body).append(notYetAvailable(error) ?? '');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(input.value.trim(), 0);
  });
  panel.append(form, body);
  showPage(first, '', 0);
  return panel;
}
