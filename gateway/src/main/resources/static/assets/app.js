// The dashboard: signs the user in, then shows one view at a time (hash routes), starting at the user's unit.
import { clear, h } from './dom.js';
import { applyStaticTexts, language, setLanguage, t } from './i18n.js';
import { completeOidcSignIn, loadConfig, session, signOut } from './auth.js';
import { disposeAll, resizeAll } from './charts.js';
import { problemBox } from './views/common.js';
import { renderSignIn } from './views/signin.js';
import { renderOverview } from './views/overview.js';
import { renderUnit } from './views/unit.js';
import { renderReporting } from './views/reporting.js';
import { renderHonours } from './views/honours.js';
import { renderConferences } from './views/conferences.js';
import { renderPledges } from './views/pledges.js';
import { renderPledge } from './views/pledge.js';
import { renderPledgeForm } from './views/pledge-form.js';
import { renderImports } from './views/imports.js';
import { renderReportForm } from './views/report-form.js';
import { renderApprovals } from './views/approvals.js';
import { canApprove, canImport, canManagePledges, canReport } from './roles.js';

const FIRST_YEAR = 2021;
const CURRENT_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: CURRENT_YEAR - FIRST_YEAR + 1 }, (_, index) => FIRST_YEAR + index);

const ROUTES = {
  overview: { render: renderOverview, usesYear: true },
  unit: { render: renderUnit, usesYear: true },
  reporting: { render: renderReporting, usesYear: false },
  honours: { render: renderHonours, usesYear: true },
  conferences: { render: renderConferences, usesYear: false },
  pledges: { render: renderPledgesRoute, usesYear: true },
  imports: { render: renderImports, usesYear: false },
  reports: { render: renderReportForm, usesYear: false },
  approvals: { render: renderApprovals, usesYear: false },
};

/** #/pledges (the list), #/pledges/new, #/pledges/{id} and #/pledges/{id}/revise. */
function renderPledgesRoute(main, ctx, argument) {
  if (!argument) {
    return renderPledges(main, ctx);
  }
  if (argument === 'new') {
    return renderPledgeForm(main, ctx);
  }
  const [id, action] = argument.split('/');
  return action === 'revise' ? renderPledgeForm(main, ctx, id) : renderPledge(main, ctx, id);
}

const saved = JSON.parse(sessionStorage.getItem('neuguong.view') ?? '{}');
const state = {
  year: YEARS.includes(saved.year) ? saved.year : CURRENT_YEAR,
  structure: saved.structure === 'legacy' ? 'legacy' : 'current',
  indicator: saved.indicator ?? 'coverage',
  periodId: null,
  conferenceId: null,
};
let running = null;
let signInMessage = null;
let lastRoute = null;

function remember() {
  sessionStorage.setItem('neuguong.view', JSON.stringify({ year: state.year, structure: state.structure, indicator: state.indicator }));
}

