import { open } from 'node:fs/promises';

/** Makes a rename durable: the new directory entry reaches the disk before we report success. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
