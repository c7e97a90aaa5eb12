import type { RequestHandler } from './$types';
import { serveRecordingMedia } from '$lib/server/ir/recording/http';

// Those who may read the deck, and the startup's team; everybody else (signed out too): 404.
export const GET: RequestHandler = (event) => serveRecordingMedia(event);
export const HEAD: RequestHandler = (event) => serveRecordingMedia(event);
