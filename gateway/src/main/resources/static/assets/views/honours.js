// The honour roll of the year: awards by the level of the council that gave them, then by field of work.
import { h } from '../dom.js';
import { language, t } from '../i18n.js';
import { getJson } from '../api.js';
import { date, number } from '../format.js';
import { dataTable } from '../table.js';
import { nameOf, namesOf, unit } from '../units.js';
import { figure, notYetAvailable, pageTitle, section } from './common.js';

export async function renderHonours(main, ctx) {
  const { root, year, signal } = ctx;
  const rootUnit = await unit(root, signal).catch(() => null);
  main.append(pageTitle(t('honours.title', { year }), root === 'vn' ? t('honours.subtitleNation') : t('honours.subtitleUnit', { unit: nameOf(rootUnit, root) })));
  let roll;
  try {
    roll = await getJson(`/api/nominations/honour-roll?year=${year}${root === 'vn' ? '' : `&unitId=${encodeURIComponent(root)}`}`, { signal });
  } catch (error) {
    main.append(notYetAvailable(error) ?? '');
    return;
  }
  const levels = Array.isArray(roll?.levels) ? roll.levels : [];
  const entries = levels.flatMap((level) => (Array.isArray(level.fields) ? level.fields : []).flatMap((field) =>
    (Array.isArray(field.entries) ? field.entries : []).map((entry) => ({ ...entry, level: level.level, fieldInfo: field }))));
  if (!entries.length) {
    main.append(h('p', { class: 'empty' }, t('honours.empty', { year })));
    return;
  }
  const names = await namesOf(entries.map((entry) => entry.unitId), signal).catch(() => new Map());
  // counted like the overview: one per awarded nomination (an escalated one may hold awards of several levels)
  const awarded = new Set(entries.map((entry) => entry.nominationId ?? `${entry.name}|${entry.unitId}`)).size;
  main.append(h('p', { class: 'honour-total' }, figure('honours.awarded', awarded, t('honours.total', { total: number(awarded) })),
    awarded !== entries.length ? ` ${t('honours.decisions', { decisions: number(entries.length) })}` : ''));
  const fieldLabel = (field) => (language() === 'en' ? field?.labelEn : field?.labelVi) ?? t(`field.${field?.field}`, {}, field?.field ?? '—');
  for (const level of levels) {
    const rows = entries.filter((entry) => entry.level === level.level);
    if (!rows.length) {
      continue;
    }
    main.append(section(t('honours.levelTitle', { level: t(`level.${level.level}`), count: number(level.count ?? rows.length) }),
      dataTable({
        caption: t('honours.levelCaption', { level: t(`level.${level.level}`), year }),
        fileName: `neuguong-honour-roll-${year}-${level.level}.csv`,
        columns: [
          { label: t('honours.name'), value: (e) => e.name ?? e.nominationId },
          { label: t('nominations.kind'), value: (e) => e.kind, text: (e) => t(`nomineeKind.${e.kind ?? 'UNKNOWN'}`) },
          { label: t('common.unit'), value: (e) => names.get(e.unitId) ?? e.unitId ?? '' },
          { label: t('nominations.field'), value: (e) => fieldLabel(e.fieldInfo) },
          { label: t('nominations.award'), value: (e) => e.award ?? '', text: (e) => (e.award ? t(`award.${e.award}`) : '—') },
          { label: t('honours.decision'), value: (e) => e.decisionNo ?? '' },
          { label: t('honours.decidedAt'), value: (e) => e.decidedAt ?? '', text: (e) => date(e.decidedAt) },
          { label: t('nominations.replications'), value: (e) => e.replications ?? 0, text: (e) => number(e.replications ?? 0), numeric: true },
        ],
        rows,
      })));
  }
}
