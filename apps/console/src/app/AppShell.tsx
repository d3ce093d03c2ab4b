import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useSession } from '../session/session-context';

export function AppShell({ children }: { children: ReactNode }) {
  const { m } = useI18n();
  const { session, signOut } = useSession();
  const { pathname } = useLocation();
  const links = [
    { to: '/', label: m.nav.webhooks, section: '/webhooks' },
    { to: '/deliveries', label: m.nav.deliveries, section: '/deliveries' },
    { to: '/targets', label: m.nav.targets, section: '/targets' },
    { to: '/activity', label: m.nav.activity, section: '/activity' },
    { to: '/api-keys', label: m.nav.apiKeys, section: '/api-keys' },
  ];
  const isCurrent = (link: (typeof links)[number]) =>
    pathname === link.to || pathname === link.section || pathname.startsWith(`${link.section}/`);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <header className="shell__header">
        <span className="brand">{m.app.name}</span>
        <nav aria-label={m.app.mainNavigation} className="shell__nav">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} aria-current={isCurrent(link) ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell__tools">
          <LanguageSwitch />
          <span className="shell__account" title={session.account_id}>
            {m.app.account(session.account_id.slice(0, 8))}
          </span>
          <button type="button" className="button button--quiet" onClick={() => void signOut()}>
            {m.app.signOut}
          </button>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </div>
  );
}
