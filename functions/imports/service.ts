// Reads a crew and passenger list from an uploaded file, stores nothing: the agent gets the
// persons back to put into a declaration, with every problem pinned to its cell.
import { AppError, PayloadTooLargeError, ValidationError } from '#shared/errors.ts';
import type { Lang } from '#shared/i18n.ts';
import { ArchiveRefused, checkArchive } from './archive.ts';
import { rowsFromCsv } from './csv.ts';
import { personsFromRows } from './persons.ts';
import { IMPORT_LIMITS, type ImportLimits, type PersonsImport, SPREADSHEET_TYPES } from './schema.ts';
import { rowsFromWorkbook, WorkbookRefused } from './workbook.ts';

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

export interface Upload {
  contentType: string | undefined;
  file: Buffer;
  lang: Lang;
}

const CSV_TYPES = new Set([SPREADSHEET_TYPES.csv, 'application/csv']);
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

export async function importPersons(upload: Upload, limits: ImportLimits = IMPORT_LIMITS): Promise<PersonsImport> {
  const type = (upload.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const isZip = upload.file.subarray(0, 4).equals(ZIP_MAGIC);
  if (type !== SPREADSHEET_TYPES.xlsx && !CSV_TYPES.has(type)) {
    throw new UnsupportedMediaTypeError(
      `Send the file as ${SPREADSHEET_TYPES.xlsx} (.xlsx) or ${SPREADSHEET_TYPES.csv} (.csv)`,
      [{ path: 'headers.content-type', message: type ? `${type} is not read` : 'is missing' }],
    );
  }
  if (upload.file.length === 0) throw refused('The file is empty');
  if (upload.file.length > limits.fileBytes) {
    throw new PayloadTooLargeError(`The file is over ${limits.fileBytes / 1024 / 1024} MB`);
  }
  try {
    if (type === SPREADSHEET_TYPES.xlsx) {
      if (!isZip) throw refused('The file is not an .xlsx workbook, though it was sent as one');
      await checkArchive(upload.file, limits);
      return personsFromRows(await rowsFromWorkbook(upload.file, limits.rows), upload.lang);
    }
    if (isZip) throw refused('The file is a workbook, not CSV text: send it as .xlsx');
    return personsFromRows(rowsFromCsv(upload.file, limits.rows), upload.lang);
  } catch (error) {
    if (error instanceof WorkbookRefused) throw refused(error.message, error.details);
    if (error instanceof ArchiveRefused) throw refused(error.message);
    throw error;
  }
}

const refused = (message: string, details: { path: string; message: string }[] = []) =>
  new ValidationError(message, details.length ? details : [{ path: 'body', message }]);
