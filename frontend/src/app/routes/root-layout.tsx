import { Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { UserMenu } from '@/features/auth/components/user-menu';
import './root-layout.css';

function Logo() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path d="M11 7v18" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M11 9h9.5l3 3.5-3 3.5H11z" fill="#fff" />
    </svg>
  );
}

export function RootLayout() {
  const navigation = useNavigation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <Logo />
          <span className="brand__name">Milepost</span>
        </Link>
        <nav className="app-header__nav" aria-label="Main">
          <NavLink to="/" end>
            Groups
          </NavLink>
        </nav>
        <div className="app-header__spacer" />
        <UserMenu />
        {navigation.state === 'loading' ? <div className="route-progress" aria-hidden="true" /> : null}
      </header>
      <main id="main" className="app-main">
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </main>
      <ScrollRestoration />
    </div>
  );
}
