import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';

export function NotFoundRoute() {
  return (
    <div className="page">
      <EmptyState
        icon="milestone"
        title="This page does not exist"
        action={
          <Link to="/" className="button">
            See all groups
          </Link>
        }
      >
        The address may be mistyped, or the group may have been removed.
      </EmptyState>
    </div>
  );
}

export default NotFoundRoute;
