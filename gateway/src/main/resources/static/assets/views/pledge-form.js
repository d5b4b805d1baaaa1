// The pledge registration (and revision) form: the server checks the draft as the reader types, with the same
// validation and specificity rules as a registration, so a generic ("chung chung") pledge is fixed before it is filed.
import { clear, h, uniqueId } from '../dom.js';
import { language, t } from '../i18n.js';
import { getJson, sendJson } from '../api.js';
import { percent } from '../format.js';
import { childrenById, nameOf, unit } from '../units.js';
import { canManagePledges } from '../roles.js';
import { pageTitle, problemBox, section } from './common.js';

export const AREAS = ['STUDY', 'ETHICS', 'STYLE', 'DUTY', 'BREAKTHROUGH'];
const MAX_COMMITMENTS = 20;
const CHECK_DELAY_MS = 500;

/** `#/pledges/new` or, with a pledge id, `#/pledges/{id}/revise`. */
export async function renderPledgeForm(main, ctx, revisingId = null) {
  const { user, signal } = ctx;
  const existing = revisingId ? await getJson(`/api/pledges/${encodeURIComponent(revisingId)}`, { signal }) : null;
  main.append(pageTitle(t(existing ? 'pledgeForm.reviseTitle' : 'pledgeForm.title'), t('pledgeForm.subtitle')));
  if (!existing && !canManagePledges(user)) {
    main.append(h('p', { class: 'notice', role: 'status' }, t('pledgeForm.notAllowed')));
    return;
  }
  const units = await unitChoices(user, existing, signal);
  const thisYear = new Date().getFullYear();
  const idempotencyKey = crypto.randomUUID();

  const form = h('form', { class: 'work-form', id: 'pledge-form', novalidate: true });
  const problems = h('div', { class: 'form-problems', role: 'alert' });
  const year = select('pledge-year', [thisYear, thisYear + 1, thisYear - 1].map((y) => [y, String(y)]), existing?.year ?? thisYear);
  const unitSelect = select('pledge-unit', units.map((u) => [u.id, `${nameOf(u, u.id)} (${u.id})`]), existing?.unitId ?? units[0]?.id);
  year.disabled = Boolean(existing);
  unitSelect.disabled = Boolean(existing);

  const kind = existing?.pledger?.kind ?? 'INDIVIDUAL';
  const kindRadios = ['INDIVIDUAL', 'COLLECTIVE'].map((value) => {
    const input = h('input', { type: 'radio', name: 'pledger-kind', id: `pledger-kind-${value}`, value,
      checked: value === kind ? true : null, disabled: existing ? true : null });
    return h('span', { class: 'radio' }, input, h('label', { for: `pledger-kind-${value}` }, t(`pledgerKind.${value}`)));
  });
  const memberId = input('pledger-memberId', existing?.pledger?.memberId ?? '', { disabled: existing ? true : null });
  const fullName = input('pledger-fullName', existing?.pledger?.fullName ?? '');
  const position = input('pledger-position', existing?.pledger?.position ?? '');
  const collectiveName = input('pledger-name', existing?.pledger?.name ?? '', { disabled: existing ? true : null });
  const individualFields = h('div', { class: 'field-row' },
    field('pledger.memberId', t('pledgeForm.memberId'), memberId, t('pledgeForm.memberIdHint')),
    field('pledger.fullName', t('pledgeForm.fullName'), fullName),
    field('pledger.position', t('pledgeForm.position'), position));
  const collectiveFields = h('div', { class: 'field-row' }, field('pledger.name', t('pledgeForm.collectiveName'), collectiveName,
    t('pledgeForm.collectiveNameHint')));

  const commitmentList = h('ol', { class: 'commitments', id: 'commitments' });
  const addButton = h('button', { type: 'button', class: 'secondary', id: 'add-commitment' }, t('pledgeForm.addCommitment'));
  const checkPanel = h('div', { class: 'specificity-panel', id: 'specificity', 'aria-live': 'polite' },
    h('p', { class: 'hint' }, t('pledgeForm.checkHint')));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'pledge-submit' }, t(existing ? 'pledgeForm.saveRevision' : 'pledgeForm.submit'));

  form.append(
    h('div', { class: 'field-row' }, field('year', t('common.year'), year), field('unitId', t('common.unit'), unitSelect)),
    h('fieldset', { class: 'kind' }, h('legend', {}, t('pledgeForm.kind')), kindRadios),
    individualFields, collectiveFields,
    h('h2', {}, t('pledgeForm.commitments')),
    commitmentList, addButton,
    problems,
    h('div', { class: 'form-actions' }, submit, h('a', { href: existing ? `#/pledges/${existing.id}` : '#/pledges', class: 'button-link' }, t('common.cancel'))));
  main.append(h('div', { class: 'form-with-aside' }, section(t('pledgeForm.section'), form),
    h('aside', { class: 'panel aside' }, h('h2', {}, t('pledgeForm.specificityTitle')), checkPanel)));

  const showKind = () => {
    const individual = form.querySelector('input[name="pledger-kind"]:checked').value === 'INDIVIDUAL';
    individualFields.hidden = !individual;
    collectiveFields.hidden = individual;
  };
  for (const radio of form.querySelectorAll('input[name="pledger-kind"]')) {
    radio.addEventListener('change', () => { showKind(); scheduleCheck(); });
  }
  showKind();

  const renumber = () => {
    const items = [...commitmentList.children];
    items.forEach((item, index) => {
      item.querySelector('legend').textContent = t('pledgeForm.commitmentN', { n: index + 1 });
      item.dataset.index = String(index);
      item.querySelector('.remove-commitment').disabled = items.length === 1;
    });
    addButton.disabled = items.length >= MAX_COMMITMENTS;
  };
  const addCommitment = (commitment = {}) => {
    commitmentList.append(commitmentEditor(commitment, () => { renumber(); scheduleCheck(); }));
    renumber();
  };
  (existing?.commitments?.length ? existing.commitments : [{ area: 'DUTY' }]).forEach(addCommitment);
  addButton.addEventListener('click', () => {
    addCommitment({ area: 'DUTY' });
    commitmentList.lastElementChild.querySelector('textarea').focus();
    scheduleCheck();
  });

  const request = () => {
    const individual = form.querySelector('input[name="pledger-kind"]:checked').value === 'INDIVIDUAL';
    return {
      year: Number(year.value),
      unitId: unitSelect.value,
      pledger: individual
        ? { kind: 'INDIVIDUAL', memberId: blankToNull(memberId.value), fullName: blankToNull(fullName.value), position: blankToNull(position.value) }
        : { kind: 'COLLECTIVE', name: blankToNull(collectiveName.value) },
      commitments: [...commitmentList.children].map((item) => ({
        area: item.querySelector('select').value,
        action: blankToNull(item.querySelector('[data-name="action"]').value),
        linkedDuty: blankToNull(item.querySelector('[data-name="linkedDuty"]').value),
        measure: blankToNull(item.querySelector('[data-name="measure"]').value),
        target: blankToNull(item.querySelector('[data-name="target"]').value),
        dueDate: blankToNull(item.querySelector('[data-name="dueDate"]').value),
      })),
    };
  };

  let timer = null;
  let checking = null;
  const scheduleCheck = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, CHECK_DELAY_MS);
  };
  const check = async () => {
    checking?.abort();
    checking = new AbortController();
    signal.addEventListener('abort', () => checking.abort(), { once: true });
    const path = `/api/pledges/drafts/specificity${existing ? `?revising=${encodeURIComponent(existing.id)}` : ''}`;
    checkPanel.dataset.state = 'checking';
    try {
      const { body } = await sendJson(path, { body: request(), signal: checking.signal });
      markFields(form, []);
      clear(checkPanel).append(specificityView(body));
      checkPanel.dataset.state = body.generic ? 'generic' : 'specific';
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      const fieldProblems = error.problem?.errors ?? [];
      markFields(form, fieldProblems);
      clear(checkPanel).append(error.status === 400
        ? h('div', {}, h('p', { class: 'hint' }, t('pledgeForm.incomplete')), problemList(fieldProblems))
        : problemBox(error) ?? '');
      checkPanel.dataset.state = 'incomplete';
    }
  };
  form.addEventListener('input', scheduleCheck);
  form.addEventListener('change', scheduleCheck);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    clear(problems);
    try {
      const { body } = existing
        ? await sendJson(`/api/pledges/${encodeURIComponent(existing.id)}`, { method: 'PUT', body: request(), version: existing.version })
        : await sendJson('/api/pledges', { body: request(), idempotencyKey });
      ctx.navigate(`#/pledges/${encodeURIComponent(body.id)}`);
    } catch (error) {
      submit.disabled = false;
      markFields(form, error.problem?.errors ?? []);
      problems.append(problemBox(error) ?? '');
      if (error.status === 409 && error.problem?.existingId) {
        problems.append(h('p', {}, h('a', { href: `#/pledges/${encodeURIComponent(error.problem.existingId)}` }, t('pledgeForm.existing'))));
      }
      if (error.problem?.errors?.length) {
        problems.append(problemList(error.problem.errors));
      }
      problems.querySelector('.problem')?.setAttribute('tabindex', '-1');
      problems.querySelector('.problem')?.focus();
    }
  });
  if (existing) {
    check();
  }
}

