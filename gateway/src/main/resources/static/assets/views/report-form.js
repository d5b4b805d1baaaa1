// A unit's periodic report: indicators pre-filled from the live aggregates (the unit may correct them), those only
// the unit knows, the narrative; saved as a draft or submitted, with plausibility warnings before submitting.
import { clear, h } from '../dom.js';
import { language, t } from '../i18n.js';
import { getJson, itemsOf, sendJson } from '../api.js';
import { date, dateTime, number } from '../format.js';
import { nameOf, unit } from '../units.js';
import { canReport } from '../roles.js';
import { loading, pageTitle, problemBox, section } from './common.js';
import { problemList } from './pledge-form.js';

const NARRATIVE = ['results', 'limitations', 'lessons', 'proposals'];

export async function renderReportForm(main, ctx) {
  const { user, signal } = ctx;
  const own = await unit(user.unitId, signal).catch(() => ({ id: user.unitId }));
  main.append(pageTitle(t('reportForm.title', { unit: nameOf(own, user.unitId) }), t('reportForm.subtitle')));
  if (!canReport(user)) {
    main.append(h('p', { class: 'notice', role: 'status' }, t('reportForm.notAllowed')));
    return;
  }
  const periods = sortedPeriods(itemsOf(await getJson('/api/periods', { signal })));
  if (!periods.length) {
    main.append(h('p', { class: 'empty' }, t('reporting.noPeriods')));
    return;
  }
  const chosen = periods.find((p) => p.id === ctx.periodId) ?? periods[0];
  const picker = h('select', { id: 'report-period' }, periods.map((p) =>
    h('option', { value: p.id, selected: p.id === chosen.id ? true : null }, `${p.title ?? p.id} — ${t('reportForm.due')} ${date(p.dueDates?.[own.level] ?? p.dueDates?.GRASSROOTS)}`)));
  const body = h('div');
  main.append(h('div', { class: 'field' }, h('label', { for: 'report-period' }, t('reporting.period')), picker), body);
  let shown = null;
  const show = async (period) => {
    ctx.periodId = period.id;
    shown = period.id;
    clear(body).append(loading());
    const reportId = `${period.id}~${user.unitId}`;
    const [prefill, existing] = await Promise.all([
      getJson(`/api/reports/prefill?unitId=${encodeURIComponent(user.unitId)}&periodId=${encodeURIComponent(period.id)}`, { signal }),
      getJson(`/api/reports/${encodeURIComponent(reportId)}`, { signal }).catch((error) => {
        if (error.status === 404) {
          return null;
        }
        throw error;
      }),
    ]);
    if (shown === period.id) {
      clear(body).append(reportEditor(own, period, prefill, existing, ctx));
    }
  };
  picker.addEventListener('change', () => show(periods.find((p) => p.id === picker.value)).catch((error) => clear(body).append(problemBox(error) ?? '')));
  await show(chosen);
}

export function sortedPeriods(periods) {
  return [...periods].sort((a, b) => String(b.to ?? '').localeCompare(String(a.to ?? '')));
}

