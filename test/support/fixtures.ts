// Payloads as an agent would send them: the builders the demo, the bench and the tests share.
export { announcement, crewMember, crewOf, declaration, readExample } from '#local/examples.ts';
