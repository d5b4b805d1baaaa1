// The overview of the user's unit (the nation for the central board) for a year, each figure with its trend.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson } from '../api.js';
import { dateTime, number, percent } from '../format.js';
import { chartBox, stackedColumns, trendLine } from '../charts.js';
import { dataTable } from '../table.js';
import { AWARDS, GRADES, INDICATORS, awardedTotal, evaluatedTotal } from '../indicators.js';
import { nameOf, unit } from '../units.js';
import { figure, notYetAvailable, pageTitle, problemBox, section, serverExports } from './common.js';
import { periodReports, periodsOf } from './period-rate.js';

export function aggregatePath(unitId, year, structure) {
  const current = structure === 'current' ? '&structure=current' : '';
  return `/api/aggregates/${encodeURIComponent(unitId)}?year=${year}${current}`;
}

export async function renderOverview(main, ctx) {
  const { root, year, years, structure, signal } = ctx;
  const [rootUnit, periods, ...results] = await Promise.allSettled([
    unit(root, signal),
    periodsOf(signal),
    ...years.map((y) => getJson(aggregatePath(root, y, structure), { signal })),
  ]);
  const place = rootUnit.status === 'fulfilled' ? nameOf(rootUnit.value, root) : root;
  main.append(pageTitle(root === 'vn' ? t('overview.titleNational', { year }) : t('overview.titleUnit', { unit: place, year }),
    t(structure === 'current' ? 'structure.currentNote' : 'structure.legacyNote')));

  const selected = results[years.indexOf(year)];
  if (selected.status === 'rejected') {
    main.append(problemBox(selected.reason) ?? '');
    return;
  }
  // a year nothing was counted for has no figures ("—"), not 0 %
  const byYear = years.map((y, index) => (results[index].status === 'fulfilled' && results[index].value?.asOf ? results[index].value : null));
  const aggregate = selected.value;
  main.append(h('p', { class: 'as-of' }, aggregate.asOf ? t('overview.asOf', { time: dateTime(aggregate.asOf) }) : t('overview.nothingCounted')));

  const pledges = aggregate.pledges ?? {};
  const recognition = aggregate.recognition ?? {};
  const trendOf = (indicator) => byYear.map((a) => (a ? INDICATORS[indicator].value(a) : null));

  const cards = h('div', { class: 'kpi-grid' },
    kpiCard({
      id: 'coverage', title: t('indicator.coverage'), explain: t('overview.coverageExplain'),
      main: figure('pledges.coverage', pledges.coverage, percent(pledges.coverage)),
      details: [
        [t('overview.individualOfExpected'), h('span', {}, figure('pledges.individual', pledges.individual, number(pledges.individual), 'detail-value'),
          ' / ', figure('pledges.expected', pledges.expected, number(pledges.expected), 'detail-value'))],
        [t('overview.registeredTotal'), figure('pledges.registered', pledges.registered, number(pledges.registered), 'detail-value')],
        [t('overview.collective'), figure('pledges.collective', pledges.collective, number(pledges.collective), 'detail-value')],
      ],
      trend: (box) => trendLine(box, years, trendOf('coverage'), { selectedYear: year, format: percent }),
      trendText: trendText(years, trendOf('coverage'), percent),
    }),
    kpiCard({
      id: 'on-time', title: t('indicator.onTimeShare'), explain: t('overview.onTimeExplain'),
      main: figure('onTimeShare', INDICATORS.onTimeShare.value(aggregate), percent(INDICATORS.onTimeShare.value(aggregate))),
      details: [[t('overview.onTime'), figure('pledges.onTime', pledges.onTime, number(pledges.onTime), 'detail-value')]],
      trend: (box) => trendLine(box, years, trendOf('onTimeShare'), { selectedYear: year, format: percent }),
      trendText: trendText(years, trendOf('onTimeShare'), percent),
    }),
    kpiCard({
      id: 'generic', title: t('indicator.genericShare'), explain: t('overview.genericExplain'),
      main: figure('genericShare', INDICATORS.genericShare.value(aggregate), percent(INDICATORS.genericShare.value(aggregate))),
      details: [[t('overview.generic'), figure('pledges.generic', pledges.generic, number(pledges.generic), 'detail-value')]],
      trend: (box) => trendLine(box, years, trendOf('genericShare'), { selectedYear: year, format: percent }),
      trendText: trendText(years, trendOf('genericShare'), percent),
    }),
    kpiCard({
      id: 'evaluation', title: t('overview.evaluation'), explain: t('overview.evaluationExplain'),
      main: figure('pledges.evaluatedTotal', evaluatedTotal(aggregate), number(evaluatedTotal(aggregate))),
      details: GRADES.map((grade) => [t(`grade.${grade}`),
        figure(`pledges.evaluated.${grade}`, pledges.evaluated?.[grade] ?? 0, number(pledges.evaluated?.[grade] ?? 0), 'detail-value')]),
      trend: (box) => stackedColumns(box, years, GRADES.map((grade) => ({
        name: t(`grade.${grade}`), values: byYear.map((a) => (a ? a.pledges?.evaluated?.[grade] ?? 0 : null)),
      })), { format: number }),
      trendText: t('overview.evaluationTrendText', { first: years[0], last: years[years.length - 1] }),
      tall: true,
    }),
    kpiCard({
      id: 'recognition', title: t('overview.recognition'), explain: t('overview.recognitionExplain'),
      main: figure('recognition.awardedTotal', awardedTotal(aggregate), number(awardedTotal(aggregate))),
      details: [
        ...AWARDS.map((award) => [t(`award.${award}`),
          figure(`recognition.awarded.${award}`, recognition.awarded?.[award] ?? 0, number(recognition.awarded?.[award] ?? 0), 'detail-value')]),
        [t('overview.nominated'), figure('recognition.nominated', recognition.nominated, number(recognition.nominated), 'detail-value')],
      ],
      trend: (box) => stackedColumns(box, years, AWARDS.map((award) => ({
        name: t(`award.${award}`), values: byYear.map((a) => (a ? a.recognition?.awarded?.[award] ?? 0 : null)),
      })), { format: number }),
      trendText: t('overview.recognitionTrendText', { first: years[0], last: years[years.length - 1] }),
      tall: true,
    }),
    reportsCard(ctx, periods));
  main.append(section(t('overview.keyFigures'), cards));

  const rows = years.map((y, index) => ({ year: y, aggregate: byYear[index] })).filter((row) => row.aggregate);
  const column = (labelKey, value, format) => ({ label: t(labelKey), value: (row) => value(row.aggregate), text: (row) => format(value(row.aggregate)), numeric: true });
  main.append(section(t('overview.byYear'),
    dataTable({
      caption: t('overview.byYearCaption', { unit: place }),
      fileName: `neuguong-${root}-${years[0]}-${years[years.length - 1]}.csv`,
      id: 'overview-table',
      columns: [
        { label: t('common.year'), value: (row) => row.year },
        column('indicator.expected', (a) => a.pledges?.expected ?? 0, number),
        column('indicator.registered', (a) => a.pledges?.registered ?? 0, number),
        column('indicator.coverage', INDICATORS.coverage.value, percent),
        column('indicator.onTimeShare', INDICATORS.onTimeShare.value, percent),
        column('indicator.genericShare', INDICATORS.genericShare.value, percent),
        column('overview.evaluated', evaluatedTotal, number),
        column('indicator.awarded', awardedTotal, number),
      ],
      rows,
    }),
    serverExports(root, year, structure)));
}

