import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { ImportFlow } from '@/features/roadmap/components/import-flow';
import { useGroup } from '@/features/working-groups/api/get-group';

const boardHref = (slug: string) => `/groups/${encodeURIComponent(slug)}/board`;

/** A planning document into this group's board, replacing its plan (members; widening the plan needs a chair). */
export function GroupImportRoute() {
  const { slug = '' } = useParams();
  const { data: group, isPending } = useGroup(slug);
  if (isPending) {
    return (
      <div className="page">
        <Skeleton height={320} />
      </div>
    );
  }
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h2>Import a roadmap document</h2>
          <p className="page__lead">
            Replace this group&apos;s plan with a Markdown document, for instance one your community keeps in
            Git. You see what would change before anything does.
          </p>
        </div>
        <Link to="../about" relative="path" className="button">
          Cancel
        </Link>
      </div>
      {group?.canEdit ? (
        <ImportFlow
          target={{
            kind: 'group',
            slug: group.slug,
            name: group.name,
            planStart: group.planStart,
            planEnd: group.planEnd,
            canManage: group.canManage,
          }}
          boardHref={boardHref}
        />
      ) : (
        <div className="panel">
          <EmptyState icon="lock" title="Only members of this group import into it">
            Members, chairs and administrators may replace a group&apos;s plan with a document. Anyone who can
            see the group can download its roadmap from the group page.
          </EmptyState>
        </div>
      )}
    </div>
  );
}

export default GroupImportRoute;
