// Names of org units, read once per session from the registry.
import { allItems, getJson } from './api.js';
import { language } from './i18n.js';

const units = new Map();
const childLists = new Map();

export async function unit(id, signal) {
  if (!units.has(id)) {
    units.set(id, getJson(`/api/org-units/${encodeURIComponent(id)}`, { signal }).catch((error) => {
      units.delete(id);
      throw error;
    }));
  }
  return units.get(id);
}

/** Every child of a unit, current and legacy, keyed by id. */
export async function childrenById(id, signal) {
  if (!childLists.has(id)) {
    childLists.set(id, allItems(`/api/org-units/${encodeURIComponent(id)}/children`, { signal }).then((children) => {
      const byId = new Map();
      for (const child of children) {
        byId.set(child.id, child);
        units.set(child.id, Promise.resolve(child));
      }
      return byId;
    }).catch((error) => {
      childLists.delete(id);
      throw error;
    }));
  }
  return childLists.get(id);
}

/** A unit's name in the reader's language, or its id when unknown. */
export function nameOf(orgUnit, fallbackId) {
  if (!orgUnit) {
    return fallbackId ?? '';
  }
  return (language() === 'en' && orgUnit.nameEn) ? orgUnit.nameEn : (orgUnit.name ?? orgUnit.id);
}

/** Names of many units (for lists that carry only ids); unknown ones keep their id. */
export async function namesOf(ids, signal) {
  const unique = [...new Set(ids.filter(Boolean))];
  const names = new Map();
  const queue = [...unique];
  const worker = async () => {
    while (queue.length) {
      const id = queue.shift();
      try {
        names.set(id, nameOf(await unit(id, signal), id));
      } catch (error) {
        if (error.name === 'AbortError') {
          throw error;
        }
        names.set(id, id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, unique.length) }, worker));
  return names;
}
