import type { ReactNode } from 'react';
import styles from './console.module.css';

/** A console table that scrolls sideways in its own labelled region on a phone, not the whole page. */
export function ScrollingTable({
  labelledBy,
  caption,
  head,
  children,
}: {
  labelledBy: string;
  caption?: string | null;
  head: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((cell, i) => (
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
