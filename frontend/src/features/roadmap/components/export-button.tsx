import { Icon } from '@/components/ui/icon';
import { showToast } from '@/components/ui/toast-store';
import { roadmapFileName, useDownloadRoadmap } from '../api/roadmap';
import './roadmap.css';

/** "Download roadmap (Markdown)": the group's plan as <slug>.md; a failure is a toast (through the error module). */
export function ExportButton({
  slug,
  label = 'Download roadmap (Markdown)',
  small = false,
}: {
  slug: string;
  label?: string;
  small?: boolean;
}) {
  const download = useDownloadRoadmap(slug);
  return (
    <button
      type="button"
      className={`button${small ? ' button--small' : ''}`}
      disabled={download.isPending}
      aria-busy={download.isPending}
      onClick={() =>
        download.mutate(undefined, {
          onSuccess: () =>
            showToast({ tone: 'success', title: 'Roadmap downloaded', message: roadmapFileName(slug) }),
        })
      }
    >
      <Icon name="download" /> {download.isPending ? 'Preparing…' : label}
    </button>
  );
}
