// Inline messages: errors are announced to screen readers, info quietly.
import type { ReactNode } from 'react';

/** `id`: lets a form field point at its message (aria-describedby). */
export function Notice({ kind = 'error', id, children }: { kind?: 'error' | 'info' | 'success'; id?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div id={id} className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