async function unitChoices(user, existing, signal) {
  if (existing) {
    return [await unit(existing.unitId, signal).catch(() => ({ id: existing.unitId }))];
  }
  const own = await unit(user.unitId, signal).catch(() => ({ id: user.unitId }));
  const children = await childrenById(user.unitId, signal).catch(() => new Map());
  const current = [...children.values()].filter((child) => !child.validTo).sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'vi'));
  return [own, ...current.slice(0, 500)];
}

function commitmentEditor(commitment, onRemove) {
  const id = uniqueId('commitment');
  const area = h('select', { id: `${id}-area`, 'data-name': 'area' }, AREAS.map((value) =>
    h('option', { value, selected: value === (commitment.area ?? 'DUTY') ? true : null }, t(`area.${value}`))));
  const text = (name, value, multiline) => (multiline
    ? h('textarea', { id: `${id}-${name}`, 'data-name': name, rows: 3, maxlength: 1000 }, value ?? '')
    : h('input', { id: `${id}-${name}`, 'data-name': name, type: name === 'dueDate' ? 'date' : 'text', value: value ?? '', maxlength: 500 }));
  const item = h('li', { class: 'commitment' });
  const remove = h('button', { type: 'button', class: 'secondary remove-commitment' }, t('pledgeForm.removeCommitment'));
  remove.addEventListener('click', () => {
    item.remove();
    onRemove();
  });
  const labelled = (name, control, hint) => h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id }, t(`commitment.${name}`)), hint ? h('span', { class: 'hint' }, hint) : null, control,
    h('span', { class: 'field-problem' }));
  item.append(h('fieldset', {}, h('legend', {}),
    labelled('area', area),
    labelled('action', text('action', commitment.action, true), t('commitment.actionHint')),
    h('div', { class: 'field-row' },
      labelled('linkedDuty', text('linkedDuty', commitment.linkedDuty)),
      labelled('measure', text('measure', commitment.measure))),
    h('div', { class: 'field-row' },
      labelled('target', text('target', commitment.target), t('commitment.targetHint')),
      labelled('dueDate', text('dueDate', commitment.dueDate))),
    remove));
  return item;
}

