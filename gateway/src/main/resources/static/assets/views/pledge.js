// One pledge: its commitments, why it was judged (findings with the phrase that triggered them and the pledge it
// nearly copies), its history, and the actions the reader may take on it.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, sendJson } from '../api.js';
import { date, dateTime } from '../format.js';
import { nameOf, unit } from '../units.js';
import { isOfficer } from '../roles.js';
import { pageTitle, problemBox, section } from './common.js';
import { problemList, specificityView } from './pledge-form.js';

const GRADES = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];

export async function renderPledge(main, ctx, id) {
  const { user, signal } = ctx;
  const pledge = await getJson(`/api/pledges/${encodeURIComponent(id)}`, { signal });
  const pledgeUnit = await unit(pledge.unitId, signal).catch(() => null);
  const who = pledge.pledger?.fullName ?? pledge.pledger?.name ?? pledge.id;
  main.append(pageTitle(t('pledgePage.title', { who, year: pledge.year }),
    `${nameOf(pledgeUnit, pledge.unitId)} — ${t(`pledgerKind.${pledge.pledger?.kind}`)} — ${t(`pledgeStatus.${pledge.status}`)}`));
  main.append(h('p', {}, h('a', { href: '#/pledges' }, t('pledgePage.back'))));
  main.append(h('dl', { class: 'facts', id: 'pledge-facts' },
    fact(t('common.status'), t(`pledgeStatus.${pledge.status}`), 'status', pledge.status),
    fact(t('pledges.signedOn'), date(pledge.signedOn), 'signedOn', pledge.signedOn),
    fact(t('pledges.onTime'), t(pledge.onTime ? 'common.yes' : 'common.no'), 'onTime', String(pledge.onTime)),
    pledge.pledger?.position ? fact(t('pledgeForm.position'), pledge.pledger.position) : null,
    fact(t('pledges.registeredAt'), dateTime(pledge.registeredAt), 'registeredAt', pledge.registeredAt)));

  main.append(section(t('pledgePage.commitments'), h('ol', { class: 'commitment-list', id: 'pledge-commitments' },
    (pledge.commitments ?? []).map((c, index) => h('li', {},
      h('p', { class: 'commitment-action' }, h('span', { class: 'tag' }, t(`area.${c.area}`)), ' ', c.action),
      h('dl', { class: 'facts small' },
        fact(t('commitment.linkedDuty'), c.linkedDuty ?? '—'), fact(t('commitment.measure'), c.measure ?? '—'),
        fact(t('commitment.target'), c.target ?? '—'), fact(t('commitment.dueDate'), date(c.dueDate)),
        pledge.selfAssessment ? fact(t('pledgePage.outcome'), outcomeText(pledge.selfAssessment, index)) : null))))));

  main.append(section(t('pledgePage.specificity'), specificityView(pledge.specificity, pledge.commitments)));
  main.append(section(t('pledgePage.history'), history(pledge)));
  const actions = h('div', { id: 'pledge-actions' });
  main.append(section(t('pledgePage.actions'), actions));
  showActions(actions, pledge, user, ctx);
}

function fact(label, value, name, raw) {
  return h('div', {}, h('dt', {}, label), h('dd', { dataset: name ? { fact: name, value: raw ?? value } : {} }, value));
}

function outcomeText(selfAssessment, index) {
  const outcome = selfAssessment.outcomes?.find((o) => o.commitmentIndex === index);
  if (!outcome) {
    return '—';
  }
  return `${t(outcome.done ? 'pledgePage.done' : 'pledgePage.notDone')}${outcome.note ? ` — ${outcome.note}` : ''}`;
}

function history(pledge) {
  const entries = [[pledge.registeredAt, t('pledgePage.registered', { by: pledge.registeredBy ?? '—' })]];
  if (pledge.updatedAt && pledge.updatedAt !== pledge.registeredAt && pledge.status === 'REGISTERED') {
    entries.push([pledge.updatedAt, t('pledgePage.revised', { version: pledge.version })]);
  }
  if (pledge.selfAssessment) {
    entries.push([pledge.selfAssessment.at, t('pledgePage.selfAssessed', { summary: pledge.selfAssessment.summary ?? '' })]);
  }
  if (pledge.evaluation) {
    entries.push([pledge.evaluation.at, t('pledgePage.evaluated', { grade: t(`grade.${pledge.evaluation.grade}`), comment: pledge.evaluation.comment ?? '' })]);
  }
  if (pledge.withdrawal) {
    entries.push([pledge.withdrawal.at, t('pledgePage.withdrawn', { reason: pledge.withdrawal.reason })]);
  }
  return h('ol', { class: 'history', id: 'pledge-history' }, entries.map(([at, text]) =>
    h('li', {}, h('time', { datetime: at ?? '' }, dateTime(at)), ' — ', text)));
}

