// The parent unit's approval queue for a period: its children's submitted reports, the consolidated view of all
// their standing reports, approve, or return with a reason.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { download, getJson, itemsOf, sendJson } from '../api.js';
import { dateTime, number } from '../format.js';
import { nameOf, unit } from '../units.js';
import { canApprove } from '../roles.js';
import { loading, pageTitle, problemBox, section } from './common.js';
import { reportHistory, reportStatusPanel, sortedPeriods } from './report-form.js';

export async function renderApprovals(main, ctx) {
  const { user, signal } = ctx;
  const own = await unit(user.unitId, signal).catch(() => ({ id: user.unitId }));
  main.append(pageTitle(t('approvals.title'), t('approvals.subtitle', { unit: user.unitId === 'vn' ? t('unit.nation') : nameOf(own, user.unitId) })));
  if (!canApprove(user)) {
    main.append(h('p', { class: 'notice', role: 'status' }, t('approvals.notAllowed')));
    return;
  }
  const periods = sortedPeriods(itemsOf(await getJson('/api/periods', { signal })));
  if (!periods.length) {
    main.append(h('p', { class: 'empty' }, t('reporting.noPeriods')));
    return;
  }
  const chosen = periods.find((p) => p.id === ctx.periodId) ?? periods[0];
  const picker = h('select', { id: 'approval-period' }, periods.map((p) =>
    h('option', { value: p.id, selected: p.id === chosen.id ? true : null }, p.title ?? p.id)));
  const body = h('div');
  main.append(h('div', { class: 'field' }, h('label', { for: 'approval-period' }, t('reporting.period')), picker), body);
  const show = async (period) => {
    ctx.periodId = period.id;
    clear(body).append(loading());
    let consolidated;
    try {
      consolidated = await getJson(`/api/reports/consolidated?unitId=${encodeURIComponent(user.unitId)}&periodId=${encodeURIComponent(period.id)}`, { signal });
    } catch (error) {
      clear(body).append(problemBox(error) ?? '');
      return;
    }
    const queue = (consolidated.reports ?? []).filter((report) => report.status === 'SUBMITTED');
    const detail = h('div', { id: 'approval-detail' });
    clear(body).append(
      section(t('approvals.queue', { count: number(queue.length) }), queue.length
        ? h('ul', { class: 'queue', id: 'approval-queue' }, queue.map((report) => h('li', { dataset: { reportId: report.reportId } },
          h('button', { type: 'button', class: 'secondary', onclick: () => openReport(detail, report.reportId, ctx, () => show(period)) },
            `${report.unitName ?? report.unitId} — ${t(report.late ? 'approvals.late' : 'approvals.onTime')} — ${dateTime(report.submittedAt)}`))))
        : h('p', { class: 'empty', id: 'approval-queue-empty' }, t('approvals.empty'))),
      detail,
      consolidatedView(consolidated));
  };
  picker.addEventListener('change', () => show(periods.find((p) => p.id === picker.value)));
  await show(chosen);
}

async function openReport(container, reportId, ctx, refresh) {
  clear(container).append(loading());
  let report;
  try {
    report = await getJson(`/api/reports/${encodeURIComponent(reportId)}`, { signal: ctx.signal });
  } catch (error) {
    clear(container).append(problemBox(error) ?? '');
    return;
  }
  const problems = h('div', { role: 'alert' });
  const comment = h('textarea', { id: 'approval-comment', rows: 2 });
  const reason = h('textarea', { id: 'return-reason', rows: 2 });
  const act = async (path, body) => {
    clear(problems);
    try {
      await sendJson(`/api/reports/${encodeURIComponent(report.id)}/${path}`, { body, version: report.version });
      await refresh();
    } catch (error) {
      problems.append(problemBox(error) ?? '');
    }
  };
  clear(container).append(section(t('approvals.reportOf', { unit: report.unitName ?? report.unitId }),
    reportStatusPanel(report),
    indicatorTable(report.indicators),
    h('dl', { class: 'narrative' }, ['results', 'limitations', 'lessons', 'proposals'].map((name) =>
      h('div', {}, h('dt', {}, t(`narrative.${name}`)), h('dd', {}, report.narrative?.[name] ?? '—')))),
    h('div', { class: 'approval-actions' },
      h('div', { class: 'field' }, h('label', { for: 'approval-comment' }, t('approvals.comment')), comment),
      h('button', { type: 'button', class: 'primary', id: 'approve-report', onclick: () => act('approval', { comment: comment.value || null }) }, t('approvals.approve')),
      h('div', { class: 'field' }, h('label', { for: 'return-reason' }, t('approvals.returnReason')), reason),
      h('button', { type: 'button', class: 'secondary danger', id: 'return-report', onclick: () => act('return', { reason: reason.value }) }, t('approvals.return'))),
    problems,
    report.history?.length ? h('div', {}, h('h3', {}, t('reportForm.history')), reportHistory(report.history)) : null));
  container.querySelector('h2')?.setAttribute('tabindex', '-1');
  container.querySelector('h2')?.focus();
}

function indicatorTable(indicators) {
  const entries = Object.entries(indicators ?? {});
  return h('table', { class: 'data-table' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('reportForm.indicator')),
    h('th', { scope: 'col', class: 'num' }, t('reportForm.reported')), h('th', { scope: 'col', class: 'num' }, t('reportForm.live')))),
  h('tbody', {}, entries.map(([code, value]) => h('tr', {}, h('th', { scope: 'row' }, t(`indicatorCode.${code}`, {}, code)),
    h('td', { class: 'num' }, number(value?.value ?? value)), h('td', { class: 'num' }, value?.prefilled === null || value?.prefilled === undefined ? '—' : number(value.prefilled))))));
}

function consolidatedView(consolidated) {
  const sums = Object.entries(consolidated.indicatorSums ?? {});
  const status = h('span', { class: 'export-status', role: 'status', id: 'consolidated-export-status' });
  const file = (extension, labelKey) => h('button', {
    type: 'button',
    class: 'secondary',
    id: `consolidated-${extension}`,
    onclick: async () => {
      status.textContent = t('export.preparing');
      try {
        await download(`/api/exports/${encodeURIComponent(consolidated.unitId)}/reports/${encodeURIComponent(consolidated.periodId)}.${extension}`,
          `bao-cao-${consolidated.periodId}-${consolidated.unitId}.${extension}`);
        status.textContent = t('export.downloaded');
      } catch (error) {
        status.textContent = error.detail ?? t('error.server');
      }
    },
  }, t(labelKey));
  return section(t('approvals.consolidated', { submitted: number(consolidated.childrenSubmitted), expected: number(consolidated.childrenExpected) }),
    h('div', { class: 'server-exports' }, file('pdf', 'approvals.pdf'), file('xlsx', 'approvals.xlsx'),
      h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, t('approvals.print')), status),
    sums.length ? h('table', { class: 'data-table', id: 'consolidated-sums' }, h('caption', {}, t('approvals.sums')),
      h('tbody', {}, sums.map(([code, value]) => h('tr', {}, h('th', { scope: 'row' }, t(`indicatorCode.${code}`, {}, code)), h('td', { class: 'num' }, number(value))))))
      : h('p', { class: 'empty' }, t('approvals.noStanding')),
    (consolidated.missing ?? []).length ? h('div', {}, h('h3', {}, t('approvals.missing', { count: number(consolidated.missing.length) })),
      h('ul', { id: 'consolidated-missing' }, consolidated.missing.map((m) => h('li', {}, m.name ?? m.unitId)))) : null);
}
