// A unit and its children: the map of provinces (nation, today's structure), a ranking, a table; then, for any
// unit below the nation, its pledges and nominations. Nation → province → commune takes two clicks from here.
import { clear, h } from '../dom.js';
import { language, t } from '../i18n.js';
import { getJson, itemsOf } from '../api.js';
import { date, number, percent } from '../format.js';
import { chartBox, provinceMap, rankingBars } from '../charts.js';
import { dataTable } from '../table.js';
import { INDICATORS, awardedTotal } from '../indicators.js';
import { childrenById, nameOf, namesOf, unit } from '../units.js';
import { figure, loading, notYetAvailable, pageTitle, problemBox, section, serverExports } from './common.js';
import { aggregatePath } from './overview.js';
import { periodReports, periodsOf } from './period-rate.js';

const PAGE_SIZE = 20;

export async function renderUnit(main, ctx, requestedId) {
  const { root, year, structure, signal } = ctx;
  const unitId = requestedId || root;
  let orgUnit;
  let aggregate;
  try {
    [orgUnit, aggregate] = await Promise.all([unit(unitId, signal), getJson(aggregatePath(unitId, year, structure), { signal })]);
  } catch (error) {
    main.append(pageTitle(unitId), problemBox(error));
    return;
  }
  main.append(unitSearch(ctx), await breadcrumbs(orgUnit, root, signal));
  const place = unitId === 'vn' ? t('unit.nation') : nameOf(orgUnit, unitId);
  main.append(pageTitle(t('unit.title', { unit: place, year }),
    `${t(`level.${orgUnit.level}`)} · ${t(structure === 'current' ? 'structure.currentNote' : 'structure.legacyNote')}`));
  main.append(summaryStrip(aggregate), await reportsSection(ctx, unitId));

  const childrenPanel = section(t('unit.children'));
  main.append(childrenPanel);
  await renderChildren(childrenPanel, ctx, orgUnit);

  if (unitId !== 'vn') {
    main.append(coachingSection(unitId, year, signal), pledgesSection(unitId, year, signal),
      nominationsSection(unitId, year, signal));
  }
  main.append(section(t('export.title'), serverExports(unitId, year, structure)));
}

/** Finds a unit by name (tone marks optional) within what the reader may see, and opens it. */
function unitSearch(ctx) {
  const input = h('input', { type: 'search', id: 'unit-search', autocomplete: 'off', placeholder: t('unitSearch.placeholder') });
  const results = h('ul', { class: 'search-results', id: 'unit-search-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'unit-search', role: 'search' },
    h('label', { for: 'unit-search' }, t('unitSearch.label')), input,
    h('button', { type: 'submit', class: 'secondary' }, t('unitSearch.button')), results);
  let searching = null;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = input.value.trim();
    clear(results);
    if (query.length < 2) {
      return;
    }
    searching?.abort();
    searching = new AbortController();
    try {
      const found = itemsOf(await getJson(`/api/org-units?q=${encodeURIComponent(query)}&size=20`, { signal: searching.signal }));
      const visible = found.filter((candidate) => ctx.root === 'vn' || (candidate.path ?? []).includes(ctx.root));
      results.append(...(visible.length ? visible.map((candidate) => h('li', {}, h('a', { href: `#/unit/${encodeURIComponent(candidate.id)}` },
        `${nameOf(candidate, candidate.id)} — ${t(`level.${candidate.level}`, {}, candidate.level)}`))) : [h('li', { class: 'empty' }, t('unitSearch.none'))]));
    } catch (error) {
      if (error.name !== 'AbortError') {
        results.append(h('li', {}, problemBox(error) ?? ''));
      }
    }
  });
  return form;
}

async function breadcrumbs(orgUnit, root, signal) {
  const path = Array.isArray(orgUnit.path) && orgUnit.path.length ? orgUnit.path : [orgUnit.id];
  const visible = path.slice(Math.max(0, path.indexOf(root)));
  const names = await namesOf(visible, signal).catch(() => new Map());
  return h('nav', { class: 'breadcrumbs', 'aria-label': t('unit.breadcrumbs') },
    h('ol', {}, visible.map((id, index) => h('li', {},
      index === visible.length - 1
        ? h('span', { 'aria-current': 'page' }, id === 'vn' ? t('unit.nation') : nameOf(orgUnit, id))
        : h('a', { href: `#/unit/${id}` }, id === 'vn' ? t('unit.nation') : names.get(id) ?? id)))));
}

