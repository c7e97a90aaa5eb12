// The default FileStore: plain files under one directory (RECORDINGS_DIR, else DATA_DIR/recordings).
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, copyFile, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkKey, type FileStore } from './store';

export function createDiskStore(root: string): FileStore {
	const base = resolve(root);
	const pathOf = (key: string) => join(base, checkKey(key));
	return {
		async stat(key) {
			const info = await stat(pathOf(key)).catch(() => null);
			return info?.isFile() ? { size: info.size } : null;
		},
		read(key, range) {
			return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : undefined);
		},
		async putFile(key, localPath) {
			const target = pathOf(key);
			await mkdir(dirname(target), { recursive: true });
			// rename is atomic on one file system; across file systems copy then remove.
			await rename(localPath, target).catch(async () => {
				await copyFile(localPath, `${target}.part`);
				await rename(`${target}.part`, target);
				await unlink(localPath);
			});
		},
		async removePrefix(prefix) {
			await rm(pathOf(prefix), { recursive: true, force: true });
		},
		async workDir(prefix) {
			const dir = pathOf(prefix);
			await mkdir(dir, { recursive: true });
			return dir;
		}
	};
}
