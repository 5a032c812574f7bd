// An .xlsx is a zip archive. Before any spreadsheet reader sees it, every entry is inflated once,
// counting and discarding the bytes, so that a « zip bomb » (a few kilobytes that inflate to
// gigabytes) is refused after LIMITS.inflatedBytes, whatever sizes its directory claims.
import { createInflateRaw } from 'node:zlib';
import { ImportFileError, LIMITS } from './file-error';

const NOT_XLSX =
  'Ce fichier n’est pas un classeur Excel (.xlsx) lisible : enregistrez-le à nouveau au format .xlsx ou CSV.';
const TOO_BIG = `Une fois décompressé, ce classeur dépasse ${LIMITS.inflatedBytes / 1024 / 1024} Mo : enregistrez-le au format CSV, ou découpez-le.`;

type Entry = { method: number; compressedSize: number; dataStart: number };

/** The entries listed by the archive's central directory. */
function entriesOf(zip: Buffer): Entry[] {
  const minEnd = Math.max(0, zip.length - 22 - 65_535);
  let end = -1;
  for (let i = zip.length - 22; i >= minEnd; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ImportFileError(400, NOT_XLSX);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff || count > 10_000) throw new ImportFileError(400, NOT_XLSX);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new ImportFileError(400, NOT_XLSX);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50)
      throw new ImportFileError(400, NOT_XLSX);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (dataStart + compressedSize > zip.length) throw new ImportFileError(400, NOT_XLSX);
    entries.push({ method, compressedSize, dataStart });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry without keeping it; rejects once the budget left is spent. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        reject(new ImportFileError(413, TOO_BIG));
      }
    });
    inflate.on('error', () => reject(new ImportFileError(400, NOT_XLSX)));
    inflate.on('end', () => resolve(size));
    inflate.end(data);
  });
}

export async function checkXlsxArchive(zip: Buffer): Promise<void> {
  let budget: number = LIMITS.inflatedBytes;
  for (const entry of entriesOf(zip)) {
    const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) budget -= data.length;
    else if (entry.method === 8) budget -= await inflatedSize(data, budget);
    else throw new ImportFileError(400, NOT_XLSX);
    if (budget < 0) throw new ImportFileError(413, TOO_BIG);
  }
}
