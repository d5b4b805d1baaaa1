// The public API through the gateway, with the signed-in user's token. Errors are problem+json (RFC 9457).
import { forgetToken, session } from './auth.js';
import { language } from './i18n.js';

export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
    this.problem = problem;
  }
}

function headers(accept) {
  // problem+json titles, details and field messages come back in the reader's language
  const result = { Accept: accept, 'Accept-Language': language() };
  const current = session();
  if (current) {
    result.Authorization = `Bearer ${current.token}`;
  }
  return result;
}

async function failure(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  if (response.status === 401) {
    forgetToken();
    window.dispatchEvent(new CustomEvent('neuguong:signed-out', { detail: { expired: true } }));
  }
  return new ApiError(response.status, problem?.detail ?? problem?.title ?? response.statusText, problem);
}

async function send(path, { method = 'GET', body, raw, contentType, signal, accept = 'application/json', extraHeaders = {} } = {}) {
  const init = { method, headers: { ...headers(accept), ...extraHeaders }, signal };
  if (raw !== undefined) {
    init.headers['Content-Type'] = contentType;
    init.body = raw;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, null, null);
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}

export async function getJson(path, options) {
  const response = await send(path, options);
  return response.status === 204 ? null : response.json();
}

/**
 * A write: method, JSON body, optional If-Match version and Idempotency-Key. Resolves to {body, version} where
 * version is the one of the ETag the server answered with.
 */
export async function sendJson(path, { method = 'POST', body, version, idempotencyKey, signal } = {}) {
  const extraHeaders = {};
  if (version !== undefined && version !== null) {
    extraHeaders['If-Match'] = `"${version}"`;
  }
  if (idempotencyKey) {
    extraHeaders['Idempotency-Key'] = idempotencyKey;
  }
  const response = await send(path, { method, body, signal, extraHeaders });
  const text = await response.text();
  return { body: text ? JSON.parse(text) : null, status: response.status, location: response.headers.get('Location') };
}

/** Uploads a file as the request body with its content type; resolves to the JSON answer. */
export async function upload(path, file, contentType, { signal } = {}) {
  const response = await send(path, { method: 'POST', raw: file, contentType, signal });
  return response.json();
}

/** The rows of a list answer, whether a bare array or a page {items, page, size, total}. */
export function itemsOf(body) {
  if (Array.isArray(body)) {
    return body;
  }
  return Array.isArray(body?.items) ? body.items : [];
}

/** Every item of a paged list (at most `limit` pages). */
export async function allItems(path, { signal, size = 200, limit = 20 } = {}) {
  const items = [];
  for (let page = 0; page < limit; page += 1) {
    const separator = path.includes('?') ? '&' : '?';
    const body = await getJson(`${path}${separator}page=${page}&size=${size}`, { signal });
    const rows = itemsOf(body);
    items.push(...rows);
    if (Array.isArray(body) || rows.length < size || (body.total !== undefined && items.length >= body.total)) {
      break;
    }
  }
  return items;
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path, fileName) {
  const response = await send(path, { accept: '*/*' });
  const blob = await response.blob();
  saveBlob(blob, fileName);
}

export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Reads a server-sent-events stream with fetch (EventSource cannot send the Authorization header) and calls
 * onEvent(name, data) for each event. Resolves when the server ends the stream.
 */
export async function readEventStream(path, { signal, onOpen, onEvent }) {
  const response = await send(path, { signal, accept: 'text/event-stream' });
  onOpen?.();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop();
    for (const block of blocks) {
      const event = parseEvent(block);
      if (event) {
        onEvent(event.name, event.data);
      }
    }
  }
}

function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      name = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  return data.length ? { name, data: data.join('\n') } : null;
}
