// The pledges of a unit's subtree: filter by year, status and the "chung chung" flag, sort on the server, page.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, itemsOf } from '../api.js';
import { date, number, percent } from '../format.js';
import { nameOf, namesOf, unit } from '../units.js';
import { canManagePledges } from '../roles.js';
import { loading, pageTitle, problemBox, section } from './common.js';

const PAGE_SIZE = 20;
const STATUSES = ['REGISTERED', 'SELF_ASSESSED', 'EVALUATED', 'WITHDRAWN'];
const SORTS = ['registeredAt,desc', 'registeredAt,asc', 'score,asc', 'score,desc', 'status,asc', 'unitId,asc'];

export async function renderPledges(main, ctx) {
  const { user, signal } = ctx;
  const root = ctx.pledgeFilter?.unitId ?? user.unitId;
  const rootUnit = await unit(root, signal).catch(() => null);
  main.append(pageTitle(t('pledgeList.title', { unit: root === 'vn' ? t('unit.nation') : nameOf(rootUnit, root) }), t('pledgeList.subtitle')));
  if (canManagePledges(user)) {
    main.append(h('p', {}, h('a', { href: '#/pledges/new', class: 'button-link primary', id: 'new-pledge' }, t('pledgeList.new'))));
  }
  const kept = ctx.pledgeFilter?.year === ctx.year ? ctx.pledgeFilter : {};
  const filter = { unitId: root, status: '', generic: '', sort: SORTS[0], page: 0, ...kept, year: ctx.year };
  const choose = (id, labelKey, options, value) => {
    const control = h('select', { id }, options.map(([optionValue, label]) =>
      h('option', { value: optionValue, selected: String(optionValue) === String(value) ? true : null }, label)));
    return { control, holder: h('div', { class: 'field inline' }, h('label', { for: id }, t(labelKey)), control) };
  };
  const status = choose('pledge-status-filter', 'common.status', [['', t('pledgeList.anyStatus')], ...STATUSES.map((s) => [s, t(`pledgeStatus.${s}`)])], filter.status);
  const generic = choose('pledge-generic-filter', 'pledgeList.genericFilter', [['', t('pledgeList.all')], ['true', t('pledgeList.onlyGeneric')], ['false', t('pledgeList.notGeneric')]], filter.generic);
  const sort = choose('pledge-sort', 'pledgeList.sort', SORTS.map((s) => [s, t(`pledgeList.sort.${s}`)]), filter.sort);
  const body = h('div', { class: 'paged' }, loading());
  main.append(section(t('pledgeList.section', { year: ctx.year }),
    h('div', { class: 'filters' }, status.holder, generic.holder, sort.holder), body));

  const show = async () => {
    ctx.pledgeFilter = { ...filter };
    clear(body).append(loading());
    const query = new URLSearchParams({ unitId: filter.unitId, year: String(filter.year), page: String(filter.page), size: String(PAGE_SIZE), sort: filter.sort });
    if (filter.status) {
      query.set('status', filter.status);
    }
    if (filter.generic) {
      query.set('generic', filter.generic);
    }
    let answer;
    try {
      answer = await getJson(`/api/pledges?${query}`, { signal });
    } catch (error) {
      clear(body).append(problemBox(error) ?? '');
      return;
    }
    const items = itemsOf(answer);
    const names = await namesOf(items.map((p) => p.unitId), signal).catch(() => new Map());
    const total = answer.total ?? items.length;
    clear(body).append(items.length ? pledgeTable(items, names) : h('p', { class: 'empty' }, t('pledges.empty', { year: filter.year })),
      pager(filter.page, total, (page) => { filter.page = page; show(); }));
  };
  for (const [key, { control }] of Object.entries({ status, generic, sort })) {
    control.addEventListener('change', () => {
      filter[key] = control.value;
      filter.page = 0;
      show();
    });
  }
  await show();
}

function pledgeTable(items, names) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', id: 'pledge-list' },
    h('caption', {}, t('pledgeList.caption')),
    h('thead', {}, h('tr', {}, [t('pledges.pledger'), t('common.unit'), t('pledges.kind'), t('common.status'), t('pledges.specificity'),
      t('pledgeList.generic'), t('pledges.signedOn'), t('pledges.onTime'), t('pledges.registeredAt')].map((label, index) =>
      h('th', { scope: 'col', class: index === 4 ? 'num' : null }, label)))),
    h('tbody', {}, items.map((p) => h('tr', { dataset: { pledgeId: p.id } },
      h('th', { scope: 'row' }, h('a', { href: `#/pledges/${encodeURIComponent(p.id)}` }, p.pledger?.fullName ?? p.pledger?.name ?? p.id)),
      h('td', {}, names.get(p.unitId) ?? p.unitId),
      h('td', {}, t(`pledgerKind.${p.pledger?.kind ?? 'UNKNOWN'}`)),
      h('td', {}, t(`pledgeStatus.${p.status ?? 'UNKNOWN'}`)),
      h('td', { class: 'num', dataset: { value: String(p.specificity?.score ?? '') } }, percent(p.specificity?.score)),
      h('td', {}, p.specificity?.generic ? h('span', { class: 'badge badge-generic' }, t('specificity.genericShort')) : '—'),
      h('td', { dataset: { value: p.signedOn ?? '' } }, date(p.signedOn)),
      h('td', {}, t(p.onTime ? 'common.yes' : 'common.no')),
      h('td', {}, date(p.registeredAt)))))));
}

export function pager(page, total, go, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    h('button', { type: 'button', class: 'secondary', disabled: page === 0 ? true : null, onclick: () => go(page - 1) }, t('pager.previous')),
    h('span', { class: 'pager-info' }, t('pager.position', { page: page + 1, pages, total: number(total) })),
    h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages ? true : null, onclick: () => go(page + 1) }, t('pager.next')));
}