/** The score, the "chung chung" verdict and each finding with what triggered it and how to fix it. */
export function specificityView(specificity, commitments) {
  const findings = Array.isArray(specificity?.findings) ? specificity.findings : [];
  const verdict = specificity?.generic
    ? h('p', { class: 'badge badge-generic', id: 'specificity-verdict' }, t('specificity.generic'))
    : h('p', { class: 'badge badge-specific', id: 'specificity-verdict' }, t('specificity.specific'));
  return h('div', { class: 'specificity-view' },
    h('p', { class: 'specificity-score' }, t('specificity.score'), ' ',
      h('strong', { id: 'specificity-score', dataset: { value: String(specificity?.score ?? '') } }, percent(specificity?.score))),
    verdict,
    findings.length
      ? h('ul', { class: 'findings', id: 'findings' }, findings.map((finding) => findingItem(finding, commitments)))
      : h('p', { class: 'hint' }, t('specificity.noFindings')));
}

function findingItem(finding, commitments) {
  const english = language() === 'en';
  const message = (english ? finding.messageEn : finding.messageVi) ?? finding.messageVi ?? finding.code;
  // the words that triggered the finding; the message usually quotes them already
  const evidence = (Array.isArray(finding.evidence) ? finding.evidence : []).filter((words) => !message.includes(words));
  const suggestion = (english ? finding.suggestionEn : finding.suggestionVi) ?? null;
  // the pledge it nearly copies, named only to readers who may see that pledge
  const copied = finding.copyOf?.pledgeId ?? null;
  const copiedText = finding.copyOf?.pledger ?? null;
  const where = commitments?.[finding.commitmentIndex]?.action;
  return h('li', { class: 'finding', dataset: { code: finding.code, commitment: String(finding.commitmentIndex) } },
    h('span', { class: 'finding-where' }, t('specificity.inCommitment', { n: finding.commitmentIndex + 1 })),
    ' ', h('span', { class: 'finding-message' }, message),
    where ? h('q', { class: 'finding-action' }, where) : null,
    evidence.length ? h('span', { class: 'finding-phrase' }, t('specificity.phrase'), ' ',
      evidence.map((words, index) => [index ? ', ' : '', h('mark', {}, words)])) : null,
    copied || copiedText ? h('span', { class: 'finding-copy' }, t('specificity.copies'), ' ',
      copied ? h('a', { href: `#/pledges/${encodeURIComponent(copied)}` }, copiedText ?? copied) : h('q', {}, copiedText)) : null,
    suggestion ? h('span', { class: 'finding-suggestion' }, t('specificity.suggestion'), ' ', suggestion) : null);
}

