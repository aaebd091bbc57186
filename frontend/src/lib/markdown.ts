/**
 * Markdown from cards, goals and groups, rendered safely: marked turns it into HTML, DOMPurify removes everything
 * that could run (script, event handlers, javascript: URLs, iframes, forms, style). Links open in a new tab without
 * handing over the opener. Loaded lazily with the views that show Markdown.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: true, async: false });

let hooked = false;

function ensureHooks() {
  if (hooked) {
    return;
  }
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.getAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
    }
  });
}

export function renderMarkdown(source: string | null | undefined): string {
  if (!source) {
    return '';
  }
  ensureHooks();
  const html = marked.parse(source) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
    ],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?!\/))/i,
  });
}
