// The agents' portal: the agent's calls as home, announcing a call, a call with its checks and
// permits, its declarations' wizards, and the notifications. Only agents get it.
import type { Section } from '../shell/section';
import { AgentCallPage } from './AgentCallPage';
import { Announce } from './Announce';
import { MyCalls } from './MyCalls';
import { Notifications } from './Notifications';
import { DeclarationPage } from './wizard/DeclarationPage';

export const agentSection: Section = {
  roles: ['agent'],
  home: '#/my-calls',
  nav: [
    { label: 'myCalls', href: '#/my-calls' },
    { label: 'announceCall', href: '#/announce' },
    { label: 'notifications', href: '#/notifications' },
  ],
  page(hash) {
    const declaration = /^#\/my-calls\/(C[0-9A-Z]+)\/(arrival|departure)/.exec(hash);
    if (declaration)
      return {
        node: <DeclarationPage key={hash} callId={declaration[1]!} phase={declaration[2] as 'arrival' | 'departure'} />,
        navHref: '#/my-calls',
      };
    const call = /^#\/my-calls\/(C[0-9A-Z]+)/.exec(hash);
    if (call) return { node: <AgentCallPage key={call[1]} callId={call[1]!} />, navHref: '#/my-calls' };
    if (hash.startsWith('#/announce')) return { node: <Announce />, navHref: '#/announce' };
    if (hash.startsWith('#/notifications')) return { node: <Notifications />, navHref: '#/notifications' };
    if (hash.startsWith('#/my-calls')) return { node: <MyCalls />, navHref: '#/my-calls' };
    return undefined;
  },
};
