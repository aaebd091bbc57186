import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/auth/api/get-me';
import { ImportFlow } from '@/features/roadmap/components/import-flow';

const boardHref = (slug: string) => `/groups/${encodeURIComponent(slug)}/board`;

/** A new working group from a planning document (instance administrators). */
export function NewGroupImportRoute() {
  const { data: me, isPending } = useMe();
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>New group from a roadmap document</h1>
          <p className="page__lead">
            Goals, phases, months with their cards and meetings from one Markdown document, all or nothing.
            You become the new group&apos;s chair.
          </p>
        </div>
        <Link to="/" className="button">
          Cancel
        </Link>
      </div>
      {isPending ? (
        <Skeleton height={320} />
      ) : me?.roles.includes('admin') ? (
        <ImportFlow target={{ kind: 'new' }} boardHref={boardHref} />
      ) : (
        <div className="panel">
          <EmptyState icon="lock" title="Only administrators create groups">
            {me?.authenticated
              ? 'Ask an administrator to create the group; a member can then import the document into it.'
              : 'Sign in as an administrator to create a group from a document.'}
          </EmptyState>
        </div>
      )}
    </div>
  );
}

export default NewGroupImportRoute;