function summaryStrip(aggregate) {
  const item = (labelKey, name, value, text) => h('div', { class: 'summary-item' },
    h('span', { class: 'summary-label' }, t(labelKey)), figure(name, value, text, 'summary-value'));
  const p = aggregate.pledges ?? {};
  return h('div', { class: 'summary-strip' },
    item('indicator.expected', 'pledges.expected', p.expected, number(p.expected)),
    item('indicator.registered', 'pledges.registered', p.registered, number(p.registered)),
    item('indicator.coverage', 'pledges.coverage', p.coverage, percent(p.coverage)),
    item('indicator.onTimeShare', 'onTimeShare', INDICATORS.onTimeShare.value(aggregate), percent(INDICATORS.onTimeShare.value(aggregate))),
    item('indicator.genericShare', 'genericShare', INDICATORS.genericShare.value(aggregate), percent(INDICATORS.genericShare.value(aggregate))),
    item('indicator.awarded', 'recognition.awardedTotal', awardedTotal(aggregate), number(awardedTotal(aggregate))));
}

/** The unit's reports for one period of the year at a time: the aggregate's report counts add up the year's periods. */
async function reportsSection(ctx, unitId) {
  const panel = section(t('indicator.reportCompleteness'));
  try {
    panel.append(periodReports(ctx, unitId, await periodsOf(ctx.signal), 'unit-period-reports'));
  } catch (error) {
    panel.append(notYetAvailable(error) ?? '');
  }
  return panel;
}

async function renderChildren(panel, ctx, orgUnit) {
  const { year, structure, signal } = ctx;
  const current = structure === 'current' ? '&structure=current' : '';
  let items;
  let names;
  try {
    [items, names] = await Promise.all([
      getJson(`/api/aggregates/${encodeURIComponent(orgUnit.id)}/children?year=${year}${current}&size=200`, { signal }).then(itemsOf),
      childrenById(orgUnit.id, signal),
    ]);
  } catch (error) {
    panel.append(problemBox(error));
    return;
  }
  if (!items.length) {
    panel.append(h('p', { class: 'empty' }, t('unit.noChildren')));
    return;
  }
  const rows = items.map((aggregate) => {
    const child = names.get(aggregate.unitId);
    return { id: aggregate.unitId, code: child?.code ?? aggregate.unitId.replace(/^[a-z]+-/, ''), label: nameOf(child, aggregate.unitId), aggregate };
  });

  const picker = h('select', { id: 'indicator-select' }, Object.entries(INDICATORS).map(([key, indicator]) =>
    h('option', { value: key, selected: key === ctx.indicator ? true : null }, t(indicator.labelKey))));
  const visuals = h('div', { class: 'children-visuals' });
  const tableHolder = h('div');
  panel.append(h('div', { class: 'field' }, h('label', { for: 'indicator-select' }, t('unit.indicator')), picker), visuals, tableHolder);

  const showsMap = orgUnit.id === 'vn' && structure === 'current';
  let charts = [];
  const draw = async () => {
    charts.forEach((chart) => chart.dispose());
    charts = [];
    clear(visuals);
    clear(tableHolder);
    const indicator = INDICATORS[ctx.indicator] ?? INDICATORS.coverage;
    const label = t(indicator.labelKey);
    const valued = rows.map((row) => ({ ...row, value: indicator.value(row.aggregate) }));
    const ranked = [...valued].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
    const description = `${label}: ${ranked.map((row) => `${row.label} ${indicator.format(row.value)}`).join('; ')}`;
    const go = (id) => ctx.navigate(`#/unit/${id}`);
    const barsBox = chartBox(description, 'chart chart-bars');
    if (showsMap) {
      const mapBox = chartBox(`${t('unit.mapLabel', { indicator: label })} ${description}`, 'chart chart-map');
      mapBox.id = 'province-map';
      visuals.append(h('div', { class: 'visual-pair' },
        h('figure', {}, mapBox, h('figcaption', {}, t('unit.mapCaption'))),
        h('figure', {}, h('div', { class: 'bars-scroll' }, barsBox), h('figcaption', {}, t('unit.barsCaption', { indicator: label })))));
      charts.push(await provinceMap(mapBox, valued, { format: indicator.format, legendTitle: label, onClick: go }));
    } else {
      if (orgUnit.id === 'vn') {
        visuals.append(h('p', { class: 'notice' }, t('unit.legacyNoMap', { year })));
      }
      visuals.append(h('figure', {}, h('div', { class: 'bars-scroll' }, barsBox), h('figcaption', {}, t('unit.barsCaption', { indicator: label }))));
    }
    charts.push(rankingBars(barsBox, ranked.map((row) => ({ id: row.id, label: row.label, value: row.value ?? 0 })),
      { format: indicator.format, onClick: go }));
    tableHolder.append(childrenTable(orgUnit, rows, year));
  };
  picker.addEventListener('change', () => {
    ctx.indicator = picker.value;
    draw();
  });
  await draw();
}

