import type { RequestHandler } from './$types';
import { serveRecordingChapters } from '$lib/server/ir/recording/http';

// The chapters (answered questions) as WebVTT, under the same rule as the file.
export const GET: RequestHandler = (event) => serveRecordingChapters(event);
