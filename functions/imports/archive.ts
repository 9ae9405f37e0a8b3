// An .xlsx is a zip: before the reader inflates it, measure what it would inflate to. The central
// directory's sizes can lie, so every entry is inflated once here with a running count (yauzl
// also fails an entry whose data outgrows its declared size), and the file is refused as soon as
// the count passes the limit, long before a zip bomb fills the memory.
import yauzl from 'yauzl';
import { IMPORT_LIMITS } from './schema.ts';

export class ArchiveRefused extends Error {}

export async function checkArchive(
  file: Buffer,
  limits: { unzippedBytes: number; zipEntries: number } = IMPORT_LIMITS,
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw new ArchiveRefused('The file is not a readable .xlsx workbook (its zip structure is broken)');
  }
  if (zip.entryCount > limits.zipEntries) {
    throw new ArchiveRefused(`The workbook holds ${zip.entryCount} parts; at most ${limits.zipEntries} are read`);
  }
  let total = 0;
  const tooBig = () =>
    new ArchiveRefused(
      `The workbook unpacks to more than ${limits.unzippedBytes / 1024 / 1024} MB; split the list or remove other sheets`,
    );
  try {
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > limits.unzippedBytes) throw tooBig();
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      let inflated = 0;
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        if (total - entry.uncompressedSize + inflated > limits.unzippedBytes) {
          stream.destroy();
          throw tooBig();
        }
      }
    }
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    throw new ArchiveRefused('The file is not a readable .xlsx workbook (a part of it is damaged)');
  } finally {
    zip.close();
  }
}