function childrenTable(orgUnit, rows, year) {
  const numeric = (labelKey, value, format) => ({ label: t(labelKey), value: (row) => value(row.aggregate), text: (row) => format(value(row.aggregate)), numeric: true });
  return dataTable({
    caption: t('unit.childrenCaption', { unit: orgUnit.id === 'vn' ? t('unit.nation') : nameOf(orgUnit, orgUnit.id), year }),
    fileName: `neuguong-${orgUnit.id}-children-${year}.csv`,
    id: 'children-table',
    columns: [
      { label: t('common.unit'), value: (row) => row.label, link: (row) => `#/unit/${row.id}` },
      { label: t('common.code'), value: (row) => row.code },
      numeric('indicator.expected', (a) => a.pledges?.expected ?? 0, number),
      numeric('indicator.registered', (a) => a.pledges?.registered ?? 0, number),
      numeric('indicator.coverage', INDICATORS.coverage.value, percent),
      numeric('indicator.onTimeShare', INDICATORS.onTimeShare.value, percent),
      numeric('indicator.genericShare', INDICATORS.genericShare.value, percent),
      numeric('indicator.awarded', awardedTotal, number),
    ],
    rows,
  });
}

/** Where to coach: the share of "chung chung" pledges in the subtree and the findings behind them, with advice. */
function coachingSection(unitId, year, signal) {
  const panel = section(t('coaching.title'));
  panel.id = 'coaching';
  const body = h('div', {}, loading());
  panel.append(body);
  getJson(`/api/pledges/specificity-summary?unitId=${encodeURIComponent(unitId)}&year=${year}`, { signal })
    .then((summary) => {
      const english = language() === 'en';
      clear(body).append(
        h('p', { class: 'coaching-share' }, t('coaching.share', {
          generic: number(summary.generic ?? 0), pledges: number(summary.pledges ?? 0),
          share: summary.pledges ? percent(summary.genericShare) : '—' })),
        dataTable({
          caption: t('coaching.caption', { year }),
          fileName: `neuguong-${unitId}-findings-${year}.csv`,
          id: 'coaching-table',
          emptyText: t('coaching.empty'),
          columns: [
            { label: t('coaching.finding'), value: (f) => (english ? f.messageEn : f.messageVi) ?? f.code },
            { label: t('coaching.pledges'), value: (f) => f.pledges ?? 0, text: (f) => number(f.pledges ?? 0), numeric: true },
            { label: t('coaching.suggestion'), value: (f) => (english ? f.suggestionEn : f.suggestionVi) ?? '' },
          ],
          rows: summary.findings ?? [],
        }));
    })
    .catch((error) => clear(body).append(notYetAvailable(error) ?? ''));
  return panel;
}

