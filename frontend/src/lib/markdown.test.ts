import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('Markdown is rendered safely', () => {
  it('shouldRenderCommonMarkdown', () => {
    const html = renderMarkdown('**Bold** and a [link](https://example.org)\n\n- one\n- two');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain(
      '<a href="https://example.org" target="_blank" rel="noopener noreferrer nofollow ugc">link</a>',
    );
    expect(html).toContain('<li>one</li>');
  });

  it.each([
    ['<script>window.hacked = true</script>', '<script'],
    ['<img src=x onerror="window.hacked = true">', 'onerror'],
    ['[click](javascript:window.hacked=true)', 'javascript:'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<svg><script>alert(1)</script></svg>', '<svg'],
    ['<p style="position:fixed">x</p>', 'style='],
    ['<form action="https://evil.example"><input name=p></form>', '<form'],
  ])('shouldRemoveWhatCouldRun: %s', (source, forbidden) => {
    expect(renderMarkdown(source).toLowerCase()).not.toContain(forbidden);
  });

  it('shouldRenderNothingForNoText', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});