function parseHash() {
  const [, route = 'overview', ...rest] = window.location.hash.replace(/^#/, '').split('/');
  return ROUTES[route] ? { route, argument: rest.length ? rest.map(decodeURIComponent).join('/') : null } : { route: 'overview', argument: null };
}

function navigate(hash) {
  window.location.hash = hash;
}

function toolbar(usesYear) {
  const bar = document.getElementById('toolbar');
  clear(bar);
  bar.hidden = !usesYear;
  if (!usesYear) {
    return;
  }
  const yearSelect = h('select', { id: 'year-select' }, YEARS.slice().reverse().map((year) =>
    h('option', { value: year, selected: year === state.year ? true : null }, String(year))));
  yearSelect.addEventListener('change', () => {
    state.year = Number(yearSelect.value);
    remember();
    render();
  });
  const radio = (value, labelKey) => {
    const input = h('input', { type: 'radio', name: 'structure', id: `structure-${value}`, value, checked: state.structure === value ? true : null });
    input.addEventListener('change', () => {
      state.structure = value;
      remember();
      render();
    });
    return h('span', { class: 'radio' }, input, h('label', { for: `structure-${value}` }, t(labelKey)));
  };
  bar.append(
    h('div', { class: 'field inline' }, h('label', { for: 'year-select' }, t('toolbar.year')), yearSelect),
    h('fieldset', { class: 'structure' }, h('legend', {}, t('toolbar.structure')),
      radio('current', 'toolbar.structureCurrent'), radio('legacy', 'toolbar.structureLegacy')));
}

function showUser(user) {
  const box = document.getElementById('user-box');
  const nav = document.getElementById('main-nav');
  box.hidden = !user;
  nav.hidden = !user;
  if (!user) {
    document.getElementById('toolbar').hidden = true;
    return;
  }
  document.getElementById('user-name').textContent = `${user.name} (${user.unitId})`;
  const unitLink = nav.querySelector('[data-route="unit"]');
  unitLink.textContent = t(user.unitId === 'vn' ? 'nav.units' : 'nav.myUnit');
  const allowed = { pledges: canManagePledges(user) || user.roles.includes('CENTRAL_BOARD'), imports: canImport(user),
    reports: canReport(user), approvals: canApprove(user) };
  for (const [route, shown] of Object.entries(allowed)) {
    nav.querySelector(`[data-route="${route}"]`).parentElement.hidden = !shown;
  }
}

async function render() {
  running?.abort();
  running = new AbortController();
  disposeAll();
  const main = clear(document.getElementById('main'));
  const user = session();
  showUser(user);
  if (!user) {
    renderSignIn(main, {
      message: signInMessage,
      onSignedIn: () => {
        signInMessage = null;
        render();
      },
    });
    return;
  }
  const { route, argument } = parseHash();
  for (const link of document.querySelectorAll('#main-nav a')) {
    if (link.dataset.route === route) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  toolbar(ROUTES[route].usesYear);
  const routeKey = `${route}/${argument ?? ''}`;
  const moved = lastRoute !== null && lastRoute !== routeKey;
  lastRoute = routeKey;
  const ctx = {
    user,
    root: user.unitId,
    get year() { return state.year; },
    years: YEARS,
    get structure() { return state.structure; },
    get indicator() { return state.indicator; },
    set indicator(value) { state.indicator = value; remember(); },
    get periodId() { return state.periodId; },
    set periodId(value) { state.periodId = value; },
    get conferenceId() { return state.conferenceId; },
    set conferenceId(value) { state.conferenceId = value; },
    get pledgeFilter() { return state.pledgeFilter; },
    set pledgeFilter(value) { state.pledgeFilter = value; },
    signal: running.signal,
    navigate,
  };
  const signal = running.signal;
  main.setAttribute('aria-busy', 'true');
  // each render draws into its own element: one still finishing after the reader moved on draws into a detached one
  const view = h('div', { class: 'view' });
  main.append(view);
  try {
    await ROUTES[route].render(view, ctx, argument);
  } catch (error) {
    if (error.name !== 'AbortError' && !signal.aborted) {
      view.append(problemBox(error) ?? '');
    }
  } finally {
    if (!signal.aborted) {
      main.setAttribute('aria-busy', 'false');
      document.title = `${main.querySelector('h1')?.textContent ?? 'NêuGương'} — NêuGương`;
      if (moved) {
        const heading = main.querySelector('h1');
        heading?.setAttribute('tabindex', '-1');
        heading?.focus();
      }
    }
  }
}

function setUpHeader() {
  for (const button of document.querySelectorAll('.lang-button')) {
    button.addEventListener('click', () => {
      setLanguage(button.dataset.lang);
      localStorage.setItem('neuguong.lang', button.dataset.lang);
      applyLanguage();
      render();
    });
  }
  const projector = document.getElementById('projector-toggle');
  projector.addEventListener('click', () => {
    const on = !document.documentElement.classList.contains('projector');
    document.documentElement.classList.toggle('projector', on);
    projector.setAttribute('aria-pressed', String(on));
    localStorage.setItem('neuguong.projector', on ? '1' : '0');
    render();
  });
  if (localStorage.getItem('neuguong.projector') === '1') {
    document.documentElement.classList.add('projector');
    projector.setAttribute('aria-pressed', 'true');
  }
  document.getElementById('sign-out').addEventListener('click', async () => {
    await signOut();
    signInMessage = null;
    state.periodId = null;
    state.conferenceId = null;
    state.pledgeFilter = null;
    lastRoute = null;
    // the next user starts at the overview of their own unit, not at the page the last one left
    window.history.replaceState(null, '', `${window.location.pathname}#/overview`);
    render();
  });
  window.addEventListener('hashchange', render);
  window.addEventListener('neuguong:signed-out', () => {
    signInMessage = t('signIn.expired');
    render();
  });
  window.matchMedia('print').addEventListener('change', resizeAll);
}

function applyLanguage() {
  applyStaticTexts(document);
  for (const button of document.querySelectorAll('.lang-button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
  }
}

async function boot() {
  setLanguage(localStorage.getItem('neuguong.lang') ?? 'vi');
  applyLanguage();
  setUpHeader();
  const main = document.getElementById('main');
  try {
    await loadConfig();
  } catch (error) {
    clear(main).append(problemBox(error) ?? '');
    return;
  }
  try {
    await completeOidcSignIn();
  } catch {
    signInMessage = t('signIn.oidcFailed');
  }
  await render();
}

boot();
