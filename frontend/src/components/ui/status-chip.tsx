import type { CardStatus } from '@/api/types';

export const statusLabels: Record<CardStatus, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  BLOCKED: 'Blocked',
  DROPPED: 'Dropped',
};

export const statuses = Object.keys(statusLabels) as CardStatus[];

export function StatusChip({ status }: { status: CardStatus }) {
  return (
    <span className={`chip chip--status chip--${status.toLowerCase().replace('_', '-')}`}>
      {statusLabels[status]}
    </span>
  );
}
