/** Initials in a circle whose hue is derived from the name, so the same person always has the same colour. */
export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) {
    return '?';
  }
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  return (Array.from(first)[0] ?? '').toUpperCase() + (last ? (Array.from(last)[0] ?? '').toUpperCase() : '');
}

function hue(name: string): number {
  let h = 0;
  for (const ch of name) {
    h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  }
  return h;
}

export function Avatar({ name, size = 'sm' }: { name: string; size?: 'sm' | 'md' }) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ ['--avatar-hue' as string]: hue(name) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
