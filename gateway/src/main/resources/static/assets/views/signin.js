// The sign-in screen: demo users of the local issuer, or the organisation's OIDC provider.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { DEMO_USERS, SignInError, signInAsDemoUser, signInMode, startOidcSignIn } from '../auth.js';

export function renderSignIn(main, { message, onSignedIn }) {
  const status = h('p', { class: 'problem-inline', role: 'alert' }, message ?? '');
  const fail = (error) => {
    status.textContent = t(`signIn.${error instanceof SignInError ? error.message : 'issuerUnreachable'}`, {}, t('signIn.issuerUnreachable'));
  };
  const panel = h('section', { class: 'panel sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, t('signIn.title')),
    status);
  if (signInMode() === 'oidc') {
    panel.append(h('p', {}, t('signIn.oidcIntro')),
      h('button', { type: 'button', class: 'primary', id: 'oidc-sign-in', onclick: () => startOidcSignIn().catch(fail) }, t('signIn.oidcButton')));
  } else {
    panel.append(h('p', {}, t('signIn.devIntro')),
      h('ul', { class: 'demo-users' }, DEMO_USERS.map((user) => h('li', {},
        h('button', {
          type: 'button',
          class: 'demo-user',
          dataset: { sub: user.sub },
          onclick: async () => {
            try {
              await signInAsDemoUser(user);
              onSignedIn();
            } catch (error) {
              fail(error);
            }
          },
        },
        h('span', { class: 'demo-name' }, user.name),
        h('span', { class: 'demo-role' }, `${t(user.description)} · ${user.roles.map((role) => t(`role.${role}`)).join(', ')} · ${user.unitId}`))))),
      h('p', { class: 'hint' }, t('signIn.devWarning')));
  }
  main.append(panel);
}
