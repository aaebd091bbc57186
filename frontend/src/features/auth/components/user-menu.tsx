import { useLocation } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Icon } from '@/components/ui/icon';
import { Skeleton } from '@/components/ui/skeleton';
import { signInUrl, signOutUrl } from '@/config/env';
import { useMe } from '../api/get-me';

/** Who is signed in, and the way in or out (through the backend: the browser never holds a token). */
export function UserMenu() {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) {
    return <Skeleton width={120} height={32} radius={999} />;
  }
  if (!me?.authenticated) {
    return (
      <a
        className="button button--small"
        href={signInUrl(location.pathname + location.search)}
        data-testid="sign-in"
      >
        <Icon name="logIn" /> Sign in
      </a>
    );
  }
  const admin = me.roles.includes('admin');
  return (
    <div className="user-menu" data-testid="user-menu">
      <Avatar name={me.name || '?'} size="md" />
      <div className="user-menu__who">
        <span className="user-menu__name" data-testid="signed-in-as">
          {me.name}
        </span>
        <span className="user-menu__role">{admin ? 'Administrator' : (me.email ?? 'Signed in')}</span>
      </div>
      <a
        className="icon-button"
        href={signOutUrl()}
        aria-label="Sign out"
        title="Sign out"
        data-testid="sign-out"
      >
        <Icon name="logOut" />
      </a>
    </div>
  );
}
