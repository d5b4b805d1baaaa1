// Bulk import of pledges from a file: upload, follow the job's progress, then the rows that were not imported
// with their numbers as the spreadsheet shows them (the header is row 1), the duplicates and the generic pledges.
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { getJson, saveBlob, upload } from '../api.js';
import { number } from '../format.js';
import { canImport } from '../roles.js';
import { pageTitle, problemBox, section } from './common.js';

const POLL_MS = 500;
const TYPES = {
  csv: 'text/csv',
  txt: 'text/csv',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The template's columns: the Vietnamese header the server reads, and an example row. */
export const TEMPLATE = [
  ['Năm', '2026'], ['Mã đơn vị', 'w-05569'], ['Loại', 'Cá nhân'], ['Mã đảng viên', 'dv-0001'],
  ['Họ và tên', 'Nguyễn Văn A'], ['Chức vụ', 'Bí thư chi bộ'], ['Tên tập thể', ''], ['Mã chuyên đề', ''],
  ['Nhóm nội dung', 'Nhiệm vụ'],
  ['Nội dung đăng ký', 'Hướng dẫn 100% hộ dân thôn Na Hoa đăng ký dịch vụ công trực tuyến trước 30/9'],
  ['Gắn với nhiệm vụ', 'Phụ trách cải cách hành chính của thôn'], ['Cách đo kết quả', 'Số hộ có tài khoản dịch vụ công'],
  ['Chỉ tiêu', '100% hộ (142 hộ)'], ['Thời hạn', '2026-09-30'], ['Ngày ký', '15/02/2026'],
];

export async function renderImports(main, ctx) {
  const { user, signal } = ctx;
  main.append(pageTitle(t('imports.title'), t('imports.subtitle')));
  if (!canImport(user)) {
    main.append(h('p', { class: 'notice', role: 'status' }, t('imports.notAllowed')));
    return;
  }
  const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.csv,.txt,.ndjson,.jsonl,.xlsx' });
  const start = h('button', { type: 'submit', class: 'primary', id: 'import-start' }, t('imports.start'));
  const template = h('button', { type: 'button', class: 'secondary', id: 'import-template',
    onclick: () => saveBlob(new Blob(['\uFEFF', templateCsv()], { type: 'text/csv;charset=utf-8' }), 'mau-nhap-ban-dang-ky.csv') },
  t('imports.template'));
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'work-form', id: 'import-form' },
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('imports.file')), h('span', { class: 'hint' }, t('imports.fileHint')), fileInput),
    h('div', { class: 'form-actions' }, start, template));
  main.append(section(t('imports.section'), form, h('ul', { class: 'hint-list' },
    ['imports.ruleRows', 'imports.ruleEncoding', 'imports.ruleBadRow', 'imports.ruleSigned', 'imports.ruleAgain'].map((key) => h('li', {}, t(key))))), result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files[0];
    clear(result);
    if (!file) {
      result.append(h('p', { class: 'problem-inline', role: 'alert' }, t('imports.chooseFile')));
      return;
    }
    const extension = file.name.split('.').pop().toLowerCase();
    const type = TYPES[extension];
    if (!type) {
      result.append(h('p', { class: 'problem-inline', role: 'alert' }, t('imports.unknownType')));
      return;
    }
    start.disabled = true;
    try {
      const { jobId } = await upload('/api/pledges/imports', file, type, { signal });
      await follow(result, jobId, signal);
    } catch (error) {
      result.append(problemBox(error) ?? '');
    } finally {
      start.disabled = false;
    }
  });
}

async function follow(container, jobId, signal) {
  const bar = h('progress', { id: 'import-progress', max: 100, value: 0 });
  const status = h('p', { class: 'live-status', role: 'status', id: 'import-status' });
  const details = h('div');
  container.append(section(t('imports.progress'), h('label', { for: 'import-progress' }, t('imports.progressLabel')), bar, status, details));
  for (;;) {
    const job = await getJson(`/api/pledges/imports/${encodeURIComponent(jobId)}`, { signal });
    const total = job.rowsTotal || 0;
    bar.max = Math.max(total, 1);
    bar.value = job.rowsRead ?? 0;
    status.dataset.state = job.status;
    status.textContent = t(`imports.status.${job.status}`, { read: number(job.rowsRead ?? 0), total: number(total) });
    if (job.status === 'COMPLETED' || job.status === 'FAILED') {
      clear(details).append(outcome(job));
      return;
    }
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
  }
}

/** The server numbers rows as the file shows them: in a table the header is row 1, as in Excel. */
function outcome(job) {
  const item = (labelKey, name, value) => h('div', { class: 'summary-item' }, h('span', { class: 'summary-label' }, t(labelKey)),
    h('span', { class: 'summary-value', dataset: { figure: name, value: String(value ?? 0) } }, number(value ?? 0)));
  const rejected = Array.isArray(job.rejectedRows) ? job.rejectedRows : [];
  const duplicates = Array.isArray(job.duplicateRows) ? job.duplicateRows : [];
  const generic = Array.isArray(job.genericPledges) ? job.genericPledges : [];
  return h('div', {},
    job.failureReason ? h('p', { class: 'problem', role: 'alert' }, job.failureReason) : null,
    h('div', { class: 'summary-strip' },
      item('imports.accepted', 'import.accepted', job.accepted),
      item('imports.duplicates', 'import.duplicates', job.duplicates),
      item('imports.rejected', 'import.rejected', job.rejectedRowCount),
      job.genericCount !== undefined ? item('imports.generic', 'import.generic', job.genericCount) : null),
    rejected.length ? h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', id: 'import-rejected' },
      h('caption', {}, t('imports.rejectedCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num' }, t('imports.row')), h('th', { scope: 'col' }, t('imports.field')), h('th', { scope: 'col' }, t('imports.reason')))),
      h('tbody', {}, rejected.flatMap((row) => (row.errors ?? []).map((error) => h('tr', { dataset: { row: String(row.row) } },
        h('th', { scope: 'row', class: 'num' }, String(row.row)), h('td', {}, h('code', {}, error.field)), h('td', {}, error.message)))))))
      : null,
    job.rejectedRowsTruncated ? h('p', { class: 'hint' }, t('imports.truncated')) : null,
    duplicates.length ? h('p', { id: 'import-duplicates' }, t('imports.duplicateRows', { rows: duplicates.join(', ') })) : null,
    generic.length ? h('div', {}, h('h3', {}, t('imports.genericTitle')), h('ul', { id: 'import-generic' }, generic.map((g) =>
      h('li', {}, t('imports.genericRow', { row: g.row }), ' ',
        g.pledgeId ? h('a', { href: `#/pledges/${encodeURIComponent(g.pledgeId)}` }, g.pledger ?? g.pledgeId) : (g.pledger ?? ''))))) : null);
}

function templateCsv() {
  const line = (cells) => cells.map((cell) => (/[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';');
  return `${line(TEMPLATE.map(([header]) => header))}\r\n${line(TEMPLATE.map(([, example]) => example))}\r\n`;
}
