// What a part of the app brings to the shell: who it is for, its navigation and its pages. The
// officers' pages are one section; another (the agents' portal) adds its own beside it.
import type { ReactNode } from 'react';
import type { Session } from '../config';
import type { Label } from '../i18n';

export interface NavLink {
  label: Label;
  href: string;
  /** Shown only to these roles (default: everyone the section is for). */
  roles?: Session['role'][];
}

export interface Section {
  roles: Session['role'][];
  /** Where a member of the section lands. */
  home: string;
  nav: NavLink[];
  /** The page for a hash, or undefined when the hash is not this section's. */
  page(hash: string): { node: ReactNode; navHref: string } | undefined;
}
