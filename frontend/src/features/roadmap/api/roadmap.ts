import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toImportPreview, toImportResult } from '@/api/mappers';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { ImportPreview, ImportResult, Visibility } from '@/types/domain';

/** The server refuses documents above 1 MB (413); the app says so before sending one. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const markdown = {
  headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  // The document goes as it is, not as a JSON string.
  bodySerializer: (body: string) => body,
};

/** The group's roadmap as one Markdown document (the same data always gives the same bytes). */
export async function exportRoadmap(slug: string): Promise<string> {
  return unwrap(
    api.GET('/api/groups/{slug}/export', {
      params: { path: { slug } },
      headers: { Accept: 'text/markdown, application/problem+json' },
      parseAs: 'text',
    }),
  );
}

/** The file a download of the roadmap gets: the group's slug. */
export function roadmapFileName(slug: string): string {
  return `${slug}.md`;
}

/** Saves a text as a file, through a temporary link (the browser's own download). */
export function saveTextFile(text: string, fileName: string, type = 'text/markdown;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useDownloadRoadmap(slug: string) {
  return useMutation({
    mutationFn: async () => {
      const text = await exportRoadmap(slug);
      saveTextFile(text, roadmapFileName(slug));
      return text;
    },
    meta: { doing: 'download the roadmap' },
  });
}

/** What importing the document would create, and what was not understood. Nothing is written. */
export async function previewImport(document: string): Promise<ImportPreview> {
  return toImportPreview(await unwrap(api.POST('/api/imports/preview', { body: document, ...markdown })));
}

/** Replaces the group's plan with the document's, all or nothing. */
export async function importIntoGroup(slug: string, document: string): Promise<ImportResult> {
  return toImportResult(
    await unwrap(
      api.POST('/api/groups/{slug}/import', { params: { path: { slug } }, body: document, ...markdown }),
    ),
  );
}

export interface NewGroupOptions {
  /** Empty: the document's suggestion. */
  slug: string;
  /** Empty: the document's title. */
  name: string;
  visibility: Visibility;
}

/** A new group from the document (administrators), all or nothing; the importer becomes its chair. */
export async function importAsNewGroup(document: string, options: NewGroupOptions): Promise<ImportResult> {
  const query: { slug?: string; name?: string; visibility: string } = { visibility: options.visibility };
  if (options.slug.trim()) {
    query.slug = options.slug.trim();
  }
  if (options.name.trim()) {
    query.name = options.name.trim();
  }
  return toImportResult(
    await unwrap(api.POST('/api/imports', { params: { query }, body: document, ...markdown })),
  );
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: previewImport,
    // The import page explains a refusal in place.
    meta: { doing: 'preview the import', silent: true },
  });
}

export function useImportIntoGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (document: string) => importIntoGroup(slug, document),
    meta: { doing: 'import the roadmap', silent: true },
    onSuccess: () =>
      Promise.all(
        [
          queryKeys.board(slug),
          queryKeys.group(slug),
          queryKeys.goals(slug),
          queryKeys.allMeetings(slug),
          queryKeys.activity(slug),
          queryKeys.allGroups(),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export function useImportAsNewGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, options }: { document: string; options: NewGroupOptions }) =>
      importAsNewGroup(document, options),
    meta: { doing: 'create the group', silent: true },
    // The importer is the new group's chair: their memberships changed too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.allGroups() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me() }),
      ]),
  });
}
