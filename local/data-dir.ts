// The data folder holds crew lists and the keys that sign tokens: only its owner may read it. It is
// created 0700, everything written in it 0600, and a folder others can read is refused.
import { mkdirSync, statSync } from 'node:fs';

/** Creates `dataDir` private to this user (or checks it is) and makes new files private too. */
export function preparePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const mode = statSync(dataDir).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(
      `${dataDir} can be read by other users of this machine (mode ${mode.toString(8)}): it holds crew lists and signing keys. Run chmod -R go-rwx ${dataDir}, or set DATA_DIR to a folder of your own`,
    );
  }
  // LevelDB and the key files are created with the process's umask: none for group and others.
  process.umask(0o077);
}
