// Long passenger lists (a cruise ship's, up to the declaration's 10,000) with names in several
// scripts: for the large-declaration tests, the import benchmark and the demo files.
import type { Passenger } from '#shared/people.ts';

const FAMILY = [
  '王',
  'Müller',
  'Ó Briain',
  'Nguyễn',
  'Іваненко',
  'SANTOS',
  '佐藤',
  'García-López',
  'Kowalski',
  'Smith',
];
const GIVEN = ['小红', 'Jürgen', 'Siobhán', 'Thị Mai', 'Олена', 'Maria José', '花子', 'Iñaki', 'Zoë', 'John'];
const NATIONALITY = ['CHN', 'DEU', 'IRL', 'VNM', 'UKR', 'PHL', 'JPN', 'ESP', 'POL', 'GBR'];

// Document numbers and second names as varied as a real list's, so the list compresses no better
// than one would (a deterministic hash of the position, not a random generator).
const hash = (i: number) => Math.imul(i + 1, 2_654_435_761) >>> 0;
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const word = (h: number, length: number) =>
  Array.from({ length }, (_, j) => LETTERS[(h >>> (j * 4)) % LETTERS.length]).join('');

export function passengerOf(i: number): Passenger {
  const k = i % FAMILY.length;
  const h = hash(i);
  return {
    ref: `P${String(i + 1).padStart(5, '0')}`,
    familyName: FAMILY[k]!,
    givenNames: `${GIVEN[(i * 7) % GIVEN.length]!} ${word(h, 1)}${word(hash(h), 5).toLowerCase()}`,
    nationality: NATIONALITY[k]!,
    gender: i % 3 === 0 ? 'F' : i % 3 === 1 ? 'M' : 'X',
    dateOfBirth: `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    document: {
      type: 'PASSPORT',
      number: `${word(hash(h + 1), 2)}${String(h % 10_000_000).padStart(7, '0')}`,
      issuingState: NATIONALITY[k]!,
      expiry: '2034-06-30',
    },
    portOfEmbarkation: 'SGSIN',
    portOfDisembarkation: 'CNTXG',
    transit: i % 10 === 0,
  };
}

export const passengersOf = (n: number): Passenger[] => Array.from({ length: n }, (_, i) => passengerOf(i));
