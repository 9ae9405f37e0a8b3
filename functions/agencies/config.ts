// Which agencies a port's departure waits for, from AGENCY_CHECKS or the defaults of a Chinese
// port: the border station decides persons and the arrival/departure permits itself (reviews);
// customs (GACC, which took over health quarantine and free pratique in 2018) and the maritime
// safety administration (the final port clearance) answer CLEAR or HOLD.
import { NotFoundError } from '#shared/errors.ts';
import { type Agency, AgencySettings } from './schema.ts';

export const DEFAULT_AGENCIES: readonly Agency[] = [
  {
    agency: 'customs',
    name: 'Customs (GACC), including health quarantine',
    roles: ['CUSTOMS', 'QUARANTINE'],
    decides: "Goods, ship's stores and duties; health quarantine and free pratique",
    check: 'recorded',
  },
  {
    agency: 'maritime-safety',
    name: 'Maritime Safety Administration (MSA)',
    roles: ['MARITIME_SAFETY'],
    decides: 'Port state control and the final port clearance for departure',
    check: 'recorded',
  },
];

const known = new Map(DEFAULT_AGENCIES.map((a) => [a.agency, a]));

/** The agencies of `port`: its own list, else the `*` list, else the defaults. */
export function portAgencies(port: string, raw = process.env.AGENCY_CHECKS): Agency[] {
  const settings = raw ? AgencySettings.parse(JSON.parse(raw)) : {};
  const forPort = settings[port] ?? settings['*'];
  if (!forPort) return [...DEFAULT_AGENCIES];
  return Object.entries(forPort).map(([agency, setting]) => {
    const base = known.get(agency) ?? { agency, name: agency, roles: ['OTHER' as const], decides: 'Its own clearance' };
    const full = typeof setting === 'string' ? { check: setting } : setting;
    return { ...base, check: 'recorded', ...full, agency };
  });
}

/** The configured agency, or a 404 that names the ones the port has. */
export function agencyOf(port: string, agency: string, raw = process.env.AGENCY_CHECKS): Agency {
  const agencies = portAgencies(port, raw);
  const found = agencies.find((a) => a.agency === agency);
  if (!found) {
    throw new NotFoundError(`${port} has no agency ${agency}`, [
      { path: 'agency', message: `must be one of ${agencies.map((a) => a.agency).join(', ')}` },
    ]);
  }
  return found;
}
