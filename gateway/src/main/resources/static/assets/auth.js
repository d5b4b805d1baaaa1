// Signing in: demo users minted by the local development issuer, or OIDC authorization code + PKCE.
// The access token lives in sessionStorage only: it ends with the tab.

const TOKEN_KEY = 'neuguong.token';
const PKCE_KEY = 'neuguong.pkce';

/** The demo users of the local stack (the same as `./local.sh tokens`). */
export const DEMO_USERS = [
  { sub: 'central-board', name: 'Ban Tuyên giáo và Dân vận Trung ương', unitId: 'vn', roles: ['CENTRAL_BOARD'],
    description: 'demo.centralBoard' },
  { sub: 'province-officer-19', name: 'Cán bộ Tỉnh ủy Thái Nguyên', unitId: 'p-19', roles: ['PROVINCE_OFFICER'],
    description: 'demo.provinceOfficer' },
  { sub: 'commune-officer-05569', name: 'Cán bộ Đảng ủy xã Định Hoá', unitId: 'w-05569', roles: ['UNIT_OFFICER'],
    description: 'demo.communeOfficer' },
  { sub: 'admin', name: 'Quản trị hệ thống', unitId: 'vn', roles: ['ADMIN'], description: 'demo.admin' },
];

export class SignInError extends Error {
}

let config = null;

export async function loadConfig() {
  const response = await fetch('dashboard-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new SignInError(`dashboard-config.json: ${response.status}`);
  }
  config = await response.json();
  return config;
}

export function signInMode() {
  return config?.mode ?? 'dev-issuer';
}

/** The signed-in user ({token, sub, name, unitId, roles, exp}), or null when nobody is or the token expired. */
export function session() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    return null;
  }
  const claims = decodeClaims(token);
  if (!claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return {
    token,
    sub: claims.sub,
    name: claims.name ?? claims.preferred_username ?? claims.sub,
    unitId: claims.unitId ?? 'vn',
    roles: Array.isArray(claims.roles) ? claims.roles : [],
    exp: claims.exp,
  };
}

function decodeClaims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = payload + '='.repeat((4 - (payload.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** Asks the development issuer for a token of a demo user (local stack only). */
export async function signInAsDemoUser(user) {
  let response;
  try {
    response = await fetch(`${config.issuer}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ sub: user.sub, name: user.name, unitId: user.unitId, roles: user.roles }),
    });
  } catch {
    throw new SignInError('issuerUnreachable');
  }
  if (!response.ok) {
    throw new SignInError('issuerRefused');
  }
  const body = await response.json();
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  return session();
}

async function discovery() {
  const response = await fetch(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new SignInError('issuerUnreachable');
  }
  return response.json();
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${window.location.origin}${window.location.pathname}`;
}

/** Sends the browser to the provider's sign-in page (authorization code flow with PKCE, S256). */
export async function startOidcSignIn() {
  const provider = await discovery();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo: window.location.hash }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** Completes the code flow when the provider sent the browser back with ?code=&state=; true when it did. */
export async function completeOidcSignIn() {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('code') && !query.has('error')) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null');
  sessionStorage.removeItem(PKCE_KEY);
  window.history.replaceState(null, '', `${window.location.pathname}${pending?.returnTo ?? ''}`);
  if (query.has('error') || !pending || pending.state !== query.get('state')) {
    throw new SignInError('oidcFailed');
  }
  const provider = await discovery();
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new SignInError('oidcFailed');
  }
  const body = await response.json();
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  return true;
}

/** Forgets the token; with OIDC, also ends the provider's session. */
export async function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  if (signInMode() !== 'oidc') {
    return;
  }
  try {
    const provider = await discovery();
    if (provider.end_session_endpoint) {
      const url = new URL(provider.end_session_endpoint);
      url.search = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() }).toString();
      window.location.assign(url.toString());
    }
  } catch {
    // the local session is gone either way
  }
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}
