import { useMemo } from 'react';
import { renderMarkdown } from '@/lib/markdown';

/** Markdown as sanitized HTML (see lib/markdown.ts). Import lazily: it brings the Markdown parser. */
export function Markdown({ source, className }: { source: string | null | undefined; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // eslint-disable-next-line react/no-danger -- sanitized by DOMPurify in renderMarkdown
  return (
    <div className={className ? `prose ${className}` : 'prose'} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

export default Markdown;
