import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { fromMonth, type Month } from '@/lib/months';
import { queryKeys } from '@/lib/query-keys';
import type { Board, Milestone } from '@/types/domain';

export type MilestoneFields = Pick<Milestone, 'title' | 'focus' | 'outcomes'>;

export async function updateMilestone(slug: string, month: Month, fields: MilestoneFields, version: number) {
  const saved = await unwrap(
    api.PUT('/api/groups/{slug}/milestones/{month}', {
      params: { path: { slug, month: fromMonth(month) } },
      body: {
        title: fields.title.trim() || undefined,
        focus: fields.focus.trim() || undefined,
        outcomes: fields.outcomes.trim() || undefined,
        version,
      },
    }),
  );
  return {
    title: saved.title ?? '',
    focus: saved.focus ?? '',
    outcomes: saved.outcomes ?? '',
    version: saved.version ?? version + 1,
  } satisfies Milestone;
}

function withMilestone(board: Board, month: Month, milestone: Milestone): Board {
  return {
    ...board,
    columns: board.columns.map((c) => (c.month.key === month.key ? { ...c, milestone } : c)),
  };
}

/** A month's milestone title, focus and outcomes: shown at once at the head of the column, put back if refused. */
export function useUpdateMilestone(slug: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.board(slug);
  return useMutation({
    mutationFn: ({
      month,
      fields,
      milestone,
    }: {
      month: Month;
      fields: MilestoneFields;
      milestone: Milestone;
    }) => updateMilestone(slug, month, fields, milestone.version),
    meta: { doing: 'save the milestone', silent: true },
    onMutate: ({ month, fields, milestone }) => {
      const previous = queryClient.getQueryData<Board>(key);
      if (previous) {
        queryClient.setQueryData<Board>(key, withMilestone(previous, month, { ...milestone, ...fields }));
      }
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) {
        queryClient.setQueryData(key, context.previous);
      }
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: (saved, { month }) => {
      queryClient.setQueryData<Board>(key, (board) => (board ? withMilestone(board, month, saved) : board));
    },
  });
}
