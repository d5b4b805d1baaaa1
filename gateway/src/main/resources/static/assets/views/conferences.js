// Live national totals of an online conference: the figures follow the server-sent events of the totals stream.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, itemsOf, readEventStream } from '../api.js';
import { dateTime, number, time } from '../format.js';
import { chartBox, rankingBars } from '../charts.js';
import { dataTable } from '../table.js';
import { childrenById, nameOf } from '../units.js';
import { figure, loading, notYetAvailable, pageTitle, problemBox, section } from './common.js';

const RETRY_MS = 3000;

export async function renderConferences(main, ctx) {
  const { signal } = ctx;
  main.append(pageTitle(t('conferences.title'), t('conferences.subtitle')));
  let conferences;
  try {
    conferences = itemsOf(await getJson('/api/conferences?size=100', { signal }));
  } catch (error) {
    main.append(notYetAvailable(error) ?? '');
    return;
  }
  if (!conferences.length) {
    main.append(h('p', { class: 'empty' }, t('conferences.none')));
    return;
  }
  const sorted = [...conferences].sort((a, b) => String(b.startsAt ?? '').localeCompare(String(a.startsAt ?? '')));
  const chosen = sorted.find((conference) => conference.id === ctx.conferenceId) ?? sorted[0];
  const picker = h('select', { id: 'conference-select' }, sorted.map((conference) =>
    h('option', { value: conference.id, selected: conference.id === chosen.id ? true : null },
      `${conference.title ?? conference.id} — ${dateTime(conference.startsAt)}`)));
  const live = h('div');
  main.append(h('div', { class: 'field' }, h('label', { for: 'conference-select' }, t('conferences.choose')), picker), live);

  let watching = null;
  const watch = (conference) => {
    watching?.abort();
    watching = new AbortController();
    ctx.conferenceId = conference.id;
    signal.addEventListener('abort', () => watching.abort(), { once: true });
    follow(live, conference, watching.signal);
  };
  picker.addEventListener('change', () => watch(sorted.find((conference) => conference.id === picker.value)));
  watch(chosen);
}

async function follow(container, conference, signal) {
  clear(container).append(loading());
  const status = h('p', { class: 'live-status', role: 'status' });
  const figures = h('div', { class: 'summary-strip conference-figures' });
  const provinces = h('div');
  const notConnected = h('div', { id: 'not-connected' });
  const allProvinces = await childrenById('vn', signal).then((byId) => [...byId.values()].filter((unit) => unit.level === 'PROVINCE' && !unit.validTo))
    .catch(() => []);
  let chart = null;

  const show = (totals) => {
    clear(figures).append(
      big('conferences.connectionPoints', 'conference.connectionPoints', totals.connectionPoints),
      big('conferences.attendees', 'conference.attendees', totals.attendees),
      big('conferences.units', 'conference.units', totals.units));
    chart?.dispose();
    clear(provinces);
    const connected = new Set((Array.isArray(totals.byProvince) ? totals.byProvince : []).filter((p) => (p.units ?? 0) > 0).map((p) => p.provinceId));
    const waiting = allProvinces.filter((province) => !connected.has(province.id)).sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'vi'));
    clear(notConnected).append(h('h3', {}, t('conferences.notConnected', { count: number(waiting.length) })),
      waiting.length ? h('ul', { class: 'inline-list' }, waiting.map((province) => h('li', { dataset: { unitId: province.id } }, nameOf(province, province.id))))
        : h('p', { class: 'empty' }, t('conferences.allConnected')));
    const rows = (Array.isArray(totals.byProvince) ? totals.byProvince : [])
      .map((province) => ({ ...province, id: province.provinceId, label: province.name ?? province.provinceId }))
      .sort((a, b) => (b.attendees ?? 0) - (a.attendees ?? 0));
    if (!rows.length) {
      provinces.append(h('p', { class: 'empty' }, t('conferences.noAttendance')));
      return;
    }
    const box = chartBox(`${t('conferences.byProvinceChart')}: ${rows.map((row) => `${row.label} ${number(row.attendees)}`).join('; ')}`, 'chart chart-bars');
    provinces.append(h('div', { class: 'visual-pair' },
      h('figure', {}, h('div', { class: 'bars-scroll' }, box), h('figcaption', {}, t('conferences.byProvinceChart'))),
      dataTable({
        caption: t('conferences.byProvinceCaption', { title: conference.title ?? conference.id }),
        fileName: `neuguong-conference-${conference.id}.csv`,
        id: 'conference-table',
        columns: [
          { label: t('common.province'), value: (row) => row.label },
          { label: t('conferences.connectionPoints'), value: (row) => row.connectionPoints ?? 0, text: (row) => number(row.connectionPoints ?? 0), numeric: true },
          { label: t('conferences.attendees'), value: (row) => row.attendees ?? 0, text: (row) => number(row.attendees ?? 0), numeric: true },
          { label: t('conferences.units'), value: (row) => row.units ?? 0, text: (row) => number(row.units ?? 0), numeric: true },
        ],
        rows,
      })));
    chart = rankingBars(box, rows.map((row) => ({ id: row.id, label: row.label, value: row.attendees ?? 0 })), { format: number });
  };

  let totals;
  try {
    totals = await getJson(`/api/conferences/${encodeURIComponent(conference.id)}/totals`, { signal });
  } catch (error) {
    clear(container).append(error.status === 404 ? notYetAvailable(error) : problemBox(error) ?? '');
    return;
  }
  clear(container).append(section(conference.title ?? conference.id, status, figures), section(t('conferences.byProvince'), provinces, notConnected));
  show(totals);
  status.textContent = t('conferences.asOf', { time: dateTime(totals.asOf) });

  while (!signal.aborted) {
    try {
      await readEventStream(`/api/conferences/${encodeURIComponent(conference.id)}/totals/stream`, {
        signal,
        onOpen: () => {
          status.dataset.state = 'live';
          status.textContent = t('conferences.live', { time: time() });
        },
        onEvent: (name, data) => {
          if (name !== 'totals') {
            return;
          }
          const next = JSON.parse(data);
          show(next);
          status.dataset.state = 'live';
          status.textContent = t('conferences.live', { time: time(next.asOf) });
        },
      });
    } catch (error) {
      if (signal.aborted || error.name === 'AbortError') {
        return;
      }
      if (error.status === 404) {
        status.dataset.state = 'off';
        status.textContent = t('conferences.noStream');
        return;
      }
    }
    status.dataset.state = 'reconnecting';
    status.textContent = t('conferences.reconnecting');
    await new Promise((resolve) => {
      const timer = window.setTimeout(resolve, RETRY_MS);
      signal.addEventListener('abort', () => { window.clearTimeout(timer); resolve(); }, { once: true });
    });
  }
}

function big(labelKey, name, value) {
  return h('div', { class: 'summary-item big' }, h('span', { class: 'summary-label' }, t(labelKey)),
    figure(name, value ?? 0, number(value ?? 0), 'summary-value'));
}