function pledgesSection(unitId, year, signal) {
  const panel = section(t('pledges.title'));
  const body = h('div', { class: 'paged' }, loading());
  panel.append(body);
  const show = async (page) => {
    let answer;
    try {
      answer = await getJson(`/api/pledges?unitId=${encodeURIComponent(unitId)}&year=${year}&page=${page}&size=${PAGE_SIZE}`, { signal });
    } catch (error) {
      clear(body).append(notYetAvailable(error) ?? '');
      return;
    }
    const items = itemsOf(answer);
    const total = answer?.total ?? items.length;
    clear(body).append(
      dataTable({
        caption: t('pledges.caption', { year }),
        fileName: `neuguong-${unitId}-pledges-${year}-page-${page + 1}.csv`,
        id: 'pledges-table',
        emptyText: t('pledges.empty', { year }),
        columns: [
          { label: t('pledges.pledger'), value: (p) => p.pledger?.fullName ?? p.pledger?.name ?? p.id },
          { label: t('pledges.kind'), value: (p) => p.pledger?.kind, text: (p) => t(`pledgerKind.${p.pledger?.kind ?? 'UNKNOWN'}`) },
          { label: t('common.status'), value: (p) => p.status, text: (p) => t(`pledgeStatus.${p.status ?? 'UNKNOWN'}`) },
          { label: t('pledges.signedOn'), value: (p) => p.signedOn ?? '', text: (p) => date(p.signedOn) },
          { label: t('pledges.onTime'), value: (p) => p.onTime, text: (p) => t(p.onTime ? 'common.yes' : 'common.no') },
          { label: t('pledges.specificity'), value: (p) => p.specificity?.score ?? null, text: (p) => percent(p.specificity?.score), numeric: true },
          { label: t('pledges.commitments'), value: (p) => p.commitments?.length ?? 0, text: (p) => number(p.commitments?.length ?? 0), numeric: true },
          { label: t('pledges.grade'), value: (p) => p.evaluation?.grade ?? '', text: (p) => (p.evaluation?.grade ? t(`grade.${p.evaluation.grade}`) : '—') },
          { label: t('pledges.registeredAt'), value: (p) => p.registeredAt ?? '', text: (p) => date(p.registeredAt) },
        ],
        rows: items,
      }),
      pager(page, total, show));
  };
  show(0);
  return panel;
}

function pager(page, total, show) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) {
    return h('p', { class: 'pager-info' }, t('pager.total', { total: number(total) }));
  }
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    h('button', { type: 'button', class: 'secondary', disabled: page === 0 ? true : null, onclick: () => show(page - 1) }, t('pager.previous')),
    h('span', { class: 'pager-info' }, t('pager.position', { page: page + 1, pages, total: number(total) })),
    h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages ? true : null, onclick: () => show(page + 1) }, t('pager.next')));
}

function nominationsSection(unitId, year, signal) {
  const panel = section(t('nominations.title'));
  const body = h('div', {}, loading());
  panel.append(body);
  getJson(`/api/nominations?unitId=${encodeURIComponent(unitId)}&year=${year}&size=100`, { signal }).then((answer) => {
    const items = itemsOf(answer);
    clear(body).append(dataTable({
      caption: t('nominations.caption', { year }),
      fileName: `neuguong-${unitId}-nominations-${year}.csv`,
      id: 'nominations-table',
      emptyText: t('nominations.empty', { year }),
      columns: [
        { label: t('nominations.nominee'), value: (n) => n.nominee?.name ?? n.id },
        { label: t('nominations.kind'), value: (n) => n.nominee?.kind, text: (n) => t(`nomineeKind.${n.nominee?.kind ?? 'UNKNOWN'}`) },
        { label: t('nominations.field'), value: (n) => n.field ?? '', text: (n) => t(`field.${n.field}`, {}, n.field ?? '—') },
        { label: t('common.status'), value: (n) => n.status, text: (n) => t(`nominationStatus.${n.status ?? 'UNKNOWN'}`) },
        { label: t('nominations.award'), value: (n) => n.award ?? '', text: (n) => (n.award ? t(`award.${n.award}`) : '—') },
        { label: t('nominations.replications'), value: (n) => n.replicationCount ?? 0, text: (n) => number(n.replicationCount ?? 0), numeric: true },
      ],
      rows: items,
    }));
  }).catch((error) => {
    clear(body).append(notYetAvailable(error) ?? '');
  });
  return panel;
}