function reportEditor(own, period, prefill, existing, ctx) {
  const indicators = Object.entries(prefill.indicators ?? {});
  const status = existing?.status ?? null;
  const editable = !status || ['DRAFT', 'RETURNED', 'APPROVED'].includes(status);
  const form = h('form', { class: 'work-form', id: 'report-form', novalidate: true });
  const warnings = h('div', { id: 'report-warnings', 'aria-live': 'polite' });
  const problems = h('div', { role: 'alert' });
  const rows = indicators.map(([code, info]) => {
    const stored = existing?.indicators?.[code]?.value;
    const value = stored ?? (info.source === 'AGGREGATES' ? info.value : '');
    const control = h('input', { type: 'number', min: 0, step: 1, id: `indicator-${code}`, 'data-code': code, value: value ?? '',
      disabled: editable ? null : true });
    return h('tr', {},
      h('th', { scope: 'row' }, h('label', { for: control.id }, language() === 'en' ? info.labelEn ?? info.label : info.label)),
      h('td', { class: 'num' }, info.source === 'AGGREGATES' ? number(info.value) : t('reportForm.unitOnly')),
      h('td', {}, control));
  });
  const narrative = NARRATIVE.map((name) => h('div', { class: 'field' },
    h('label', { for: `narrative-${name}` }, t(`narrative.${name}`)),
    h('textarea', { id: `narrative-${name}`, rows: 4, disabled: editable ? null : true }, existing?.narrative?.[name] ?? '')));
  const draftButton = h('button', { type: 'button', class: 'secondary', id: 'report-draft' }, t('reportForm.saveDraft'));
  const submitButton = h('button', { type: 'submit', class: 'primary', id: 'report-submit' }, t(status === 'APPROVED' ? 'reportForm.correct' : 'reportForm.submit'));
  form.append(
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', id: 'report-indicators' },
      h('caption', {}, t('reportForm.indicators', { from: prefill.fromYear, to: prefill.toYear })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('reportForm.indicator')), h('th', { scope: 'col', class: 'num' }, t('reportForm.live')),
        h('th', { scope: 'col' }, t('reportForm.reported')))),
      h('tbody', {}, rows))),
    h('h2', {}, t('reportForm.narrative')), ...narrative, warnings, problems,
    editable ? h('div', { class: 'form-actions' }, draftButton, submitButton) : h('p', { class: 'notice' }, t('reportForm.locked', { status: t(`reportStatus.${status}`) })));

  const request = () => ({
    unitId: ctx.user.unitId,
    periodId: period.id,
    indicators: Object.fromEntries([...form.querySelectorAll('[data-code]')].filter((input) => input.value !== '')
      .map((input) => [input.dataset.code, Number(input.value)])),
    narrative: Object.fromEntries(NARRATIVE.map((name) => [name, form.querySelector(`#narrative-${name}`).value.trim() || null])),
  });
  let version = existing?.version ?? null;
  let confirmed = false;
  const save = async (draft) => {
    clear(problems);
    try {
      const { body } = await sendJson(`/api/reports${draft ? '?draft=true' : ''}`, { body: request(), version });
      version = body.version;
      problems.append(h('p', { class: 'success', role: 'status', id: 'report-saved' },
        t(draft ? 'reportForm.draftSaved' : 'reportForm.submitted', { status: t(`reportStatus.${body.status}`) })));
      if (!draft) {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
    } catch (error) {
      problems.append(problemBox(error) ?? '', problemList(error.problem?.errors) ?? '');
    }
  };
  draftButton.addEventListener('click', () => save(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const found = plausibility(request(), prefill, own);
    clear(warnings);
    if (found.length && !confirmed) {
      confirmed = true;
      warnings.append(h('div', { class: 'notice', role: 'alert' }, h('p', {}, t('reportForm.warningsTitle')),
        h('ul', { class: 'warnings' }, found.map((text) => h('li', {}, text)))));
      submitButton.textContent = t('reportForm.submitAnyway');
      return;
    }
    save(false);
  });
  return h('div', {},
    existing ? reportStatusPanel(existing) : null,
    section(t('reportForm.section', { period: period.title ?? period.id }), form),
    existing?.history?.length ? section(t('reportForm.history'), reportHistory(existing.history)) : null);
}

/** Figures that are possible but unlikely: the officer is asked to check them before submitting. */
export function plausibility(request, prefill, own) {
  const found = [];
  const value = (code) => request.indicators[code];
  const label = (code) => {
    const info = prefill.indicators?.[code];
    return (language() === 'en' ? info?.labelEn : info?.label) ?? code;
  };
  if (own.memberCount && value('membersRegistered') > own.memberCount) {
    found.push(t('plausibility.moreThanMembers', { reported: number(value('membersRegistered')), members: number(own.memberCount) }));
  }
  for (const [code, info] of Object.entries(prefill.indicators ?? {})) {
    if (info.source === 'AGGREGATES' && value(code) !== undefined && info.value > 0 && Math.abs(value(code) - info.value) > info.value * 0.2) {
      found.push(t('plausibility.farFromLive', { indicator: label(code), reported: number(value(code)), live: number(info.value) }));
    }
    if (info.source !== 'AGGREGATES' && value(code) === undefined) {
      found.push(t('plausibility.missing', { indicator: label(code) }));
    }
  }
  if (value('studySessions') > 0 && value('studyParticipants') !== undefined && value('studyParticipants') < value('studySessions')) {
    found.push(t('plausibility.fewParticipants'));
  }
  if (value('pledgesCompleted') !== undefined && value('membersRegistered') !== undefined && value('collectivesRegistered') !== undefined
    && value('pledgesCompleted') > value('membersRegistered') + value('collectivesRegistered')) {
    found.push(t('plausibility.moreCompletedThanRegistered'));
  }
  if (!request.narrative.results) {
    found.push(t('plausibility.noResults'));
  }
  return found;
}

export function reportStatusPanel(report) {
  return h('dl', { class: 'facts', id: 'report-status' },
    h('div', {}, h('dt', {}, t('common.status')), h('dd', { dataset: { fact: 'status', value: report.status } }, t(`reportStatus.${report.status}`))),
    report.returnReason ? h('div', {}, h('dt', {}, t('approvals.returnReason')), h('dd', {}, report.returnReason)) : null,
    h('div', {}, h('dt', {}, t('reportForm.revision')), h('dd', {}, String(report.revision ?? 0))),
    report.submittedAt ? h('div', {}, h('dt', {}, t('reportForm.submittedAt')), h('dd', {}, dateTime(report.submittedAt))) : null,
    h('div', {}, h('dt', {}, t('reporting.onTime')), h('dd', {}, t(report.late ? 'common.no' : 'common.yes'))));
}

export function reportHistory(history) {
  return h('ol', { class: 'history' }, history.map((entry) => h('li', {},
    h('time', { datetime: entry.at }, dateTime(entry.at)), ' — ', t(`reportAction.${entry.action}`, {}, entry.action),
    entry.byName ? ` (${entry.byName})` : '', entry.reason ? `: ${entry.reason}` : '')));
}