function showActions(container, pledge, user, ctx) {
  const officer = isOfficer(user);
  const own = pledge.pledger?.kind === 'INDIVIDUAL' && pledge.pledger.memberId === user.sub;
  const manages = officer || own;
  const list = [];
  if (pledge.status === 'REGISTERED' && manages) {
    list.push(h('a', { href: `#/pledges/${encodeURIComponent(pledge.id)}/revise`, class: 'button-link', id: 'action-revise' }, t('pledgePage.revise')));
  }
  const panel = h('div', { class: 'action-panel' });
  const open = (builder) => () => { clear(panel).append(builder(pledge, ctx)); panel.querySelector('input, select, textarea')?.focus(); };
  if (pledge.status === 'REGISTERED' && manages) {
    list.push(h('button', { type: 'button', class: 'secondary', id: 'action-self-assess', onclick: open(selfAssessmentForm) }, t('pledgePage.selfAssess')));
  }
  if (pledge.status === 'SELF_ASSESSED' && officer && !own) {
    list.push(h('button', { type: 'button', class: 'secondary', id: 'action-evaluate', onclick: open(evaluationForm) }, t('pledgePage.evaluate')));
  }
  if (pledge.status !== 'WITHDRAWN' && officer) {
    list.push(h('button', { type: 'button', class: 'secondary danger', id: 'action-withdraw', onclick: open(withdrawalForm) }, t('pledgePage.withdraw')));
  }
  container.append(list.length ? h('div', { class: 'form-actions' }, list) : h('p', { class: 'hint' }, t('pledgePage.noActions')), panel);
}

function actionForm(pledge, ctx, { id, fields, submitKey, path, body }) {
  const problems = h('div', { role: 'alert' });
  const form = h('form', { class: 'work-form', id }, fields, problems, h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'primary' }, t(submitKey))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(problems);
    try {
      await sendJson(`/api/pledges/${encodeURIComponent(pledge.id)}/${path}`, { body: body(form), version: pledge.version });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      problems.append(problemBox(error) ?? '', problemList(error.problem?.errors) ?? '');
    }
  });
  return form;
}

function selfAssessmentForm(pledge, ctx) {
  const rows = (pledge.commitments ?? []).map((c, index) => h('fieldset', { class: 'outcome' },
    h('legend', {}, t('pledgeForm.commitmentN', { n: index + 1 }), ': ', c.action),
    h('span', { class: 'radio' }, h('input', { type: 'radio', name: `done-${index}`, id: `done-${index}-yes`, value: 'true', checked: true }),
      h('label', { for: `done-${index}-yes` }, t('pledgePage.done'))),
    h('span', { class: 'radio' }, h('input', { type: 'radio', name: `done-${index}`, id: `done-${index}-no`, value: 'false' }),
      h('label', { for: `done-${index}-no` }, t('pledgePage.notDone'))),
    h('div', { class: 'field' }, h('label', { for: `note-${index}` }, t('pledgePage.note')), h('input', { type: 'text', id: `note-${index}` }))));
  return actionForm(pledge, ctx, {
    id: 'self-assessment-form',
    fields: [...rows, h('div', { class: 'field' }, h('label', { for: 'assessment-summary' }, t('pledgePage.summary')),
      h('textarea', { id: 'assessment-summary', rows: 3 }))],
    submitKey: 'pledgePage.sendSelfAssessment',
    path: 'self-assessment',
    body: (form) => ({
      outcomes: (pledge.commitments ?? []).map((c, index) => ({
        commitmentIndex: index,
        done: form.querySelector(`input[name="done-${index}"]:checked`).value === 'true',
        note: form.querySelector(`#note-${index}`).value || null,
      })),
      summary: form.querySelector('#assessment-summary').value || null,
    }),
  });
}

function evaluationForm(pledge, ctx) {
  return actionForm(pledge, ctx, {
    id: 'evaluation-form',
    fields: [
      h('div', { class: 'field' }, h('label', { for: 'evaluation-grade' }, t('pledges.grade')),
        h('select', { id: 'evaluation-grade' }, GRADES.map((grade) => h('option', { value: grade }, t(`grade.${grade}`))))),
      h('div', { class: 'field' }, h('label', { for: 'evaluation-comment' }, t('pledgePage.comment')), h('textarea', { id: 'evaluation-comment', rows: 3 }))],
    submitKey: 'pledgePage.sendEvaluation',
    path: 'evaluation',
    body: (form) => ({ grade: form.querySelector('#evaluation-grade').value, comment: form.querySelector('#evaluation-comment').value || null }),
  });
}

function withdrawalForm(pledge, ctx) {
  return actionForm(pledge, ctx, {
    id: 'withdrawal-form',
    fields: [h('div', { class: 'field' }, h('label', { for: 'withdrawal-reason' }, t('pledgePage.reason')), h('textarea', { id: 'withdrawal-reason', rows: 3 }))],
    submitKey: 'pledgePage.sendWithdrawal',
    path: 'withdrawal',
    body: (form) => ({ reason: form.querySelector('#withdrawal-reason').value }),
  });
}
