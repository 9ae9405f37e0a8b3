// The routes of spreadsheet imports (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { IMPORT_LIMITS, PersonsImport, SPREADSHEET_TYPES } from './schema.ts';

export const importRoutes = defineRoutes({
  importPersons: {
    method: 'POST',
    path: '/v1/imports/persons',
    module: 'imports/api.ts',
    roles: ['agent'],
    summary:
      'Read a crew and passenger list from an .xlsx (IMO Maritime Single Window template) or .csv file; stores nothing',
    stateless: true,
    upload: { contentTypes: Object.values(SPREADSHEET_TYPES), maxBytes: IMPORT_LIMITS.fileBytes },
    responses: { 200: PersonsImport },
    errors: [400, 401, 403, 413, 415],
    // Reading a workbook is work: fewer per second than other writes.
    throttle: { rate: 5, burst: 10 },
  },
});
