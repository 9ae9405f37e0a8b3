// The officers' section: the shift board as home, the queues, a call, and the supervisors' devices.
import type { Section } from '../shell/section';
import { Alerts } from './Alerts';
import { CallPage } from './CallPage';
import { Devices } from './Devices';
import { Reviews } from './Reviews';
import { ShiftBoard } from './ShiftBoard';

export const officerSection: Section = {
  roles: ['officer', 'supervisor'],
  home: '#/shift',
  nav: [
    { label: 'shiftBoard', href: '#/shift' },
    { label: 'reviews', href: '#/reviews' },
    { label: 'alerts', href: '#/alerts' },
    { label: 'devices', href: '#/devices', roles: ['supervisor'] },
  ],
  page(hash) {
    const call = /^#\/calls\/(C[0-9A-Z]+)/.exec(hash);
    if (call) return { node: <CallPage callId={call[1]!} />, navHref: '#/shift' };
    if (hash.startsWith('#/reviews')) return { node: <Reviews />, navHref: '#/reviews' };
    if (hash.startsWith('#/alerts')) return { node: <Alerts />, navHref: '#/alerts' };
    if (hash.startsWith('#/devices')) return { node: <Devices />, navHref: '#/devices' };
    // The old overview address leads to the shift board, which replaces it.
    if (hash.startsWith('#/shift') || hash.startsWith('#/overview'))
      return { node: <ShiftBoard />, navHref: '#/shift' };
    return undefined;
  },
};
