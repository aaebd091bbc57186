import type { CSSProperties } from 'react';

/** A placeholder block with the size of what it stands for, so nothing jumps when the data arrives. */
export function Skeleton({
  width,
  height = '1em',
  radius,
  className,
}: {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  radius?: CSSProperties['borderRadius'];
  className?: string;
}) {
  return (
    <span
      className={className ? `skeleton ${className}` : 'skeleton'}
      style={{ width, height, borderRadius: radius }}
      aria-hidden="true"
    />
  );
}
