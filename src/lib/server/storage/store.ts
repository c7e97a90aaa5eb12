// Where recordings live: a small interface so an S3-compatible store can replace the disk one.
// Keys are relative paths like `<recordingId>/replay.mp4`; nobody outside the store sees a path.
import type { Readable } from 'node:stream';

export type StoredObject = { size: number };
/** An inclusive byte range, as HTTP Range asks for it. */
export type ByteRange = { start: number; end: number };

export interface FileStore {
	/** Size of the object, or null when it does not exist. */
	stat(key: string): Promise<StoredObject | null>;
	/** The object's bytes (or a range of them). */
	read(key: string, range?: ByteRange): Readable;
	/** Moves a finished local file into the store under `key` (the local file is gone afterwards). */
	putFile(key: string, localPath: string): Promise<void>;
	/** Removes every object whose key starts with `prefix/` and the prefix itself. */
	removePrefix(prefix: string): Promise<void>;
	/** A local directory for work in progress under `prefix` (raw tracks, ffmpeg output). */
	workDir(prefix: string): Promise<string>;
}

const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Refuses keys that could leave the store's root (`..`, absolute paths, odd characters). */
export function checkKey(key: string): string {
	if (!KEY.test(key) || key.split('/').some((part) => part === '.' || part === '..'))
		throw new Error(`bad storage key ${JSON.stringify(key)}`);
	return key;
}
