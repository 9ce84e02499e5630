import { useEffect, useState } from 'react';

/**
 * The window height left below a page's header and toolbars, in pixels, kept
 * current on resize: a virtual list (a tree of 50,000 units) needs a number.
 */
export function useAvailableHeight(reserved: number, minimum = 240): number {
  const measure = () => Math.max(minimum, window.innerHeight - reserved);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const update = () => setHeight(measure());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  });
  return height;
}
