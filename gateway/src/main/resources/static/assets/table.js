// Data tables (the text alternative of every chart) with a CSV download of exactly what they show.
import { h } from './dom.js';
import { t } from './i18n.js';
import { saveBlob } from './api.js';

/**
 * columns: [{label, value: row => raw value, text?: row => shown text, numeric?, link?: row => href, header?}]
 * The first column heads its row. The CSV holds the shown texts, numbers as plain digits.
 */
export function dataTable({ caption, columns, rows, fileName, id, emptyText }) {
  const table = h('table', { class: 'data-table', id },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label)))),
    h('tbody', {}, rows.map((row) => tableRow(columns, row))));
  const actions = h('div', { class: 'table-actions' },
    h('button', {
      type: 'button',
      class: 'secondary',
      onclick: () => saveBlob(new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), fileName),
    }, t('export.csvShown')));
  const scroller = h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, table);
  if (!rows.length) {
    return h('div', { class: 'table-block' }, h('p', { class: 'empty' }, emptyText ?? t('state.empty')));
  }
  return h('div', { class: 'table-block' }, scroller, actions);
}

function tableRow(columns, row) {
  return h('tr', { dataset: row.id ? { unitId: row.id } : {} }, columns.map((column, index) => {
    const shown = column.text ? column.text(row) : String(column.value(row) ?? '—');
    const href = column.link?.(row);
    const content = href ? h('a', { href }, shown) : shown;
    const attributes = { class: column.numeric ? 'num' : null, dataset: { value: rawValue(column.value(row)) } };
    return index === 0 ? h('th', { scope: 'row', ...attributes }, content) : h('td', attributes, content);
  }));
}

function rawValue(value) {
  return value === null || value === undefined ? '' : String(value);
}

export function toCsv(columns, rows) {
  const lines = [columns.map((column) => csvField(column.label))];
  for (const row of rows) {
    lines.push(columns.map((column) => {
      const value = column.value(row);
      return csvField(column.numeric && typeof value === 'number' ? String(value) : (column.text ? column.text(row) : value));
    }));
  }
  return `${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