/** Reports of one period of the year, never the year's periods added up: the aggregate's counts mix them. */
function reportsCard(ctx, periods) {
  const titleId = 'kpi-reports-title';
  return h('article', { class: 'kpi-card', id: 'kpi-reports', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, t('indicator.reportCompleteness')),
    h('p', { class: 'kpi-explain' }, t('overview.reportsExplain')),
    periods.status === 'fulfilled' ? periodReports(ctx, ctx.root, periods.value, 'overview-period-reports')
      : notYetAvailable(periods.reason));
}

function kpiCard({ id, title, explain, main, details, trend, trendText: text, tall }) {
  const titleId = `kpi-${id}-title`;
  const box = chartBox(text, tall ? 'chart chart-trend-tall' : 'chart chart-trend');
  const card = h('article', { class: 'kpi-card', id: `kpi-${id}`, 'aria-labelledby': titleId },
    h('h3', { id: titleId }, title),
    h('p', { class: 'kpi-main' }, main),
    h('p', { class: 'kpi-explain' }, explain),
    h('dl', { class: 'kpi-details' }, details.map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value)))),
    box);
  requestAnimationFrame(() => {
    if (box.isConnected) {
      trend(box);
    }
  });
  return card;
}

function trendText(years, values, format) {
  return `${t('overview.trend')}: ${years.map((y, index) => `${y}: ${values[index] === null ? '—' : format(values[index])}`).join('; ')}`;
}