export function problemList(errors) {
  if (!errors?.length) {
    return null;
  }
  return h('ul', { class: 'problem-list' }, errors.map((error) => h('li', { dataset: { field: error.field } },
    h('code', {}, fieldLabel(error.field)), ': ', error.message)));
}

/** A readable name of a field path such as commitments[1].action. */
function fieldLabel(path) {
  const match = /^commitments\[(\d+)\]\.(\w+)$/.exec(path ?? '');
  if (match) {
    return `${t('pledgeForm.commitmentN', { n: Number(match[1]) + 1 })} — ${t(`commitment.${match[2]}`, {}, match[2])}`;
  }
  return t(`field.${path}`, {}, path);
}

/** Marks the controls the server named (aria-invalid, the message under the control); clears the others. */
function markFields(form, errors) {
  for (const holder of form.querySelectorAll('[data-field]')) {
    holder.classList.remove('invalid');
    holder.querySelector('.field-problem').textContent = '';
    holder.querySelector('input, select, textarea')?.removeAttribute('aria-invalid');
  }
  for (const error of errors) {
    const match = /^commitments\[(\d+)\]\.(\w+)$/.exec(error.field ?? '');
    const holder = match
      ? form.querySelector(`#commitments > li:nth-child(${Number(match[1]) + 1}) [data-field="${match[2]}"]`)
      : form.querySelector(`[data-field="${CSS.escape(error.field ?? '')}"]`);
    if (holder) {
      holder.classList.add('invalid');
      holder.querySelector('.field-problem').textContent = error.message;
      holder.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    }
  }
}

function select(id, options, selected) {
  return h('select', { id }, options.map(([value, label]) =>
    h('option', { value, selected: String(value) === String(selected) ? true : null }, label)));
}

function input(id, value, attributes = {}) {
  return h('input', { id, type: 'text', value, ...attributes });
}

function field(name, label, control, hint) {
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: control.id }, label),
    hint ? h('span', { class: 'hint' }, hint) : null, control, h('span', { class: 'field-problem' }));
}

function blankToNull(value) {
  return value && value.trim() ? value.trim() : null;
}
