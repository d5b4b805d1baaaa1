// Pieces every view uses: error and empty states, sections, figures, server exports.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { download } from '../api.js';

export function problemBox(error) {
  if (error?.name === 'AbortError') {
    return null;
  }
  const status = error?.status ?? 0;
  const titleKey = { 0: 'error.network', 403: 'error.forbidden', 404: 'error.notFound', 503: 'error.unavailable' }[status]
    ?? (status >= 500 ? 'error.server' : 'error.request');
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, t(titleKey)),
    error?.detail ? h('p', { class: 'problem-detail' }, error.detail) : null);
}

/** A 404 from an endpoint another team is still building: a calm note instead of an error. */
export function notYetAvailable(error) {
  return error?.status === 404
    ? h('p', { class: 'notice', role: 'status' }, t('state.notYetAvailable'))
    : problemBox(error);
}

export function section(titleText, ...children) {
  return h('section', { class: 'panel', 'aria-label': titleText }, h('h2', {}, titleText), ...children);
}

export function pageTitle(text, subtitle) {
  return h('div', { class: 'page-title' }, h('h1', {}, text), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null);
}

/** A figure: the shown text, and the raw value for machines (tests, exports) in data-value. */
export function figure(name, value, text, className = 'figure-value') {
  return h('span', { class: className, dataset: { figure: name, value: value === null || value === undefined ? '' : String(value) } }, text);
}

/** Links to the server's spreadsheet and CSV of a unit and year (in the structure shown), fetched with the token. */
export function serverExports(unitId, year, structure) {
  const current = structure === 'current' ? '&structure=current' : '';
  const status = h('span', { class: 'export-status', role: 'status' });
  const link = (extension, labelKey) => h('button', {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      status.textContent = t('export.preparing');
      try {
        await download(`/api/exports/${encodeURIComponent(unitId)}.${extension}?year=${year}${current}`,
          `neuguong-${unitId}-${year}${current ? '-hien-nay' : ''}.${extension}`);
        status.textContent = '';
      } catch (error) {
        status.textContent = error.status === 404 ? t('state.notYetAvailable') : (error.detail ?? t('error.server'));
      }
    },
  }, t(labelKey));
  return h('div', { class: 'server-exports' }, h('span', {}, t('export.server')), link('xlsx', 'export.xlsx'),
    link('csv', 'export.csv'), status);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('app.loading'));
}
