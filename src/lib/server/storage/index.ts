// The recordings store of this process, from the configuration (disk today; S3 would plug in here).
import { join } from 'node:path';
import type { AppConfig } from '../config';
import { createDiskStore } from './disk-store';
import type { FileStore } from './store';

export type { FileStore, ByteRange } from './store';

export function recordingsDir(config: Pick<AppConfig, 'DATA_DIR' | 'RECORDINGS_DIR'>): string {
	return config.RECORDINGS_DIR ?? join(config.DATA_DIR, 'recordings');
}

export function recordingStore(config: Pick<AppConfig, 'DATA_DIR' | 'RECORDINGS_DIR'>): FileStore {
	return createDiskStore(recordingsDir(config));
}
