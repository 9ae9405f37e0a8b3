// The port's own time zone, so officers read times as the port's clocks show them. A UN/LOCODE
// starts with the port's country; most countries have one zone, and the ports of those that span
// several are named here (a port missing from the list gets its country's first zone).
import { type TimeZoneTable, vendoredTimeZones } from '#reference/vendored.ts';

const PORTS: Record<string, string> = {
  USNYC: 'America/New_York',
  USBAL: 'America/New_York',
  USSAV: 'America/New_York',
  USMIA: 'America/New_York',
  USHOU: 'America/Chicago',
  USMSY: 'America/Chicago',
  USLAX: 'America/Los_Angeles',
  USLGB: 'America/Los_Angeles',
  USOAK: 'America/Los_Angeles',
  USSEA: 'America/Los_Angeles',
  USANC: 'America/Anchorage',
  USHNL: 'Pacific/Honolulu',
  CAVAN: 'America/Vancouver',
  CAMTR: 'America/Toronto',
  CAHAL: 'America/Halifax',
  AUSYD: 'Australia/Sydney',
  AUMEL: 'Australia/Melbourne',
  AUBNE: 'Australia/Brisbane',
  AUPER: 'Australia/Perth',
  AUFRE: 'Australia/Perth',
  AUADL: 'Australia/Adelaide',
  AUDRW: 'Australia/Darwin',
  RULED: 'Europe/Moscow',
  RUNVS: 'Europe/Moscow',
  RUVVO: 'Asia/Vladivostok',
  BRSSZ: 'America/Sao_Paulo',
  BRRIG: 'America/Sao_Paulo',
  BRMAO: 'America/Manaus',
  MXZLO: 'America/Mexico_City',
  MXVER: 'America/Mexico_City',
  IDJKT: 'Asia/Jakarta',
  IDSUB: 'Asia/Jakarta',
  IDBPN: 'Asia/Makassar',
  CLSAI: 'America/Santiago',
  ESALG: 'Europe/Madrid',
  ESLPA: 'Atlantic/Canary',
  PTLIS: 'Europe/Lisbon',
  KZAKT: 'Asia/Aqtau',
};

// Loaded the first time a port the table above does not name is looked up.
let countries: TimeZoneTable | undefined;

/** The IANA time zone of a port (UTC for a country the table does not know). */
export function portTimeZone(locode: string): string {
  if (PORTS[locode]) return PORTS[locode];
  countries ??= vendoredTimeZones();
  return countries.getCountry(locode.slice(0, 2))?.timezones[0] ?? 'UTC';
}
